import Papa from "papaparse";
import { apiRoute } from "@/lib/api/route";
import { GAP_CSV_FIELDS, gapAssessment, gapCsvRows } from "@/lib/controls/gap-assessment";

export const dynamic = "force-dynamic";

/** The gap assessment as a CSV attachment, one row per control. */
export const GET = apiRoute("controls:read", {}, async () => {
  const rows = gapCsvRows(await gapAssessment());
  // escapeFormulae: a cell such as "=HYPERLINK(...)" in a note must not run in a spreadsheet.
  const csv = Papa.unparse(
    { fields: [...GAP_CSV_FIELDS], data: rows.map((r) => GAP_CSV_FIELDS.map((f) => r[f])) },
    { escapeFormulae: true },
  );
  const date = new Date().toISOString().slice(0, 10);
  return new Response(`${csv}\r\n`, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gap-assessment-${date}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
});
