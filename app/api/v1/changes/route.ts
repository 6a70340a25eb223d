import { NextResponse } from "next/server";
import { csvAttachment } from "@/lib/http/csv-attachment";
import { z } from "zod";
import { apiRoute, parseJsonBody, parseQuery } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { changesToCsv } from "@/lib/changes/export-csv";
import { allChanges, getChange, listChanges } from "@/lib/changes/queries";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { validateChangeRows } from "@/lib/changes/rows";
import { createChange, importChanges, rowsRefused } from "@/lib/changes/service";
import { changeListQuery, changeSchema, IMPORT_MAX_ROWS } from "@/lib/validations/change";

export const dynamic = "force-dynamic";

// GET /api/v1/changes?evaluation=&covered=&kind=&feature=&from=&to=&page= -> {items, total}; with
// format=csv, every matching change (not one page) as a CSV attachment: the audit-day cross-reference.
export const GET = apiRoute("changes:read", {}, async ({ request }) => {
  const { format, ...params } = Object.fromEntries(request.nextUrl.searchParams);
  if (format !== undefined && format !== "json" && format !== "csv")
    throw new AppError("VALIDATION", "format: use json (the default) or csv.");
  const query = parseQuery(params, changeListQuery);
  if (format === "csv") {
    const timeZone = await organisationTimeZone();
    const csv = changesToCsv(await allChanges(query), (mergedAt) => dateIn(timeZone, new Date(mergedAt)));
    return csvAttachment(csv, `attest-changes-${dateIn(timeZone)}.csv`);
  }
  const { items, total } = await listChanges(query);
  return NextResponse.json({ items, total });
});

const body = z.union([
  z.object({ changes: z.array(z.unknown()).min(1, { error: "Send at least one change." }).max(IMPORT_MAX_ROWS) }).strict(),
  z.record(z.string(), z.unknown()),
]);

// POST /api/v1/changes: one change {"kind", "title", "mergedAt", ...}, or {"changes": [...]} (all or nothing).
export const POST = apiRoute("changes:write", {}, async ({ request, caller }) => {
  const input = await parseJsonBody(request, body);
  if (Array.isArray(input.changes)) {
    const { rows, errors } = validateChangeRows(input.changes.map((value, i) => ({ row: i + 1, value })));
    if (errors.length) throw rowsRefused(errors);
    const { created, ids } = await importChanges(rows, caller.actor);
    return NextResponse.json({ created, ids }, { status: 201 });
  }
  const change = parseQuery(input, changeSchema, "Invalid body.");
  const { id } = await createChange(change, caller.actor);
  return NextResponse.json(await getChange(id), { status: 201 });
});
