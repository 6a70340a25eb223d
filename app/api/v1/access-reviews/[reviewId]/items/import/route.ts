import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { readCsvBody } from "@/lib/api/read-csv";
import { validationError } from "@/lib/errors";
import { mappingWithSuggestion, readCsvTable } from "@/lib/access-reviews/csv";
import { notAccessCsv, previewCsvItems } from "@/lib/access-reviews/csv-import";
import { importCsvItems } from "@/lib/access-reviews/service";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// POST /api/v1/access-reviews/{reviewId}/items/import?principal=&resource=&accessLevel=&..., the import
// page's CSV as the body (Content-Type: text/csv): 201 {imported, sha256}, all rows or none, one audit
// entry; the mapping left out is the page's suggestion. ?dryRun=true: 200 the preview, nothing written.
export const POST = apiRoute(api.importAccessReviewItemsCsv, async ({ request, params, query: { fileName, dryRun, ...given }, caller }) => {
  const { text, bytes } = await readCsvBody(request, fileName, notAccessCsv);
  const mapping = mappingWithSuggestion(readCsvTable(text).header, given);
  if (!mapping.success) throw validationError(mapping.error, "Nothing was imported: check the column mapping.");
  const input = { text, bytes, fileName, mapping: mapping.data };
  if (dryRun) return NextResponse.json(await previewCsvItems(params.reviewId, input));
  const { imported, sha256 } = await importCsvItems(params.reviewId, input, caller);
  return NextResponse.json({ imported, sha256 }, { status: 201 });
});
