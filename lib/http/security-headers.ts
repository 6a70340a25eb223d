// The response headers that harden the app in the browser, built by pure functions so that the
// rules (which directive, when HSTS applies) are unit-tested without a server. proxy.ts adds the
// per-request ones (CSP with its nonce, HSTS) to pages; next.config.ts adds the fixed ones to all.

/** Powerful browser features Attest never uses: denied to the app and to anything it embeds. */
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/** Headers for every response, pages, assets and API alike (fixed, so next.config.ts sets them). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
  // A window Attest opens, or that opens Attest, gets no handle on the other (no tabnabbing, no XS-Leaks via window references).
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** API answers carry session-bound data: no browser or proxy may keep a copy. */
export const API_HEADERS: Readonly<Record<string, string>> = { "Cache-Control": "private, no-store" };

/** Whether the public address is https (NEXTAUTH_URL), which decides HSTS and upgrade-insecure-requests. */
export function servedOverHttps(publicUrl: string | undefined): boolean {
  if (!publicUrl || !URL.canParse(publicUrl)) return false;
  return new URL(publicUrl).protocol === "https:";
}

/** A fresh, unguessable nonce: 128 random bits, base64 (the alphabet Next's nonce parser accepts). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page CSP. Scripts run only with this response's nonce (Next reads it from the request's CSP
 * header and puts it on its own script tags); 'strict-dynamic' lets those load the app's chunks.
 * No 'unsafe-eval': neither React nor Next evaluates strings in production.
 *
 * Styles: <style> elements need the nonce too, but style *attributes* are allowed
 * ('unsafe-inline' in style-src-attr only). React's `style={...}` props and Recharts (every
 * chart sets positions and sizes through style attributes) write them, and a nonce cannot apply
 * to an attribute. An attribute cannot hold selectors or load scripts, so the remaining risk of
 * an injected attribute is restyling one element, not reading the page.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, subdomains included: the usual preload-ready value. Only ever sent over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** The per-request headers of a page: its CSP, and HSTS when the app is served over https. */
export function pageSecurityHeaders(nonce: string, publicUrl: string | undefined): Record<string, string> {
  const https = servedOverHttps(publicUrl);
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { https }),
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
