import assert from "node:assert/strict";
import { test } from "node:test";
import { userPrincipal } from "@/lib/auth/principal";
import { EVERYTHING, scopeOf } from "@/lib/auth/scope";
import { controlAwaitingReview } from "@/lib/controls/queries";
import { createCustomControl } from "@/lib/controls/custom";
import { controlSlotsInPeriod, controlsPeriodStatus, periodInView } from "@/lib/controls/period-status";
import { updateControl } from "@/lib/controls/update";
import { addDays } from "@/lib/coverage/dates";
import { db } from "@/lib/db";
import { reviewEvidence } from "@/lib/evidence/service";
import { organisationToday } from "@/lib/org-time";
import { controlPatchSchema, customControlCreateSchema } from "@/lib/validations/control";
import {
  appError,
  parseBody,
  scratchFeature,
  scratchPeriod,
  scratchUpload,
  scratchUser,
  tag,
  tokenCaller,
  userCaller,
} from "@/lib/testing/scratch";

// The controls matrix's per-period figures (docs/coverage.md, "The controls matrix"): the period in
// view, each control's status, coverage, last accepted evidence and next slot due, from one
// computation of the period's coverage; and an auditor sees only what their period holds.

test("each control's status, coverage, last accepted evidence and next slot due in a period", async () => {
  const t = tag().toUpperCase();
  const lead = await userCaller("COMPLIANCE_LEAD");
  const ci = await tokenCaller("ENGINEER");
  const code = (suffix: string) => `MX-${t}-${suffix}`;
  const create = (suffix: string, category = "SECURITY") =>
    createCustomControl(
      parseBody(customControlCreateSchema, {
        code: code(suffix),
        title: `Matrix test ${suffix}`,
        description: "Made by the matrix test.",
        category,
        criteria: [category === "SECURITY" ? "CC6.1" : "A1.2"],
        frequency: "ANNUAL",
        expectedEvidence: "Whatever the test uploads.",
      }),
      lead,
    );
  for (const suffix of ["M", "Q", "V", "N"]) await create(suffix);
  await create("OUT", "AVAILABILITY");
  const patch = (c: string, body: Record<string, unknown>) =>
    updateControl(c, parseBody(controlPatchSchema, { designStatus: "IN_PLACE", ...body }), lead);
  await patch(code("M"), { frequency: "MONTHLY" });
  await patch(code("Q"), { frequency: "QUARTERLY" });
  await patch(code("V"), { frequency: "VALIDITY" });
  await patch(code("N"), { designStatus: "NOT_APPLICABLE", justification: "Not used here." });

  const evidence = async (
    control: string,
    effectiveDate: string,
    review: "accept" | "reject" | null,
    extra: Record<string, string> = {},
  ) => {
    const { id } = await scratchUpload(ci, {
      control,
      title: `${control} ${effectiveDate}`,
      effectiveDate,
      url: `https://x.test/${tag()}`,
      ...extra,
    });
    if (review) await reviewEvidence(id, { decision: review, reason: review === "reject" ? "Not it." : undefined }, lead);
    return id;
  };
  const january = await evidence(code("M"), "2021-01-10", "accept");
  await evidence(code("M"), "2021-02-20", "reject"); // rejected: February stays missing, and it is not the last accepted
  const waiting = await evidence(code("M"), "2021-03-02", null); // awaiting review: counts for nothing yet
  await evidence(code("M"), "2021-07-05", "accept"); // after the period: not its evidence
  // Effective before the period, valid through February: the period's evidence (valid on its days).
  const dpa = await evidence(code("V"), "2020-12-01", "accept", { validFrom: "2020-12-01", validUntil: "2021-02-28" });

  const period = await scratchPeriod("2021-01-01", "2021-06-30");
  await db.auditPeriod.update({ where: { id: period.id }, data: { categories: ["SECURITY"] } });
  const today = "2021-03-15";
  const { byControl, locked } = await controlsPeriodStatus(period.id, today, EVERYTHING);
  assert.equal(locked, null);
  const status = (suffix: string) => byControl.get(code(suffix));

  assert.deepEqual(status("M"), {
    status: "GAPS",
    covered: 1,
    expected: 2,
    coverage: 0.5,
    lastAccepted: { id: january, title: `${code("M")} 2021-01-10`, effectiveDate: "2021-01-10" },
    nextDue: { start: "2021-03-01", end: "2021-03-31", due: "2021-03-31" },
  });
  // Nothing due yet in the first quarter: not yet due, no coverage, the quarter's last day next.
  assert.deepEqual(status("Q"), {
    status: "NOT_YET_DUE",
    covered: 0,
    expected: 0,
    coverage: null,
    lastAccepted: null,
    nextDue: { start: "2021-01-01", end: "2021-03-31", due: "2021-03-31" },
  });
  // 73 days due (1 January to 14 March), 59 covered; a validity control is due again today.
  assert.deepEqual(status("V"), {
    status: "GAPS",
    covered: 59,
    expected: 73,
    coverage: 59 / 73,
    lastAccepted: { id: dpa, title: `${code("V")} 2020-12-01`, effectiveDate: "2020-12-01" },
    nextDue: { start: "2021-03-15", end: "2021-06-30", due: "2021-03-15" },
  });
  assert.deepEqual(status("N"), { status: "NOT_APPLICABLE", covered: 0, expected: 0, coverage: null, lastAccepted: null, nextDue: null });
  assert.equal(status("OUT"), undefined, "a control outside the period's categories is not measured by it");

  // The same figures as the period page: after its end nothing is due any more, and March is missing.
  const after = await controlsPeriodStatus(period.id, "2021-07-01", EVERYTHING);
  assert.deepEqual([after.byControl.get(code("M"))?.status, after.byControl.get(code("M"))?.nextDue], ["GAPS", null]);
  assert.equal(after.byControl.get(code("M"))?.expected, 6);
  // Before its start (evidence cannot be dated in the future, so none exists yet): not yet due, its first slot next.
  const before = await controlsPeriodStatus(period.id, "2020-12-15", EVERYTHING);
  assert.deepEqual([before.byControl.get(code("Q"))?.status, before.byControl.get(code("Q"))?.nextDue?.due], ["NOT_YET_DUE", "2021-03-31"]);

  // A control's page: its slots with the evidence that covers each, and its evidence awaiting review.
  const slots = await controlSlotsInPeriod(period.id, code("M"), today, EVERYTHING);
  assert.deepEqual(
    slots?.item.slots.slice(0, 3).map((s) => [s.start, s.state, s.evidence]),
    [
      ["2021-01-01", "COVERED", [{ id: january, title: `${code("M")} 2021-01-10` }]],
      ["2021-02-01", "MISSING", []],
      ["2021-03-01", "NOT_YET_DUE", []],
    ],
  );
  assert.equal(await controlSlotsInPeriod(period.id, code("OUT"), today, EVERYTHING), null);
  assert.deepEqual(
    (await controlAwaitingReview(code("M"), EVERYTHING)).map((e) => e.id),
    [waiting],
  );
});

test("an auditor's matrix: only their periods, the current one by default, and no evidence their period leaves out", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const ci = await tokenCaller("ENGINEER");
  const t = tag().toUpperCase();
  const control = `MXA-${t}`;
  await createCustomControl(
    parseBody(customControlCreateSchema, {
      code: control,
      title: "Matrix auditor test",
      description: "Made by the matrix test.",
      category: "SECURITY",
      criteria: ["CC6.1"],
      frequency: "MONTHLY",
      expectedEvidence: "Anything.",
    }),
    lead,
  );
  const today = await organisationToday();
  const [ours, theirs] = [await scratchFeature("matrix-ours"), await scratchFeature("matrix-theirs")];
  const ended = await scratchPeriod(addDays(today, -400), addDays(today, -200));
  const open = await scratchPeriod(addDays(today, -100), addDays(today, 100), [ours]);
  const pointInTime = await scratchPeriod(today, today);
  await db.auditPeriod.update({ where: { id: pointInTime.id }, data: { type: "TYPE_I" } });
  const notGiven = await scratchPeriod(addDays(today, -50), addDays(today, 50));
  const auditor = userPrincipal(await scratchUser("AUDITOR"), [ended.id, open.id, pointInTime.id]);

  const view = await periodInView(auditor, undefined);
  assert.equal(view.period?.id, open.id, "the Type II period holding today");
  assert.deepEqual(view.periods.map((p) => p.id).sort(), [ended.id, open.id, pointInTime.id].sort(), "the select lists only theirs");
  assert.equal((await periodInView(auditor, ended.id)).period?.id, ended.id);
  await assert.rejects(periodInView(auditor, notGiven.id), appError("NOT_FOUND", /no audit period/));
  await assert.rejects(periodInView(auditor, "00000000-0000-4000-8000-000000000000"), appError("NOT_FOUND", /no audit period/));
  const nobody = userPrincipal(await scratchUser("AUDITOR"), []);
  assert.equal((await periodInView(nobody, undefined)).period, null);

  // The latest accepted evidence is another feature's: the lead sees it, the auditor the one before.
  const upload = async (effectiveDate: string) => {
    const { id } = await scratchUpload(ci, {
      control,
      title: `${control} ${effectiveDate}`,
      effectiveDate,
      url: `https://x.test/${tag()}`,
    });
    await reviewEvidence(id, { decision: "accept" }, lead);
    return id;
  };
  const earlier = await upload(addDays(today, -20));
  const otherFeature = await upload(addDays(today, -10));
  await db.evidenceFeature.create({ data: { evidenceId: otherFeature, featureId: theirs.id } });
  const forLead = await controlsPeriodStatus(open.id, today, EVERYTHING);
  assert.equal(forLead.byControl.get(control)?.lastAccepted?.id, otherFeature);
  const forAuditor = await controlsPeriodStatus(open.id, today, await scopeOf(auditor));
  assert.equal(forAuditor.byControl.get(control)?.lastAccepted?.id, earlier);
  const slots = await controlSlotsInPeriod(open.id, control, today, await scopeOf(auditor));
  assert.ok(
    slots?.item.slots.every((s) => s.evidence.every((e) => e.id !== otherFeature)),
    "no slot names evidence they may not open",
  );
});
