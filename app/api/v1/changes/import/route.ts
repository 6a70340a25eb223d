import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { readCsvBody } from "@/lib/api/read-csv";
import { importChangesText, notChangesCsv, previewChangesText } from "@/lib/changes/text-import";
import { changesApi as api } from "@/lib/api/endpoints/changes";

export const dynamic = "force-dynamic";

// POST /api/v1/changes/import?kind=&feature=, the import page's CSV as the body (Content-Type: text/csv):
// 201 {created, ids, skipped, skippedRows}, every row not already recorded or none; ?dryRun=true: 200 the page's preview, nothing written.
export const POST = apiRoute(api.importChangesCsv, async ({ request, query: { kind, feature, kindRules, dryRun }, caller }) => {
  const { text } = await readCsvBody(request, "The CSV", notChangesCsv);
  const defaults = { kind, feature: feature || undefined, kindRules };
  if (dryRun) {
    const { rows, errors, skipped } = await previewChangesText(text, defaults);
    return NextResponse.json({ rows, errors, skipped });
  }
  const { created, ids, skipped, skippedRows } = await importChangesText(text, defaults, caller);
  return NextResponse.json({ created, ids, skipped, skippedRows }, { status: 201 });
});
