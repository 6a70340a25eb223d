import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { writeCheckpoint } from "@/lib/audit-log/checkpoint-store";
import { allItems, listReviews } from "@/lib/access-reviews/queries";
import { parseQuarter, quarterRange } from "@/lib/access-reviews/schedule";
import { allChanges } from "@/lib/changes/queries";
import { exceptionInputs } from "@/lib/exceptions/inputs";
import { storedResponses, withResponses, type ExceptionWithResponse } from "@/lib/exceptions/live";
import type { ExportAuditEntry, PeriodException, PeriodPackage } from "@/lib/export/types";
import { periodLock } from "@/lib/periods/lock";
import { listVendors } from "@/lib/vendors/queries";
import type { VendorJson } from "@/lib/vendors/service";

// Everything a period's package shows, read once through the domains' own queries (coverage,
// changes, readiness) so that the package says what the pages say. Evidence files are not read
// here: the builder streams them one by one.

/** The audit-log entries of the period's window (its days in the organisation's time zone), with their chain hashes. */
async function periodAuditEntries(from: Date, before: Date): Promise<ExportAuditEntry[]> {
  const rows = await db.auditLogEntry.findMany({
    where: { at: { gte: from, lt: before } },
    orderBy: { seq: "asc" },
    select: {
      seq: true,
      at: true,
      actorEmail: true,
      actorRole: true,
      actorKind: true,
      action: true,
      entityType: true,
      entityId: true,
      scheme: true,
      prevHash: true,
      hash: true,
    },
  });
  return rows.map((r) => ({ ...r, seq: r.seq.toString(), at: r.at.toISOString() }));
}

/** Access reviews for a quarter, or signed off in a quarter, that overlaps the window; with their items. */
async function periodAccessReviews(start: string, end: string) {
  const overlaps = (quarter: string | null) => {
    if (!quarter || !parseQuarter(quarter)) return false;
    const q = quarterRange(quarter);
    return q.start <= end && q.end >= start;
  };
  const reviews = (await listReviews()).filter((r) => overlaps(r.quarter) || overlaps(r.performedIn));
  return Promise.all(reviews.map(async (review) => ({ review, items: await allItems(review.id) })));
}

/** Every vendor with its package and CUECs (the vendor list, all its pages). */
async function allVendors(): Promise<VendorJson[]> {
  const first = await listVendors({ page: 1 });
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => listVendors({ page: i + 2 })));
  return [first, ...rest].flatMap((page) => page.rows);
}

export async function loadPeriodPackage(periodId: string, caller: Principal): Promise<PeriodPackage> {
  // The exceptions' inputs (lib/exceptions/inputs.ts): the same list the period page and the API show.
  const [inputs, responses, lock] = await Promise.all([exceptionInputs(periodId), storedResponses(periodId), periodLock(periodId)]);
  const { period, scope, evidence, readiness } = inputs;
  // A locked period's coverage and exceptions are its snapshot's; its evidence files are as they are (evidence is immutable).
  const coverage = lock ? lock.snapshot.coverage : inputs.coverage;
  const frozen = new Map(coverage.items.map((i) => [i.control, i]));
  const controls = inputs.controls
    .filter((c) => !lock || frozen.has(c.code))
    .map((c) => {
      const item = frozen.get(c.code) ?? c;
      return { ...c, expected: item.expected, covered: item.covered, coverage: item.coverage, status: item.status, slots: item.slots };
    });
  const [changes, auditEntries, accessReviews, vendors] = await Promise.all([
    allChanges({ from: period.start, to: period.end }),
    periodAuditEntries(scope.startsAt, scope.endsBefore),
    periodAccessReviews(period.start, period.end),
    allVendors(),
  ]);
  const inScope = (feature: string | null) => !feature || period.features.length === 0 || period.features.includes(feature);
  // The log's head, anchored: a signed checkpoint (lib/audit-log/checkpoint-store.ts) of the head
  // the package names, so the package's claim can be checked against the checkpoint folder later.
  const checkpoint = await writeCheckpoint(db, `export of audit period ${periodId}`);
  const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const strip = ({ respondedBy: _by, respondedAt: _at, ...e }: ExceptionWithResponse): PeriodException => e;
  return {
    period: { ...period, controls: controls.map((c) => c.code) },
    lock: lock ? { state: "locked", lockedAt: lock.lockedAt, lockedBy: lock.lockedBy } : { state: "unlocked" },
    exportedAt: now.toISOString(),
    exportedBy: caller.actor.email ?? caller.actor.kind,
    timeZone: coverage.timeZone,
    today: coverage.today,
    controls,
    evidence,
    changes: changes.filter((c) => inScope(c.feature)),
    accessReviews,
    vendors,
    readiness,
    auditEntries,
    auditLogHead: checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : null,
    exceptions: (lock ? lock.snapshot.exceptions : withResponses(inputs, responses)).map(strip),
  };
}
