import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

// Public, like /api/health: it describes the API and reveals no data, so that tools and CI can
// read it before they hold a token. Every other handler under /api/v1 checks its caller. Like every
// API answer it is sent `Cache-Control: private, no-store` (next.config.ts).
export function GET() {
  return NextResponse.json(openApiDocument);
}
