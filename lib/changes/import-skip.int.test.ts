import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importChanges } from "@/lib/changes/service";
import { validateChangeRows } from "@/lib/changes/csv";
import { tag, userCaller } from "@/lib/testing/scratch";

// An import that overlaps what is recorded skips the changes already there (same pull request key,
// or the same commit key or a 7+ character prefix of it) and counts them; docs/changes-import.md.

const rowsOf = (changes: Record<string, unknown>[]) => {
  const { rows, errors } = validateChangeRows(changes.map((value, i) => ({ row: i + 1, value })));
  assert.deepEqual(errors, []);
  return rows;
};
const prNumber = () => 900_000_000 + Math.floor(Math.random() * 90_000_000);
const hex = () =>
  Buffer.from(tag() + tag() + tag() + tag() + tag())
    .toString("hex")
    .slice(0, 40);

test("a pull request recorded in another spelling, or a commit by its prefix, is skipped and counted", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const n = prNumber();
  const sha = hex();
  const first = await importChanges(
    rowsOf([
      { kind: "CONFIG", title: `PR ${n}`, pullRequest: `#${n}`, mergedAt: "2026-04-02T10:00:00Z" },
      { kind: "MODEL_UPGRADE", title: `Commit ${sha}`, commitSha: sha, mergedAt: "2026-04-02T11:00:00Z" },
    ]),
    lead,
  );
  assert.deepEqual([first.created, first.skipped], [2, 0]);

  const second = await importChanges(
    rowsOf([
      { kind: "CONFIG", title: `Same PR ${n}`, pullRequest: `https://github.com/acme/app/pull/${n}`, mergedAt: "2026-04-02T10:00:00Z" },
      { kind: "CONFIG", title: `New ${n}`, pullRequest: `#${n + 1}`, mergedAt: "2026-04-03T10:00:00Z" },
      { kind: "CONFIG", title: `Same commit ${sha}`, commitSha: sha.slice(0, 9).toUpperCase(), mergedAt: "2026-04-02T11:00:00Z" },
    ]),
    lead,
  );
  assert.equal(second.created, 1);
  assert.equal(second.skipped, 2);
  assert.deepEqual(
    second.skippedRows.map((r) => r.row),
    [1, 3],
  );
  assert.match(second.skippedRows[0].message, /already recorded \(“PR \d+”\)/);
  const recorded = await db.change.findMany({ where: { id: { in: second.ids } }, select: { title: true } });
  assert.deepEqual(
    recorded.map((c) => c.title),
    [`New ${n}`],
  );

  // Everything already there: nothing written, every row counted.
  const third = await importChanges(
    rowsOf([{ kind: "CONFIG", title: "Again", pullRequest: `${n}`, mergedAt: "2026-04-02T10:00:00Z" }]),
    lead,
  );
  assert.deepEqual([third.created, third.skipped, third.ids], [0, 1, []]);
});

test("a row repeating an earlier row of the same import is still refused, and nothing is written", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const n = prNumber();
  await assert.rejects(
    importChanges(
      rowsOf([
        { kind: "CONFIG", title: `A ${n}`, pullRequest: `#${n}`, mergedAt: "2026-04-02T10:00:00Z" },
        { kind: "CONFIG", title: `B ${n}`, pullRequest: `https://github.com/acme/app/pull/${n}`, mergedAt: "2026-04-02T10:00:00Z" },
      ]),
      lead,
    ),
    (error: unknown) =>
      error instanceof AppError && error.code === "VALIDATION" && /row 2: pullRequest: .*also on row 1/.test(error.message),
  );
  assert.equal(await db.change.count({ where: { title: { in: [`A ${n}`, `B ${n}`] } } }), 0);
});
