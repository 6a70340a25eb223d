import { test } from "node:test";
import assert from "node:assert/strict";
import { parseChangesText } from "@/lib/changes/csv";

test("gh pr list JSON: the URL is the pull request, the merge commit the SHA, the chosen kind and feature fill in", () => {
  const text = JSON.stringify([
    {
      number: 12,
      title: "Tighten prompt",
      mergedAt: "2026-03-01T09:00:00Z",
      mergeCommit: { oid: "ABCDEF1234567" },
      url: "https://github.com/a/b/pull/12",
    },
    { number: 13, title: "No URL", mergedAt: "2026-03-02T09:00:00Z", mergeCommit: null },
  ]);
  const parsed = parseChangesText(text, { kind: "PROMPT_CHANGE", feature: "support-bot" });
  assert.equal(parsed.format, "gh-json");
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.rows.map((r) => [r.row, r.input.pullRequest, r.input.commitSha, r.input.kind, r.input.feature, r.input.mergedAt.toISOString()]),
    [
      [1, "https://github.com/a/b/pull/12", "abcdef1234567", "PROMPT_CHANGE", "support-bot", "2026-03-01T09:00:00.000Z"],
      [2, "#13", undefined, "PROMPT_CHANGE", "support-bot", "2026-03-02T09:00:00.000Z"],
    ],
  );
});

test("CSV: rows are numbered by line, a zone-less time is UTC, a row's own kind wins, a bad row is named", () => {
  const csv = [
    "title,pullRequest,commitSha,mergedAt,approvedBy,ticket,kind,feature",
    "First,#1,abcdef1,2026-04-01T10:00,Ann,CHG-1,CONFIG,",
    "Second,#2,not-a-sha,2026-04-01T10:00,,,,",
  ].join("\n");
  const parsed = parseChangesText(csv, { kind: "PROMPT_CHANGE" });
  assert.equal(parsed.rows.length, 1);
  assert.equal(parsed.rows[0].row, 2);
  assert.equal(parsed.rows[0].input.kind, "CONFIG");
  assert.equal(parsed.rows[0].input.mergedAt.toISOString(), "2026-04-01T10:00:00.000Z");
  assert.equal(parsed.errors.length, 1);
  assert.equal(parsed.errors[0].row, 3);
  assert.match(parsed.errors[0].messages[0], /^commitSha: /);
});

test("CSV without the required columns, and text that is not JSON, are file-level errors", () => {
  assert.equal(parseChangesText("name,when\nx,y").errors[0].row, 1);
  assert.match(parseChangesText("[oops").errors[0].messages[0], /not valid JSON/);
});
