import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { AppError } from "@/lib/errors";
import { auditLogFiltersSchema, searchParamsToObject } from "@/lib/validations/audit-log";

export const dynamic = "force-dynamic";

// Newest first, 50 a page; pass `nextCursor` back as `cursor` for the next (older) page.
export const GET = apiRoute("audit-log:read", {}, async ({ request }) => {
  const parsed = auditLogFiltersSchema.safeParse(searchParamsToObject(request.nextUrl.searchParams));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fields = flat.fieldErrors as Record<string, string[]>;
    const first = Object.entries(fields).map(([k, v]) => `${k}: ${v[0]}`)[0] ?? flat.formErrors[0] ?? "Invalid filters.";
    throw new AppError("VALIDATION", first, fields);
  }
  const { rows, olderCursor } = await listAuditEntries(parsed.data);
  return NextResponse.json({ items: rows, nextCursor: olderCursor });
});
