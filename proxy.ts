import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";
import { env } from "@/lib/env";
import { hasMalformedEscape } from "@/lib/http/request-path";

// Gives every page its Content-Security-Policy with a fresh nonce (and HSTS over https). Next reads
// the nonce back from the *request's* CSP header while rendering and puts it on its own scripts.
// It runs on page requests only, so it stays cheap: one random nonce and two header copies.
export function proxy(request: NextRequest) {
  const malformed = hasMalformedEscape(request.nextUrl.pathname);
  if (request.nextUrl.pathname.startsWith("/api/")) {
    // The API passes through untouched, except an address that cannot name anything: a 404 in the
    // API's error shape (its fixed headers still come from next.config.ts).
    if (!malformed) return NextResponse.next();
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Nothing exists at this address." } }, { status: 404 });
  }
  const headers = pageSecurityHeaders(newNonce(), env().NEXTAUTH_URL);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  // The page's path for refusal logs (lib/auth/refusals.ts): server components are not told it.
  requestHeaders.set("x-attest-path", request.nextUrl.pathname);
  // A page address that cannot name anything renders the not-found page (an unmatched path), with its 404.
  const response = malformed
    ? NextResponse.rewrite(new URL("/not-found", request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API (no HTML; its fixed headers come from next.config.ts), not build assets.
      source: "/((?!api/|_next/static/|_next/image|favicon\\.ico).*)",
      // Next buffers in memory (up to 10 MB, then cuts it off) the body of every request the proxy
      // sees, so requests with a body skip it: server actions (Next-Action) and any other upload.
      // Their answers are RSC data or redirects, not HTML that scripts run in. Prefetches skip it
      // too (Next's CSP guide): their payload is rendered again on navigation.
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "content-type" },
        { type: "header", key: "transfer-encoding" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // API reads only (no body, so nothing is buffered): for the malformed-escape 404 above.
      source: "/api/:path*",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "content-type" },
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
