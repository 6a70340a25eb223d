import { z } from "zod";
import { csvBody, endpoint, json, nullable, ref, time } from "@/lib/api/endpoint";
import { dryRunParam, dryRunAnswer } from "@/lib/api/endpoints/import";
import { CSV_COLUMNS } from "@/lib/changes/csv";
import { formatParam } from "@/lib/api/endpoints/format";
import { CHANGE_KINDS, CHANGE_PAGE_SIZE, changeListQuery, changeSchema, IMPORT_MAX_ROWS } from "@/lib/validations/change";

// Model and prompt changes (lib/api/endpoint.ts).

/** One change, or {"changes": [...]}: each row is validated on its own (lib/changes/csv.ts names the row). */
export const changesBody = z.union([
  z.object({ changes: z.array(z.unknown()).min(1, { error: "Send at least one change." }).max(IMPORT_MAX_ROWS) }).strict(),
  z.record(z.string(), z.unknown()),
]);
const changeImportSchema = z.object({ changes: z.array(changeSchema).min(1).max(IMPORT_MAX_ROWS) }).strict();

export const changesApi = {
  listChanges: endpoint({
    method: "GET",
    path: "/api/v1/changes",
    permission: "changes:read",
    query: changeListQuery.extend({ format: formatParam }),
    parameterNotes: {
      evaluation: "Only changes in this evaluation state.",
      covered: "Only changes that are (or are not) evaluated before release.",
      feature: "A feature's slug.",
      from: "Merged on or after this day (UTC).",
      to: "Merged on or before this day (UTC).",
    },
    operationId: "listChanges",
    summary: "List model and prompt changes",
    description:
      `Newest merged first, ${CHANGE_PAGE_SIZE} a page, each with its evaluation: accepted AI-PI-02 evidence naming its commit or pull request, dated on or before its merge day (organisation's calendar). ` +
      "With `format=csv`: every matching change (not one page) as a CSV attachment, the audit-day cross-reference.",
    tags: ["Changes"],
    ok: {
      "200": {
        description: "A page of changes, or with format=csv the CSV file (`Content-Disposition: attachment`).",
        content: { "application/json": { schema: ref("ChangeList") }, "text/csv": { schema: { type: "string" } } },
      },
    },
    errors: ["Validation"],
  }),
  createChanges: endpoint({
    method: "POST",
    path: "/api/v1/changes",
    permission: "changes:write",
    body: changesBody,
    documentedBody: z.union([changeSchema.meta({ id: "ChangeInput" }), changeImportSchema.meta({ id: "ChangeImport" })]),
    example: {
      kind: "PROMPT_CHANGE",
      title: "Shorter system prompt for reply drafts",
      commitSha: "3f2a9c1",
      mergedAt: "2026-03-01T14:30:00Z",
    },
    operationId: "createChanges",
    summary: "Record one change, or import many",
    description:
      'One change, or `{"changes": [...]}` recorded all or nothing. One change whose commit or pull request is already recorded is refused (409); in an import such a row is skipped and counted (`skipped`, `skippedRows`), and a row repeating an earlier row of the same import is refused (named in `fields`).',
    tags: ["Changes"],
    ok: { "201": json({ oneOf: [ref("Change"), ref("ChangeImported")] }, "The recorded change, or the import's count and ids.") },
    errors: ["Validation", "Conflict"],
  }),
  importChangesCsv: endpoint({
    method: "POST",
    path: "/api/v1/changes/import",
    permission: "changes:write",
    query: z.object({
      kind: z.enum(CHANGE_KINDS, { error: `use one of ${CHANGE_KINDS.join(", ")}.` }).optional(),
      feature: changeSchema.shape.feature,
      kindRules: z.string().max(5000, { error: "at most 5000 characters." }).optional(),
      dryRun: dryRunParam,
    }),
    parameterNotes: {
      kind: "The kind of every row that leaves its `kind` cell empty (the import page's choice for all rows).",
      feature: "The feature (slug) of every row that leaves its `feature` cell empty.",
      kindRules:
        "Rules giving a row with an empty `kind` cell its kind from its title, one a line: `<title prefix> => <KIND>` (first match, any case), before `kind` (docs/changes-import.md).",
    },
    requestBody: csvBody(
      `The CSV the import page takes: a header row with at least title and mergedAt (columns ${CSV_COLUMNS.join(", ")}), one change a row.`,
      "title,pullRequest,commitSha,mergedAt,kind\r\nShorter system prompt,https://github.com/acme/app/pull/42,3f2a9c1,2026-03-01T14:30:00Z,PROMPT_CHANGE\r\n",
    ),
    operationId: "importChangesCsv",
    summary: "Import changes from CSV",
    description:
      "The import page's CSV import, for scripts: the same parser, checks and row-numbered messages (row 1 is the header). " +
      "Every change is recorded in one transaction, or none is: a bad row, an unknown feature or a commit or pull request " +
      "repeated within the file is a 400 naming the row and the column (`fields` lists every bad row). A row whose commit or pull " +
      "request is already recorded is skipped, not refused: the answer counts it (`skipped`) and names it (`skippedRows`). Each change is in the audit log, " +
      "as from the page. Send the file as the body with `Content-Type: text/csv` (415 otherwise; 413 over 5 MB).",
    tags: ["Changes"],
    ok: {
      "201": json(ref("ChangeImported"), "Imported: every row not already recorded was recorded."),
      "200": dryRunAnswer({
        rowFields: {
          title: { type: "string" },
          pullRequest: nullable({ type: "string" }),
          commitSha: nullable({ type: "string" }),
          mergedAt: time,
          kind: { type: "string", enum: [...CHANGE_KINDS] },
          feature: nullable({ type: "string" }),
        },
        before: {
          skipped: {
            type: "array",
            description: "Rows already recorded, which the import would skip (not in `rows`).",
            items: { type: "object", properties: { row: { type: "integer" }, message: { type: "string" } } },
          },
        },
        description:
          "With dryRun=true: every row as it would be recorded, the rows it would skip as already recorded, and every row's problems (the database's too); nothing written.",
      }),
    },
    errors: ["PayloadTooLarge", "UnsupportedMediaType"],
  }),
};
