import assert from "node:assert/strict";
import { test } from "node:test";
import { applyMigrations } from "@/lib/db/migrate";
import { count, scratchDatabase, withClient } from "@/lib/testing/database";

// npm run demo's loader (scripts/demo/load.ts) yields the program mid-audit it promises (issue 14,
// item 7). On a scratch database of its own, not the tier's shared copy: the demo writes the gap
// assessment of the guide's controls, which every other file's coverage reads. The database's
// clients are this process's, pointed at the scratch database before the first query.

const TABLES = ["User", "Feature", "Vendor", "Evidence", "Change", "FeatureControl", "AccessReview", "AuditPeriod", "ManagementResponse"];

test("the demo loads a Type II period nine months in, with gaps, an answered exception, a gap assessment, reviews, vendors and changes; twice is once", async () => {
  const scratch = await scratchDatabase("demo");
  await applyMigrations(scratch.url);
  process.env.DATABASE_URL = scratch.url;
  const { db } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/lib/reference/seed");
  await seedReferenceData(db);
  const { loadDemo, assertDemoDatabase } = await import("@/scripts/demo/load");
  const { organisationToday } = await import("@/lib/org-time");
  const { addMonths } = await import("@/lib/vendors/package");
  const { periodCoverage } = await import("@/lib/periods/coverage");
  const { liveExceptions } = await import("@/lib/exceptions/live");
  const { allStates } = await import("@/lib/changes/evaluation");
  const { verifyAuditLog } = await import("@/lib/audit-log/verify");
  const { REQUIRED_KINDS } = await import("@/lib/vendors/package");
  const { quarterOf } = await import("@/lib/access-reviews/schedule");

  await assertDemoDatabase();
  await loadDemo();
  const today = await organisationToday();

  // The period: Type II, started nine months before today, twelve months long.
  const periods = await db.auditPeriod.findMany();
  assert.equal(periods.length, 1);
  const period = periods[0];
  assert.equal(period.type, "TYPE_II");
  assert.equal(period.start.toISOString().slice(0, 10), addMonths(today, -9));
  assert.equal(period.end.toISOString().slice(0, 10) > today, true);

  // Months of evidence, some slots missing: coverage strictly between 0 and 100 %.
  const coverage = await periodCoverage(period.id, { today });
  const ratio = coverage.summary.coverage;
  assert.ok(ratio !== null && ratio > 0 && ratio < 1, `coverage ${ratio}`);
  const monthly = coverage.items.find((i) => i.control === "AI-CONF-01")!;
  assert.ok(monthly.covered >= 8, `AI-CONF-01 covers ${monthly.covered} months`);
  const missing = coverage.items.flatMap((i) => i.slots.filter((s) => s.state === "MISSING").map(() => i.control));
  assert.ok(missing.length > 0);
  assert.ok(coverage.summary.byStatus.OPERATING > 0 && coverage.summary.byStatus.GAPS > 0, JSON.stringify(coverage.summary.byStatus));

  // Exactly one exception answered, the skipped month of AI-PI-04, and others still open.
  const { exceptions } = await liveExceptions(period.id);
  const answered = exceptions.filter((e) => e.response);
  assert.deepEqual(
    answered.map((e) => [e.kind, e.control]),
    [["MISSING_SLOT", "AI-PI-04"]],
  );
  assert.ok(exceptions.length > answered.length);

  // The gap assessment: design statuses of every kind, most in place, not all missing.
  const statuses = new Map((await db.control.groupBy({ by: ["designStatus"], _count: true })).map((g) => [g.designStatus, g._count]));
  assert.deepEqual([...statuses.keys()].sort(), ["IN_PLACE", "MISSING", "NOT_APPLICABLE", "PARTIAL"]);
  assert.ok(statuses.get("IN_PLACE")! > 23 / 2);
  const assessed = await db.auditLogEntry.count({ where: { action: "control.updated" } });
  assert.equal(assessed, 23);

  // Confirmed mappings for every demo feature, one "does not apply" with its reason.
  const mappings = await db.featureControl.findMany({ include: { feature: { select: { slug: true } } } });
  assert.equal(new Set(mappings.map((m) => m.feature.slug)).size, 3);
  assert.ok(mappings.every((m) => m.confirmedBy === "lead@demo.attest.local"));
  assert.ok(mappings.some((m) => !m.applies && m.justification));

  // Access reviews: one signed off in its quarter (its record accepted AI-SEC-05 evidence), one in progress.
  const reviews = await db.accessReview.findMany({ include: { evidence: { include: { control: true } } }, orderBy: { status: "asc" } });
  assert.deepEqual(
    reviews.map((r) => r.status),
    ["IN_PROGRESS", "SIGNED_OFF"],
  );
  const signed = reviews[1];
  assert.deepEqual([signed.late, signed.performedIn, signed.quarter], [false, quarterOf(today), quarterOf(today)]);
  assert.deepEqual([signed.evidence?.status, signed.evidence?.control.code], ["ACCEPTED", "AI-SEC-05"]);
  assert.ok(await db.accessReviewItem.count({ where: { reviewId: reviews[0].id, decision: null } }));

  // Vendors: one complete package, one without a DPA.
  const vendors = await db.vendor.findMany({
    include: { items: { include: { evidence: { select: { status: true } } } } },
    orderBy: { name: "asc" },
  });
  const accepted = (v: (typeof vendors)[number]) => new Set(v.items.filter((i) => i.evidence?.status === "ACCEPTED").map((i) => i.kind));
  assert.ok(
    REQUIRED_KINDS.every((k) => accepted(vendors[0]).has(k)),
    vendors[0].name,
  );
  assert.equal(accepted(vendors[1]).has("DPA"), false, vendors[1].name);

  // Changes evaluated before release, after it, and not at all.
  const states = [...(await allStates(coverage.timeZone)).values()];
  for (const state of ["BEFORE_RELEASE", "AFTER_RELEASE", "NONE"] as const) assert.ok(states.includes(state), state);

  // The audit log the demo wrote verifies.
  const verdict = await verifyAuditLog(db);
  assert.equal(verdict.ok, true, verdict.message);

  // Twice is once: a second load writes nothing.
  const counts = () =>
    withClient(scratch.url, async (c) => {
      const out: Record<string, number> = {};
      for (const t of [...TABLES, "AuditLogEntry"]) out[t] = await count(c, t);
      return out;
    });
  const before = await counts();
  await loadDemo();
  assert.deepEqual(await counts(), before);
  await db.$disconnect();
});
