import Papa from "papaparse";
import { csvAttachment } from "@/lib/http/csv-attachment";
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
  return csvAttachment(`${csv}\r\n`, `gap-assessment-${new Date().toISOString().slice(0, 10)}.csv`);
});
