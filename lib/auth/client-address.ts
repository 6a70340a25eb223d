// Which address a request came from, given the TCP peer and the X-Forwarded-For header as they
// arrived (pure; see client-address-hook.ts for where they are read).
//
// Each trusted reverse proxy appends the address it received the request from to
// X-Forwarded-For, so with `hops` trusted proxies the client is the `hops`-th value from the
// right; anything left of it was written by the client and proves nothing. With 0 hops the
// header is ignored and the TCP peer is the client.
export function clientAddressFrom(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string {
  if (hops === 0) return normalizeAddress(peer);
  const values = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  // Fewer values than proxies: the request skipped a proxy; the leftmost is the best we know.
  const index = Math.max(values.length - hops, 0);
  return normalizeAddress(values[index] ?? peer);
}

/** IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d; one address, one throttling key. */
export function normalizeAddress(address: string | undefined): string {
  const value = address?.trim().toLowerCase();
  if (!value) return "unknown";
  return value.startsWith("::ffff:") && value.includes(".") ? value.slice(7) : value;
}
