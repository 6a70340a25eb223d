import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import { AppError } from "@/lib/errors";
import { previewCsvItems } from "@/lib/access-reviews/csv-import";
import { mappingWithSuggestion, readCsvTable } from "@/lib/access-reviews/csv";
import { createReview, importCsvItems, startReview } from "@/lib/access-reviews/service";
import { importChangesText, previewChangesText } from "@/lib/changes/text-import";
import { importFeaturesCsv, previewFeaturesCsv } from "@/lib/features/csv-import";
import { scratchUser, tag, userCaller } from "@/lib/testing/scratch";
import { userPrincipal } from "@/lib/auth/principal";

// The import steps shared by the import pages and the API's CSV imports (issue 12 item 3): the
// preview writes nothing; the import writes every row and its audit entries, or nothing, with a
// message naming the row and the column. The HTTP envelope (text/csv, 413, 415, tokens) is
// e2e/csv-import-api.spec.ts's.

const fingerprint = () => fingerprintOf(ownerUrl());
const count = async (sql: string, params: unknown[] = []) => Number((await queryOn<{ n: string }>(ownerUrl(), sql, params))[0].n);
const auditCount = () => count(`SELECT count(*) AS n FROM "AuditLogEntry"`);
const refused =
  (message: RegExp, code = "VALIDATION") =>
  (error: unknown) =>
    error instanceof AppError && error.code === code && message.test(error.message);

const FEATURE_HEADER = "slug,name,owner,purpose,inputData,outputs,invokers,failureImpact";

test("inventory: the preview writes nothing; the import creates or updates every row with its audit entries, or none", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const t = tag();
  const good = `${FEATURE_HEADER}\nsvc-${t}-a,Svc ${t} A,Team,Drafts.,INTERNAL,A draft.,STAFF,LOW\nsvc-${t}-b,Svc ${t} B,Team,Sorts.,PUBLIC,A label.,AGENTS,MEDIUM\n`;
  let before = await fingerprint();
  const preview = await previewFeaturesCsv(good, "inventory.csv");
  assert.deepEqual(
    preview.rows.map((r) => [r.row, r.slug, r.change]),
    [
      [2, `svc-${t}-a`, "create"],
      [3, `svc-${t}-b`, "create"],
    ],
  );
  assert.deepEqual(preview.errors, []);
  assert.equal(await fingerprint(), before, "a preview writes nothing");

  const bad = `${good}svc-${t}-c,Svc ${t} C,Team,Breaks.,INTERNAL,Nothing.,STAFF,SEVERE\n`;
  await assert.rejects(importFeaturesCsv(bad, lead), (error: unknown) => {
    assert.ok(refused(/^Nothing was imported: row 4: failureImpact: /)(error), String(error));
    assert.deepEqual(Object.keys((error as AppError).fieldErrors ?? {}), ["row 4"]);
    return true;
  });
  assert.equal(await fingerprint(), before, "one bad row: nothing written");

  const audit = await auditCount();
  const outcome = await importFeaturesCsv(good, lead);
  assert.deepEqual(outcome, { imported: 2, created: [`svc-${t}-a`, `svc-${t}-b`], updated: [] });
  assert.equal(await count(`SELECT count(*) AS n FROM "Feature" WHERE slug LIKE $1`, [`svc-${t}-%`]), 2);
  assert.equal(await auditCount(), audit + 2, "one feature.created entry a row, as from the page");
  before = await fingerprint();
  assert.deepEqual(
    (await previewFeaturesCsv(good, "again.csv")).rows.map((r) => r.change),
    ["update", "update"],
  );
  assert.equal(await fingerprint(), before);
});

test("changes: the preview shows the database's problems too; the import records every row, or none", async () => {
  const engineer = await userCaller("ENGINEER");
  const t = tag();
  const sha = (n: number) => `${t}${n}`.padEnd(12, "0");
  const good = `title,commitSha,mergedAt\nSvc change ${t} 1,${sha(1)},2026-02-01T10:00:00Z\nSvc change ${t} 2,${sha(2)},2026-02-02T10:00:00Z\n`;
  const audit = await auditCount();
  const created = await importChangesText(good, { kind: "PROMPT_CHANGE" }, engineer);
  assert.equal(created.created, 2);
  assert.equal(created.skipped, 0);
  assert.equal(await auditCount(), audit + 2, "one change.created entry a row");

  // Row 3 repeats a recorded commit: the preview and the import skip it, and say so; row 2 is recorded.
  const again = `title,commitSha,mergedAt\nSvc change ${t} 3,${sha(3)},2026-02-03T10:00:00Z\nSvc change ${t} 4,${sha(1)},2026-02-04T10:00:00Z\n`;
  const before = await fingerprint();
  const preview = await previewChangesText(again, { kind: "CONFIG" });
  assert.deepEqual(preview.errors, []);
  assert.deepEqual(
    preview.rows.map((r) => r.row),
    [2],
  );
  assert.deepEqual(
    preview.skipped.map((s) => s.row),
    [3],
  );
  assert.match(preview.skipped[0].message, /^Commit .* is already recorded/);
  assert.equal(await fingerprint(), before, "the preview writes nothing");
  const overlap = await importChangesText(again, { kind: "CONFIG" }, engineer);
  assert.equal(overlap.created, 1);
  assert.equal(overlap.skipped, 1);
  assert.equal(await auditCount(), audit + 3, "no entry for the skipped row");

  // No kind in the file and none chosen: each row says so, and nothing is written.
  const after = await fingerprint();
  await assert.rejects(importChangesText(`title,mergedAt\nNo kind ${t},2026-02-05T10:00:00Z\n`, {}, engineer), refused(/row 2: kind/));
  assert.equal(await fingerprint(), after, "a refused import writes nothing");
});

test("access reviews: the preview checks as the import does and writes nothing; the import writes one audit entry", async () => {
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const lead = userPrincipal(leadUser);
  const t = tag();
  const review = await createReview(
    { name: `Svc import ${t}`, quarter: "2014-Q2", features: [], resources: [], sameQuarterReason: `services tier ${t}` },
    lead,
  );
  const text = `principal,kind,resource,access_level,reviewer\nsvc-${t}-bot,service,Key,read,${leadUser.email}\nsvc-${t}-x,alien,Key,read,\n`;
  const mapping = mappingWithSuggestion(readCsvTable(text).header, {});
  assert.ok(mapping.success);
  const input = { text, fileName: "access.csv", mapping: mapping.data };
  const before = await fingerprint();
  const preview = await previewCsvItems(review.id, input);
  assert.deepEqual(
    preview.items.map((i) => [i.row, i.principal, i.reviewer]),
    [[2, `svc-${t}-bot`, leadUser.email]],
  );
  assert.deepEqual(
    preview.errors.map((e) => e.row),
    [3],
  );
  assert.match(preview.errors[0].messages[0], /^principalKind: /);
  await assert.rejects(importCsvItems(review.id, input, lead), refused(/^Nothing was imported: row 3: principalKind: /));
  assert.equal(await fingerprint(), before, "the preview and the refused import write nothing");

  const goodText = text.split("\n").slice(0, 2).join("\n") + "\n";
  const audit = await auditCount();
  const done = await importCsvItems(review.id, { ...input, text: goodText }, lead);
  assert.equal(done.imported, 1);
  assert.equal(await auditCount(), audit + 1, "one access-review.items-imported entry for the file");

  // Once started (the file named the item's reviewer), the preview refuses as the import does.
  await startReview(review.id, lead);
  await assert.rejects(previewCsvItems(review.id, { ...input, text: goodText }), refused(/^Cannot import items: /, "CONFLICT"));
  await assert.rejects(previewCsvItems("00000000-0000-4000-8000-00000000dead", input), refused(/no access review/, "NOT_FOUND"));
});
