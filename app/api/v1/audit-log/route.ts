import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { auditLogFiltersSchema, searchParamsToObject } from "@/lib/validations/audit-log";

export const dynamic = "force-dynamic";

// Newest first, 50 a page; pass `nextCursor` back as `cursor` for the next (older) page.
export const GET = apiRoute("audit-log:read", {}, async ({ request }) => {
  const query = parseQuery(searchParamsToObject(request.nextUrl.searchParams), auditLogFiltersSchema, "Invalid filters.");
  const { rows, olderCursor } = await listAuditEntries(query);
  return NextResponse.json({ items: rows, nextCursor: olderCursor });
});
