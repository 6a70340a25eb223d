import { test } from "node:test";
import assert from "node:assert/strict";
import Papa from "papaparse";
import { buildRecordCsv, recordFileName, type RecordReview, type RecordItem } from "@/lib/access-reviews/record";
import { safeCell } from "@/lib/csv";

const review: RecordReview = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "Model keys, Q3",
  quarter: "2026-Q3",
  startedAt: new Date("2026-07-01T09:00:00Z"),
  dueDate: "2026-07-15",
  signedOffAt: new Date("2026-07-20T10:30:00.123Z"),
  signOffName: "Lee Lead",
  signOffEmail: "lead@example.test",
  signOffStatement: 'All access reviewed; "ops" keys revoked.',
  performedIn: "2026-Q3",
  late: false,
};

const item = (over: Partial<RecordItem>): RecordItem => ({
  principal: "alice",
  principalKind: "HUMAN",
  resource: "openai-prod",
  resourceKind: "MODEL_API_KEY",
  accessLevel: "admin",
  source: "IAM credential report",
  reviewerEmail: "eng@example.test",
  decision: "KEEP",
  comment: "Still on the team",
  selfJustification: null,
  decidedAt: new Date("2026-07-10T08:00:00Z"),
  decidedByEmail: "eng@example.test",
  flags: [],
  credentialsAsOf: null,
  ...over,
});

test("the record has the access review lines, one row per item, and the sign-off lines", () => {
  const csv = buildRecordCsv(review, [
    item({}),
    item({
      principal: "bob",
      decision: "REVOKE",
      comment: "Left, in March",
      flags: ["UNUSED_90_DAYS", "NO_MFA_WITH_CONSOLE"],
      credentialsAsOf: new Date("2026-07-01T09:00:00Z"),
    }),
  ]);
  assert.ok(csv.endsWith("\r\n"));
  const rows = Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;
  assert.deepEqual(rows[0], ["Access review record", "Model keys, Q3"]);
  assert.deepEqual(
    rows.find((r) => r[0] === "Quarter"),
    ["Quarter", "2026-Q3"],
  );
  assert.deepEqual(
    rows.find((r) => r[0] === "Revoke"),
    ["Revoke", "1"],
  );
  const headerAt = rows.findIndex((r) => r[0] === "Principal");
  assert.equal(rows[headerAt].length, 14);
  assert.deepEqual(rows[headerAt].slice(-2), ["Flags at import", "Flags as of (UTC)"]);
  assert.deepEqual(rows[headerAt + 1].slice(-2), ["", ""]);
  assert.deepEqual(rows[headerAt + 2], [
    "bob",
    "HUMAN",
    "openai-prod",
    "MODEL_API_KEY",
    "admin",
    "IAM credential report",
    "eng@example.test",
    "Revoke",
    "Left, in March",
    "",
    "2026-07-10T08:00:00.000Z",
    "eng@example.test",
    "Unused for 90 days; No MFA with console access",
    "2026-07-01T09:00:00.000Z",
  ]);
  assert.deepEqual(rows.at(-3), ["Signed off by", "Lee Lead <lead@example.test>"]);
  assert.deepEqual(rows.at(-2), ["Signed off at (UTC)", "2026-07-20T10:30:00.123Z"]);
  assert.deepEqual(rows.at(-1), ["Sign-off statement", 'All access reviewed; "ops" keys revoked.']);
});

test("fields with commas, quotes and line breaks are quoted as RFC 4180 says", () => {
  const csv = buildRecordCsv(review, [item({ comment: 'a, "b"\nc' })]);
  assert.ok(csv.includes('"a, ""b""\nc"'));
  assert.ok(csv.includes('"All access reviewed; ""ops"" keys revoked."'));
});

test("cells that a spreadsheet would evaluate are prefixed with a quote", () => {
  for (const s of ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx"]) assert.equal(safeCell(s), `'${s}`);
  assert.equal(safeCell("plain"), "plain");
  assert.equal(safeCell(null), "");
  const csv = buildRecordCsv(review, [item({ principal: "=cmd|' /C calc'!A0", comment: "-keep" })]);
  const rows = Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;
  const row = rows.find((r) => r[0].startsWith("'="));
  assert.ok(row, "the formula principal is neutralised");
  assert.equal(row[8], "'-keep");
});

test("the same access review gives the same bytes (the stored SHA-256 is reproducible)", () => {
  assert.equal(buildRecordCsv(review, [item({})]), buildRecordCsv(review, [item({})]));
});

test("the file name carries the quarter and a slug of the name", () => {
  assert.equal(recordFileName("2026-Q3", "Model keys, Q3 (prod) "), "access-review-2026-Q3-model-keys-q3-prod.csv");
  assert.equal(recordFileName("2026-Q1", "Ünïcode!!"), "access-review-2026-Q1-unicode.csv");
  assert.equal(recordFileName("2026-Q1", "???"), "access-review-2026-Q1-access-review.csv");
});

test("the record says which quarter it was performed in and whether it was late for its label", () => {
  const lines = (c: RecordReview) => Papa.parse<string[]>(buildRecordCsv(c, [item({})]).trimEnd(), { newline: "\r\n" }).data;
  const onTime = lines(review);
  assert.deepEqual(
    onTime.find((r) => r[0] === "Performed in"),
    ["Performed in", "2026-Q3"],
  );
  assert.deepEqual(
    onTime.find((r) => r[0] === "Late"),
    ["Late", "No"],
  );
  const late = lines({ ...review, signedOffAt: new Date("2026-10-01T08:00:00Z"), performedIn: "2026-Q4", late: true });
  assert.deepEqual(
    late.find((r) => r[0] === "Performed in"),
    ["Performed in", "2026-Q4"],
  );
  assert.deepEqual(
    late.find((r) => r[0] === "Late"),
    ["Late", "Yes: signed off after 2026-Q3 ended; counts for 2026-Q4"],
  );
});
