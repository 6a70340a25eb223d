import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { csvAttachment } from "@/lib/http/csv-attachment";
import { apiRoute } from "@/lib/api/route";
import { validationError } from "@/lib/errors";
import { changesToCsv } from "@/lib/changes/export-csv";
import { allChanges, getChange, listChanges } from "@/lib/changes/queries";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { validateChangeRows } from "@/lib/changes/csv";
import { createChange, importChanges, rowsRefused } from "@/lib/changes/service";
import { changeSchema } from "@/lib/validations/change";
import { changesApi as api } from "@/lib/api/endpoints/changes";

export const dynamic = "force-dynamic";

// GET /api/v1/changes?evaluation=&covered=&kind=&feature=&from=&to=&page= -> {items, total}; with
// format=csv, every matching change (not one page) as a CSV attachment: the audit-day cross-reference.
export const GET = apiRoute(api.listChanges, async ({ query: { format, ...query }, caller }) => {
  const scope = await scopeOf(caller);
  if (format === "csv") {
    const timeZone = await organisationTimeZone();
    const csv = changesToCsv(await allChanges(query, scope), (mergedAt) => dateIn(timeZone, new Date(mergedAt)));
    return csvAttachment(csv, `attest-changes-${dateIn(timeZone)}.csv`);
  }
  const { items, total } = await listChanges(query, scope);
  return NextResponse.json({ items, total });
});

// POST /api/v1/changes: one change {"kind", "title", "mergedAt", ...}, or {"changes": [...]} (every change not already recorded, or none; the rest skipped and counted).
export const POST = apiRoute(api.createChanges, async ({ body: input, caller }) => {
  if (Array.isArray(input.changes)) {
    const { rows, errors } = validateChangeRows(input.changes.map((value, i) => ({ row: i + 1, value })));
    if (errors.length) throw rowsRefused(errors);
    const { created, ids, skipped, skippedRows } = await importChanges(rows, caller);
    return NextResponse.json({ created, ids, skipped, skippedRows }, { status: 201 });
  }
  const parsed = changeSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "Invalid body.");
  const { id } = await createChange(parsed.data, caller);
  return NextResponse.json(await getChange(id), { status: 201 });
});
