import assert from "node:assert/strict";
import { test } from "node:test";
import Papa from "papaparse";
import { changesToCsv, EXPORT_COLUMNS } from "./export-csv";

const change = {
  id: "7d1c0e52-0000-4000-8000-000000000001",
  kind: "PROMPT_CHANGE" as const,
  feature: "support-bot",
  title: '=HYPERLINK("http://evil")',
  pullRequest: "42",
  commitSha: "abcdef1",
  mergedAt: "2026-03-10T22:30:00.000Z",
  approvedBy: "Dana",
  ticket: "CHG-1",
  covered: false,
  evaluation: "AFTER_RELEASE" as const,
  evidence: ["e1", "e2"],
};

test("one row per change with its evaluation and evidence; formulas defused", () => {
  const csv = changesToCsv([change], () => "2026-03-10");
  const rows = Papa.parse<string[]>(csv.trim()).data;
  assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
  const row = Object.fromEntries(EXPORT_COLUMNS.map((k, i) => [k, rows[1][i]]));
  assert.equal(row.evaluation, "AFTER_RELEASE");
  assert.equal(row.evaluation_label, "Evaluated after release");
  assert.equal(row.evaluation_evidence, "e1 e2");
  assert.equal(row.merge_day, "2026-03-10");
  assert.equal(row.title, '\'=HYPERLINK("http://evil")');
});

test("no changes: the header alone", () => {
  assert.equal(
    changesToCsv([], () => ""),
    `${EXPORT_COLUMNS.join(",")}\r\n`,
  );
});
