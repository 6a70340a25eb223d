import { assertPeriodVisible, auditLogWhere, EVERYTHING, evidenceWhere, periodScope, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { writeCheckpoint } from "@/lib/audit-log/checkpoint-store";
import { allItems, listReviews } from "@/lib/access-reviews/queries";
import { allChanges } from "@/lib/changes/queries";
import { AppError } from "@/lib/errors";
import { evidenceInclude, evidenceToJson, tokenNamesFor } from "@/lib/evidence/service";
import { deriveExceptions } from "@/lib/export/exceptions";
import type { LockState } from "@/lib/export/manifest";
import type { ExportAuditEntry, ExportEvidence, ExportReadinessCheck, PeriodPackage } from "@/lib/export/types";
import { periodCoverage } from "@/lib/periods/coverage";
import { loadPeriod, periodToJson } from "@/lib/periods/service";
import { furtherReadinessChecks, readinessChecks } from "@/lib/readiness/checks";
import { readinessScope } from "@/lib/readiness/scope";
import { listVendors } from "@/lib/vendors/queries";
import type { VendorJson } from "@/lib/vendors/service";

// Everything a period's package shows, read once through the domains' own queries (coverage,
// changes, readiness) so that the package says what the pages say. Evidence files are not read
// here: the builder streams them one by one.

/** The period's lock (issue 13 item 4). No period can be locked yet: always unlocked. */
export async function periodLockState(_periodId: string): Promise<LockState> {
  return { state: "unlocked" };
}

/** A file name safe in any ZIP tool and file system: letters, digits, dot, dash, underscore; at most 100 characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-100);
  return cleaned || "file";
}

/**
 * The period's evidence (lib/auth/scope.ts, what the period holds): of its controls, effective in
 * its window or valid on one of its days, of its features or of none; every status (rejected and
 * withdrawn evidence are exceptions the auditor sees).
 */
async function periodEvidence(held: Scope): Promise<ExportEvidence[]> {
  const rows = await db.evidence.findMany({
    where: evidenceWhere(held),
    include: evidenceInclude,
    orderBy: [{ control: { code: "asc" } }, { effectiveDate: "asc" }, { id: "asc" }],
  });
  const tokens = await tokenNamesFor(rows);
  // The API's shape of each (evidenceToJson: reviewer, uploader or token, self-review), and where its file goes.
  return rows.map((row) => {
    const { sha256, size, ...e } = evidenceToJson(row, tokens);
    return {
      ...e,
      fileSha256: sha256,
      fileSize: size,
      packagePath: sha256 && e.fileName ? `evidence/${safeFileName(e.control)}/${e.id}-${safeFileName(e.fileName)}` : null,
    };
  });
}

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
  const row = await loadPeriod(db, periodId);
  if (!row) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  const period = periodToJson(row);
  const [coverage, scope, lock] = await Promise.all([
    periodCoverage(periodId),
    readinessScope(periodId, EVERYTHING),
    periodLockState(periodId),
  ]);
  // What the package holds is what an auditor given this period alone sees: one scope for both.
  const held = await periodScope(periodId);
  if (!scope) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  // The controls the coverage was computed for (the period's categories), so each has its figures.
  const controls = await db.control.findMany({
    where: { code: { in: coverage.items.map((i) => i.control) } },
    select: { id: true, code: true, title: true, category: true, frequency: true, designStatus: true },
    orderBy: { code: "asc" },
  });
  const coverageOf = new Map(coverage.items.map((i) => [i.control, i]));
  const [evidence, changes, checks, further, auditEntries, accessReviews, vendors] = await Promise.all([
    periodEvidence(held),
    allChanges({}, held),
    readinessChecks(scope),
    furtherReadinessChecks(scope),
    periodAuditEntries(held),
    periodAccessReviews(held),
    allVendors(held),
  ]);
  const inScope = (feature: string | null) => !feature || period.features.length === 0 || period.features.includes(feature);
  const readiness: ExportReadinessCheck[] = [...checks, ...further].map((c) => ({
    id: c.id,
    title: c.title,
    count: c.count,
    remedy: c.remedy,
    items: c.items.map((i) => i.label),
  }));
  // The log's head, anchored: a signed checkpoint (lib/audit-log/checkpoint-store.ts) of the head
  // the package names, so the package's claim can be checked against the checkpoint folder later.
  const checkpoint = await writeCheckpoint(db, `export of audit period ${periodId}`);
  const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const base = {
    period: { ...period, controls: controls.map((c) => c.code) },
    lock,
    exportedAt: now.toISOString(),
    exportedBy: caller.actor.email ?? caller.actor.kind,
    timeZone: coverage.timeZone,
    today: coverage.today,
    controls: controls.map((c) => {
      const item = coverageOf.get(c.code)!;
      return {
        code: c.code,
        title: c.title,
        category: c.category,
        frequency: c.frequency,
        designStatus: c.designStatus,
        expected: item.expected,
        covered: item.covered,
        coverage: item.coverage,
        status: item.status,
        slots: item.slots,
      };
    }),
    evidence,
    changes: changes.filter((c) => inScope(c.feature)),
    accessReviews,
    vendors,
    readiness,
    auditEntries,
    auditLogHead: checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : null,
  };
  return { ...base, exceptions: deriveExceptions(base) };
}
