import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";
import { env } from "@/lib/env";

// Gives every page its Content-Security-Policy with a fresh nonce (and HSTS over https). Next reads
// the nonce back from the *request's* CSP header while rendering and puts it on its own scripts.
// It runs on page requests only, so it stays cheap: one random nonce and two header copies.
export function proxy(request: NextRequest) {
  const headers = pageSecurityHeaders(newNonce(), env().NEXTAUTH_URL);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  // The page's path for refusal logs (lib/auth/refusals.ts): server components are not told it.
  requestHeaders.set("x-attest-path", request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
  ],
};
