import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import { IAM_REPORT_HEADER, iamReportLine } from "@/e2e/support/iam-report";
import { mappingSchema, suggestMapping } from "@/lib/access-reviews/csv";
import { importCsvItems } from "@/lib/access-reviews/service";
import { allItems } from "@/lib/access-reviews/queries";
import { db } from "@/lib/db";
import { appError, tag, userCaller } from "@/lib/testing/scratch";

// A real-format AWS IAM credential report (the 22 columns of `aws iam generate-credential-report`,
// a root row, N/A and no_information) through the import the page and the API call: each item
// keeps the report's facts, the import's database time and the flags judged against it.

const DAY = 86_400_000;
/** An AWS timestamp `days` before now (the import runs a moment later, so "before the import" holds). */
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d{3}Z$/, "+00:00");

const REPORT = () =>
  [
    IAM_REPORT_HEADER,
    iamReportLine({
      user: "<root_account>",
      arn: "arn:aws:iam::123456789012:root",
      user_creation_time: ago(900),
      password_enabled: "not_supported",
      password_last_used: ago(2),
      password_last_changed: "not_supported",
      password_next_rotation: "not_supported",
      mfa_active: "true",
    }),
    iamReportLine({
      user: "alice",
      arn: "arn:aws:iam::123456789012:user/alice",
      user_creation_time: ago(500),
      password_enabled: "true",
      password_last_used: ago(5),
      password_last_changed: ago(40),
      mfa_active: "true",
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(30),
      access_key_1_last_used_date: ago(1),
      access_key_1_last_used_region: "us-east-1",
      access_key_1_last_used_service: "bedrock",
    }),
    iamReportLine({
      user: "ci-new-invoker",
      arn: "arn:aws:iam::123456789012:user/ci-new-invoker",
      user_creation_time: ago(10),
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(10),
    }),
    iamReportLine({
      user: "old-pipeline",
      arn: "arn:aws:iam::123456789012:user/old-pipeline",
      user_creation_time: ago(700),
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(400),
      access_key_1_last_used_date: ago(120),
      access_key_1_last_used_region: "eu-west-1",
      access_key_1_last_used_service: "s3",
    }),
    iamReportLine({
      user: "bob",
      arn: "arn:aws:iam::123456789012:user/bob",
      user_creation_time: ago(4000),
      password_enabled: "true",
      password_last_used: "no_information",
      password_last_changed: ago(300),
      mfa_active: "false",
    }),
  ].join("\n") + "\n";

const mapping = mappingSchema.parse({ ...suggestMapping(IAM_REPORT_HEADER.split(",")), resourceFixed: "AWS account 123456789012" });

async function draftReview() {
  return db.accessReview.create({
    data: { name: `IAM facts ${tag()}`, quarter: "2021-Q3", status: "DRAFT", resources: ["MODEL_API_KEY"] },
  });
}

test("an IAM credential report's facts and flags are stored with each item: root with console access, never used, unused for 90 days", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const review = await draftReview();
  const text = REPORT();
  assert.equal(text.split("\n")[0].split(",").length, 22);
  const started = Date.now();
  const { imported } = await importCsvItems(review.id, { text, fileName: "credential-report.csv", mapping }, lead);
  assert.equal(imported, 5);

  const items = await allItems(review.id);
  assert.deepEqual(
    items.map((i) => [i.principal, i.principalKind, i.accessLevel, i.flags]),
    [
      ["<root_account>", "ROOT", "console", ["ROOT_ACCOUNT"]],
      ["alice", "HUMAN", "console+key1", []],
      ["ci-new-invoker", "SERVICE", "key1", ["NEVER_USED"]],
      ["old-pipeline", "SERVICE", "key1", ["UNUSED_90_DAYS", "KEY_OLDER_THAN_90_DAYS"]],
      ["bob", "HUMAN", "console (no MFA)", ["NEVER_USED", "UNUSED_90_DAYS", "NO_MFA_WITH_CONSOLE"]],
    ],
  );
  // Root reads as what it is: console access from its recorded sign-in, never "no active credentials".
  const root = items[0].credentials!;
  assert.equal(root.root, true);
  assert.equal(root.console.passwordEnabled, "not_supported");
  assert.equal(root.console.access, true);
  // What the source said is kept verbatim, with the time it was judged at (the import's, from the database).
  const pipeline = items[3].credentials!;
  assert.deepEqual(pipeline.accessKeys[0], {
    slot: 1,
    active: true,
    lastRotated: (items[3].raw as Record<string, string>).access_key_1_last_rotated,
    lastUsed: (items[3].raw as Record<string, string>).access_key_1_last_used_date,
    lastUsedRegion: "eu-west-1",
    lastUsedService: "s3",
  });
  assert.match(pipeline.accessKeys[0].lastUsed, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  assert.equal(pipeline.accessKeys[1].active, false);
  assert.equal(pipeline.accessKeys[1].lastUsed, "N/A");
  assert.equal(items[4].credentials!.console.lastUsed, "no_information");
  const asOf = new Set(items.map((i) => i.credentialsAsOf));
  assert.equal(asOf.size, 1, "one reference time for the whole import");
  const at = new Date([...asOf][0]!).getTime();
  assert.ok(at >= started - 5_000 && at <= Date.now() + 5_000, "the import's database time");
  assert.equal(Object.keys(items[0].raw as object).length, 22, "the raw row is kept too");

  // Immutable with the item: the database refuses to change the facts or the flags, even to the owner.
  for (const set of [`flags = '{}'`, `credentials = '{}'::jsonb`, `"credentialsAsOf" = now()`, `raw = NULL`]) {
    await assert.rejects(
      queryOn(ownerUrl(), `UPDATE "AccessReviewItem" SET ${set} WHERE id = $1`, [items[0].id]),
      /imported credential facts .* cannot change/,
    );
  }
  await queryOn(ownerUrl(), `UPDATE "AccessReviewItem" SET comment = 'still editable' WHERE id = $1`, [items[0].id]);
});

test("a report cell AWS would not write refuses the whole import, naming the row and the column; nothing is written", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const review = await draftReview();
  const lines = REPORT().trimEnd().split("\n");
  lines[3] = lines[3].replace(/^ci-new-invoker,([^,]*),[^,]*,/, "ci-new-invoker,$1,yesterday,"); // user_creation_time
  const before = await fingerprintOf(ownerUrl());
  await assert.rejects(
    importCsvItems(review.id, { text: lines.join("\n"), fileName: "bad.csv", mapping }, lead),
    appError("VALIDATION", /row 4: user_creation_time: “yesterday” is neither an ISO 8601 time/),
  );
  assert.equal(await fingerprintOf(ownerUrl()), before);
  assert.deepEqual(await queryOn(ownerUrl(), `SELECT id FROM "AccessReviewItem" WHERE "reviewId" = $1`, [review.id]), []);
});
