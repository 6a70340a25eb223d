import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import { createPeriod, updatePeriod } from "@/lib/periods/service";
import { periodSchema } from "@/lib/validations/period";
import { appError, parseBody, scratchFeature, scratchUser, tag, userCaller } from "@/lib/testing/scratch";

// Audit periods through the service, as POST and PUT /api/v1/periods take them (the body parsed
// by periodSchema, then createPeriod or updatePeriod): what a valid period is, what is refused and
// why, with nothing written, and that each write is audited. Status codes, the Location header
// and who may call the routes stay in e2e/periods-api.spec.ts and e2e/authorization.spec.ts.

const fingerprint = () => fingerprintOf(ownerUrl());

async function scope() {
  const feature = await scratchFeature("period");
  const auditor = await scratchUser("AUDITOR");
  const engineer = await scratchUser("ENGINEER");
  const valid = (extra: Record<string, unknown> = {}) => ({
    name: `Type II ${tag()}`,
    type: "TYPE_II",
    start: "2026-01-01",
    end: "2026-12-31",
    categories: ["SECURITY", "PRIVACY"],
    features: [feature.slug],
    auditors: [auditor.email],
    ...extra,
  });
  return { feature, auditor, engineer, valid };
}

test("a lead creates and edits a period (a Type I is as of one date); each write is audited", async () => {
  const { valid } = await scope();
  const lead = await userCaller("COMPLIANCE_LEAD");
  const sent = valid();
  const period = await createPeriod(parseBody(periodSchema, sent), lead);
  const { name: _name, ...fields } = sent;
  assert.deepEqual(
    {
      type: period.type,
      start: period.start,
      end: period.end,
      categories: period.categories,
      features: period.features,
      auditors: period.auditors,
    },
    fields,
  );

  // A Type I is as of one date: its end is its start, whatever was sent.
  const edited = await updatePeriod(
    period.id,
    parseBody(periodSchema, valid({ name: period.name, type: "TYPE_I", start: "2026-06-30", end: "2026-12-31", auditors: [] })),
    lead,
  );
  assert.deepEqual([edited.type, edited.start, edited.end, edited.auditors], ["TYPE_I", "2026-06-30", "2026-06-30", []]);
  const actions = await queryOn<{ action: string }>(ownerUrl(), `SELECT action FROM "AuditLogEntry" WHERE "entityId" = $1 ORDER BY seq`, [
    period.id,
  ]);
  assert.deepEqual(
    actions.map((r) => r.action),
    ["period.created", "period.updated"],
  );
  const before = await fingerprint();
  await assert.rejects(
    updatePeriod("00000000-0000-4000-8000-000000000000", parseBody(periodSchema, valid()), lead),
    appError("NOT_FOUND", /no audit period/),
  );
  assert.equal(await fingerprint(), before);
});

test("refused, with a message and nothing written: bad bounds, categories, names, dates, features, auditors and types", async () => {
  const { engineer, valid } = await scope();
  const lead = await userCaller("COMPLIANCE_LEAD");
  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ["the end before the start", { start: "2026-06-01", end: "2026-05-31" }, /end is before the start/],
    ["no Security", { categories: ["PRIVACY"] }, /Security is always in scope/],
    ["no category", { categories: [] }, /Security is always in scope/],
    ["a Type II without an end", { end: "" }, /end date of the Type II window/],
    ["no name", { name: " " }, /Give the period a name/],
    ["an impossible date", { start: "2026-02-30" }, /does not exist/],
    ["an unknown feature", { features: ["no-such-feature"] }, /Unknown feature: no-such-feature/],
    ["an auditor who is not one", { auditors: [engineer.email] }, /is not an auditor/],
    ["an unknown type", { type: "TYPE_III" }, /Type I .* or Type II/],
  ];
  const before = await fingerprint();
  for (const [what, patch, message] of refusals) {
    await assert.rejects(async () => createPeriod(parseBody(periodSchema, valid(patch)), lead), appError("VALIDATION", message), what);
    assert.equal(await fingerprint(), before, `${what}: nothing written`);
  }
});
