import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { verifyStoredAuditLog } from "@/lib/audit-log/queries";

export const dynamic = "force-dynamic";

// The same check and message as `npm run audit:verify` and the page's "Verify chain" button.
export const GET = apiRoute("audit-log:read", {}, async () => NextResponse.json(await verifyStoredAuditLog()));
