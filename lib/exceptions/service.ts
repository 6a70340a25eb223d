import "server-only";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { assertPeriodVisible } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { liveExceptions, type ExceptionWithResponse } from "@/lib/exceptions/live";
import { lockPeriodRow, periodLock } from "@/lib/periods/lock";
import type { ResponseInput } from "@/lib/validations/exception";

// A period's exceptions and management responses for a caller (docs/periods-lock.md): the frozen
// list of a locked period, the live one otherwise. A response is written only while the period is
// unlocked, to an exception the period has now, with its audit entry in the same transaction.

export interface PeriodExceptions {
  periodId: string;
  locked: { lockedAt: string; lockedBy: string } | null;
  exceptions: ExceptionWithResponse[];
}

export async function periodExceptions(principal: Principal, periodId: string): Promise<PeriodExceptions> {
  await assertPeriodVisible(principal, periodId);
  const lock = await periodLock(periodId);
  if (lock) return { periodId, locked: { lockedAt: lock.lockedAt, lockedBy: lock.lockedBy }, exceptions: lock.snapshot.exceptions };
  return { periodId, locked: null, exceptions: (await liveExceptions(periodId)).exceptions };
}

const LOCKED = "This period is locked: its exceptions and responses are frozen. Unlock it first (with a reason) to change a response.";

export async function writeResponse(principal: Principal, periodId: string, exceptionId: string, input: ResponseInput) {
  await assertPeriodVisible(principal, periodId);
  const text = input.response.trim();
  if (!text) throw new AppError("VALIDATION", "Write the response.", { response: ["Write the response."] });
  // Refused before deriving anything when the period is locked (checked again under the row lock).
  if (await db.periodLock.findUnique({ where: { periodId }, select: { periodId: true } })) throw new AppError("CONFLICT", LOCKED);
  const { exceptions } = await liveExceptions(periodId);
  const exception = exceptions.find((e) => e.id === exceptionId);
  if (!exception) {
    throw new AppError("NOT_FOUND", `Audit period ${periodId} has no exception ${exceptionId} (any more): reload its exceptions.`);
  }
  return db.$transaction(async (tx) => {
    await lockPeriodRow(tx, periodId);
    if (await tx.periodLock.findUnique({ where: { periodId }, select: { periodId: true } })) throw new AppError("CONFLICT", LOCKED);
    const previous = await tx.managementResponse.findUnique({ where: { periodId_exceptionId: { periodId, exceptionId } } });
    const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
    const updatedBy = principal.actor.email ?? principal.actor.kind;
    const saved = await tx.managementResponse.upsert({
      where: { periodId_exceptionId: { periodId, exceptionId } },
      create: { periodId, exceptionId, text, updatedBy, updatedAt: now },
      update: { text, updatedBy, updatedAt: now },
    });
    const shape = (r: { text: string; updatedBy: string; updatedAt: Date }) => ({
      exceptionId,
      response: r.text,
      respondedBy: r.updatedBy,
      respondedAt: r.updatedAt.toISOString(),
    });
    await appendAudit(tx, principal.actor, {
      action: "period.exception_response",
      entityType: "AuditPeriod",
      entityId: periodId,
      before: previous ? shape(previous) : null,
      after: { ...shape(saved), kind: exception.kind, control: exception.control, start: exception.start, end: exception.end },
    });
    return { ...exception, response: saved.text, respondedBy: saved.updatedBy, respondedAt: saved.updatedAt.toISOString() };
  });
}
