import { scopeOf } from "@/lib/auth/scope";
import Papa from "papaparse";
import { csvAttachment } from "@/lib/http/csv-attachment";
import { endpoint } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { GAP_CSV_FIELDS, gapAssessment, gapCsvRows } from "@/lib/controls/gap-assessment";

export const dynamic = "force-dynamic";

/** The gap assessment as a CSV attachment, one row per control. */
// A page's download, not part of the machine API's document.
const exportGapAssessment = endpoint({
  method: "GET",
  path: "/gap-assessment/export",
  permission: "controls:read",
  operationId: "exportGapAssessment",
  summary: "Export the gap assessment",
  description: "The gap assessment as a CSV attachment, one row per control.",
  tags: ["Controls"],
  ok: { "200": { description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } } },
});

export const GET = apiRoute(exportGapAssessment, async ({ caller }) => {
  const rows = gapCsvRows(await gapAssessment(await scopeOf(caller)));
  // escapeFormulae: a cell such as "=HYPERLINK(...)" in a note must not run in a spreadsheet.
  const csv = Papa.unparse(
    { fields: [...GAP_CSV_FIELDS], data: rows.map((r) => GAP_CSV_FIELDS.map((f) => r[f])) },
    { escapeFormulae: true },
  );
  return csvAttachment(`${csv}\r\n`, `gap-assessment-${new Date().toISOString().slice(0, 10)}.csv`);
});
