import "server-only";
import { db, type Tx } from "@/lib/db";
import { deriveExceptions } from "@/lib/export/exceptions";
import type { PeriodException } from "@/lib/export/types";
import { exceptionInputs, type ExceptionInputs } from "@/lib/exceptions/inputs";

// A period's exceptions as they stand now (docs/periods-lock.md): derived by deriveExceptions from
// the live inputs, each with the management response stored for its id. Responses whose exception
// no longer exists (the slot was covered since) are kept but not shown.

/** An exception with its response and who wrote the response, when. */
export interface ExceptionWithResponse extends PeriodException {
  respondedBy: string | null;
  respondedAt: string | null;
}

export async function storedResponses(periodId: string, tx: Tx | typeof db = db) {
  const rows = await tx.managementResponse.findMany({ where: { periodId } });
  return new Map(rows.map((r) => [r.exceptionId, r]));
}

/** Derives the exceptions from `inputs` and adds the stored responses. */
export function withResponses(inputs: ExceptionInputs, responses: Awaited<ReturnType<typeof storedResponses>>): ExceptionWithResponse[] {
  const texts = new Map([...responses].map(([id, r]) => [id, r.text]));
  return deriveExceptions(inputs, texts).map((e) => {
    const stored = responses.get(e.id);
    return { ...e, respondedBy: stored?.updatedBy ?? null, respondedAt: stored?.updatedAt.toISOString() ?? null };
  });
}

/**
 * The period's live exceptions with their responses. Read from the coverage's numbers (slots without
 * evidence ids) and only the evidence an exception comes from (rejected and withdrawn), not every
 * row the period holds: the same list as the lock's snapshot and the package derive from all of it.
 */
export async function liveExceptions(periodId: string) {
  const [inputs, responses] = await Promise.all([
    exceptionInputs(periodId, { listEvidence: false, exceptionEvidenceOnly: true }),
    storedResponses(periodId),
  ]);
  return { exceptions: withResponses(inputs, responses) };
}
