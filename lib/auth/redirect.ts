// Where to send a user after sign-in (pure). A callbackUrl is resolved against the app's origin
// with the WHATWG URL parser, the one browsers use, so "/\evil.example" and "/<TAB>/evil.example"
// resolve to evil.example here exactly as they would in the browser, and are refused.

/** For next-auth's redirect callback: `target` if it is on `baseUrl`'s origin, else `baseUrl`. */
export function sameOriginUrl(target: string, baseUrl: string): string {
  try {
    const url = new URL(target, baseUrl);
    if (url.origin === new URL(baseUrl).origin) return url.href;
  } catch {
    // not a URL at all
  }
  return baseUrl;
}

/**
 * For the sign-in page: a path on this app to go to, "/" unless `raw` (the callbackUrl query
 * parameter, possibly repeated) resolves to `appOrigin`. The result is a path with exactly one
 * leading slash, so it cannot be read as a protocol-relative URL.
 */
export function safeCallbackPath(raw: string | string[] | undefined, appOrigin: string): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "/";
  try {
    const origin = new URL(appOrigin).origin;
    const url = new URL(value, origin);
    if (url.origin !== origin) return "/";
    return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
