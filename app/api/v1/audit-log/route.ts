import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { auditLogApi as api } from "@/lib/api/endpoints/audit-log";

export const dynamic = "force-dynamic";

// Newest first, 50 a page; pass `nextCursor` back as `cursor` for the next (older) page.
export const GET = apiRoute(api.listAuditLog, async ({ query, caller }) => {
  const { rows, olderCursor } = await listAuditEntries(query, await scopeOf(caller));
  return NextResponse.json({ items: rows, nextCursor: olderCursor });
});
