import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Attest", template: "%s · Attest" },
  description: "SOC 2 evidence for AI and LLM features",
};

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
