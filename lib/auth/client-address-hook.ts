import { randomBytes } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { trustedProxyHops } from "@/lib/config";

// Next 16's `next start` fills X-Forwarded-For with `??=` (base-server.js): a header the client
// sent is kept unchanged and the socket address is then lost; only when the header is absent
// does Next write the socket address. So, behind no proxy, X-Forwarded-For is whatever the client
// chose. Node publishes every incoming request on the `http.server.request.start` diagnostics
// channel, with its socket, before any listener (Next included) sees it: there the real peer
// and the header as it arrived are known, and the derived address is stamped on a private header
// carrying a per-process random tag, so a client cannot forge it and a stale stamp is ignored.
const HEADER = "x-attest-client-address";
const TAG = Symbol.for("attest.clientAddressTag");
const holder = globalThis as unknown as Record<symbol, { tag: string; subscriber: (message: unknown) => void } | undefined>;

/** Called once from instrumentation.ts in the Node server; throws on a bad ATTEST_TRUSTED_PROXIES. */
export function installClientAddressHook(): void {
  const hops = trustedProxyHops();
  if (holder[TAG]) return;
  const tag = randomBytes(16).toString("hex");
  const subscriber = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[HEADER] = `${tag} ${clientAddressFrom(request.headers["x-forwarded-for"], socket.remoteAddress, hops)}`;
  };
  holder[TAG] = { tag, subscriber }; // a strong reference, so the subscription is never collected
  diagnostics.subscribe("http.server.request.start", subscriber);
}

/**
 * The client address of the request these headers belong to, or "unknown" when the hook did not
 * stamp it (a request that arrived before the server finished starting, or `next dev`): all such
 * requests share one throttling key, which errs on the side of throttling.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get(HEADER) : headers[HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const expected = holder[TAG]?.tag;
  if (!value || !expected) return "unknown";
  const space = value.indexOf(" ");
  return value.slice(0, space) === expected ? value.slice(space + 1) : "unknown";
}
