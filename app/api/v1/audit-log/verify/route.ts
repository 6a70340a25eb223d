import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { verifyStoredAuditLog } from "@/lib/audit-log/queries";
import { auditLogApi as api } from "@/lib/api/endpoints/audit-log";

export const dynamic = "force-dynamic";

// The same check and message as `npm run audit:verify` and the page's "Verify chain" button.
export const GET = apiRoute(api.verifyAuditLog, async () => NextResponse.json(await verifyStoredAuditLog()));
