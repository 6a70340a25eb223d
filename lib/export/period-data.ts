import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertPeriodVisible, auditLogWhere, periodScope, type Scope } from "@/lib/auth/scope";
import { writeCheckpoint } from "@/lib/audit-log/checkpoint-store";
import { allItems, listReviews } from "@/lib/access-reviews/queries";
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

/**
 * The audit-log entries of the period's window (its days in the organisation's time zone), with
 * their chain hashes; as an auditor given the period sees them (none about another period).
 */
async function periodAuditEntries(held: Scope): Promise<ExportAuditEntry[]> {
  const rows = await db.auditLogEntry.findMany({
    where: auditLogWhere(held),
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

/** The access reviews whose signed-off record is the period's evidence, with their items. */
async function periodAccessReviews(held: Scope) {
  const reviews = await listReviews(held);
  return Promise.all(reviews.map(async (review) => ({ review, items: await allItems(review.id) })));
}

/** The period's vendors (used by its features, or with a document that is its evidence) with their package and CUECs. */
async function allVendors(held: Scope): Promise<VendorJson[]> {
  const first = await listVendors({ page: 1 }, held);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => listVendors({ page: i + 2 }, held)));
  return [first, ...rest].flatMap((page) => page.rows);
}

export async function loadPeriodPackage(periodId: string, caller: Principal): Promise<PeriodPackage> {
  await assertPeriodVisible(caller, periodId);
  // What the package holds is what an auditor given this period alone sees (lib/auth/scope.ts).
  const held = await periodScope(periodId);
  // The exceptions' inputs (lib/exceptions/inputs.ts): the same list the period page and the API show.
  const [inputs, responses, lock] = await Promise.all([
    exceptionInputs(periodId, { held }),
    storedResponses(periodId),
    periodLock(periodId),
  ]);
  const { period, evidence, readiness } = inputs;
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
    allChanges({}, held),
    periodAuditEntries(held),
    periodAccessReviews(held),
    allVendors(held),
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
