import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { APPLE_TOUCH_ICON, THEME_COLOR } from "@/lib/http/web-manifest";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Attest", template: "%s · Attest" },
  description: "SOC 2 evidence for AI and LLM features",
  // Both listed: a layout's `icons` replaces the link Next would add for app/icon.svg on its own.
  // The manifest's <link> comes from app/manifest.ts (Next's file convention).
  icons: {
    icon: [{ url: "/icon.svg", type: "image/svg+xml" }],
    apple: [{ url: APPLE_TOUCH_ICON, sizes: "180x180", type: "image/png" }],
  },
  // A private compliance app: no indexing even where robots.txt is not read (a shared link).
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: THEME_COLOR };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry the nonce of that request's
  // Content-Security-Policy (proxy.ts), which a page built ahead of time cannot know.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
