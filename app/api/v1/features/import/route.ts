import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { readCsvBody } from "@/lib/api/read-csv";
import { importFeaturesCsv, notFeaturesCsv, previewFeaturesCsv } from "@/lib/features/csv-import";
import { featuresApi as api } from "@/lib/api/endpoints/features";

export const dynamic = "force-dynamic";

// POST /api/v1/features/import, the import page's CSV as the body (Content-Type: text/csv):
// 201 {imported, created, updated}, all rows or none; ?dryRun=true: 200 the page's preview, nothing written.
export const POST = apiRoute(api.importFeaturesCsv, async ({ request, query: { dryRun, fileName }, caller }) => {
  const { text } = await readCsvBody(request, fileName, notFeaturesCsv);
  if (dryRun) {
    const { fileName: name, rows, errors } = await previewFeaturesCsv(text, fileName);
    return NextResponse.json({ fileName: name, rows, errors });
  }
  const { imported, created, updated } = await importFeaturesCsv(text, caller);
  return NextResponse.json({ imported, created, updated }, { status: 201 });
});
