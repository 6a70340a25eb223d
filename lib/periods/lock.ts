import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { assertPeriodVisible } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { exceptionInputs } from "@/lib/exceptions/inputs";
import { storedResponses, withResponses } from "@/lib/exceptions/live";
import { snapshotSha256, type PeriodCoverage, type PeriodSnapshot } from "@/lib/periods/snapshot";
import { UNLOCK_REASON_MIN } from "@/lib/validations/exception";

// Locking a period (docs/periods-lock.md): when fieldwork ends a compliance lead freezes its
// coverage and its exceptions with their responses as they stand. The snapshot is stored and
// shown from then on, never recomputed (lib/periods/snapshot.ts); the lock's audit entry names the log's head at lock and
// the snapshot's hash. Unlocking needs a reason, deletes the snapshot, and is audited too.

export interface PeriodLockInfo {
  lockedAt: string;
  lockedBy: string;
  snapshotSha256: string;
  auditHead: { seq: string; hash: string } | null;
  snapshot: PeriodSnapshot;
}

/** The period's lock with its snapshot, or null when it is not locked. */
export async function periodLock(periodId: string, tx: Tx | typeof db = db): Promise<PeriodLockInfo | null> {
  const row = await tx.periodLock.findUnique({ where: { periodId } });
  if (!row) return null;
  return {
    lockedAt: row.lockedAt.toISOString(),
    lockedBy: row.lockedBy,
    snapshotSha256: row.snapshotSha256,
    auditHead: row.auditHeadSeq !== null && row.auditHeadHash ? { seq: row.auditHeadSeq.toString(), hash: row.auditHeadHash } : null,
    snapshot: row.snapshot as unknown as PeriodSnapshot,
  };
}

/** Takes the period's row lock for the transaction: locks, unlocks and responses of one period queue up. */
export async function lockPeriodRow(tx: Tx, periodId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "AuditPeriod" WHERE id = ${periodId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
}

const LONG = { timeout: 120_000, maxWait: 10_000 };

export async function lockPeriod(periodId: string, principal: Principal) {
  await assertPeriodVisible(principal, periodId);
  return db.$transaction(async (tx) => {
    await lockPeriodRow(tx, periodId);
    if (await tx.periodLock.findUnique({ where: { periodId }, select: { periodId: true } })) {
      throw new AppError("CONFLICT", "This period is already locked. Unlock it first (with a reason) to lock it again.");
    }
    // Responses are read in this transaction, after the row lock: none can be written meanwhile.
    const [inputs, responses] = await Promise.all([exceptionInputs(periodId), storedResponses(periodId, tx)]);
    const snapshot: PeriodSnapshot = JSON.parse(
      JSON.stringify({ coverage: inputs.coverage, exceptions: withResponses(inputs, responses) }),
    );
    const sha = snapshotSha256(snapshot);
    // The log's head as the lock finds it, under the append lock so that no entry slips in between.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
    const head = await tx.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
    const lockedBy = principal.actor.email ?? principal.actor.kind;
    await tx.periodLock.create({
      data: {
        periodId,
        lockedAt: now,
        lockedBy,
        snapshot: snapshot as never,
        snapshotSha256: sha,
        auditHeadSeq: head?.seq ?? null,
        auditHeadHash: head?.hash ?? null,
      },
    });
    const after = {
      lockedAt: now.toISOString(),
      lockedBy,
      auditHead: head ? { seq: head.seq.toString(), hash: head.hash } : null,
      snapshotSha256: sha,
      summary: snapshot.coverage.summary,
      exceptions: snapshot.exceptions.length,
      responded: snapshot.exceptions.filter((e) => e.response).length,
    };
    await appendAudit(tx, principal.actor, { action: "period.locked", entityType: "AuditPeriod", entityId: periodId, after });
    return after;
  }, LONG);
}

export async function unlockPeriod(periodId: string, reason: string, principal: Principal) {
  await assertPeriodVisible(principal, periodId);
  const why = reason.trim();
  if (why.length < UNLOCK_REASON_MIN) {
    throw new AppError("VALIDATION", `Say why the period is unlocked (at least ${UNLOCK_REASON_MIN} characters).`, {
      reason: [`At least ${UNLOCK_REASON_MIN} characters.`],
    });
  }
  return db.$transaction(async (tx) => {
    await lockPeriodRow(tx, periodId);
    const lock = await periodLock(periodId, tx);
    if (!lock) throw new AppError("CONFLICT", "This period is not locked.");
    await tx.periodLock.delete({ where: { periodId } });
    const before = { lockedAt: lock.lockedAt, lockedBy: lock.lockedBy, auditHead: lock.auditHead, snapshotSha256: lock.snapshotSha256 };
    await appendAudit(tx, principal.actor, {
      action: "period.unlocked",
      entityType: "AuditPeriod",
      entityId: periodId,
      before,
      after: { reason: why },
    });
    return { unlocked: true as const, reason: why };
  });
}

/**
 * The coverage a period shows: the snapshot's when it is locked (with `locked`), else computed now.
 * `controls` narrows it to those codes, as periodCoverage does.
 */
export async function shownCoverage(
  periodId: string,
  live: () => Promise<PeriodCoverage>,
  controls?: string[],
): Promise<PeriodCoverage & { locked: { lockedAt: string; lockedBy: string } | null }> {
  const lock = await periodLock(periodId);
  if (!lock) return { ...(await live()), locked: null };
  const { coverage } = lock.snapshot;
  const items = controls ? coverage.items.filter((i) => controls.includes(i.control)) : coverage.items;
  return { ...coverage, items, locked: { lockedAt: lock.lockedAt, lockedBy: lock.lockedBy } };
}
