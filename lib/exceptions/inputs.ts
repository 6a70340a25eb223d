import "server-only";
import { db } from "@/lib/db";
import { EVERYTHING, evidenceWhere, periodScope, type Scope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { evidenceInclude, evidenceToJson, tokenNamesFor } from "@/lib/evidence/service";
import type { ExportControl, ExportEvidence, ExportReadinessCheck } from "@/lib/export/types";
import { periodCoverage } from "@/lib/periods/coverage";
import { loadPeriod, periodToJson } from "@/lib/periods/service";
import { furtherReadinessChecks, readinessChecks } from "@/lib/readiness/checks";
import { readinessScope } from "@/lib/readiness/scope";
import { EXCEPTION_EVIDENCE_STATUSES } from "@/lib/export/exceptions";

// What a period's exceptions are derived from (lib/export/exceptions.ts), read once for the period
// page, the API, the lock's snapshot and the export package alike, so that they all list the same
// exceptions: the coverage of the period's controls, its evidence of every status, its readiness checks.

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
async function periodEvidence(held: Scope, statuses?: typeof EXCEPTION_EVIDENCE_STATUSES): Promise<ExportEvidence[]> {
  const rows = await db.evidence.findMany({
    where: statuses ? { AND: [evidenceWhere(held), { status: { in: [...statuses] } }] } : evidenceWhere(held),
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
 * The period, its live coverage, and the controls, evidence and readiness checks its exceptions come
 * from. `listEvidence: false` leaves the evidence ids out of calendar slots (the exceptions need only
 * the slots' states; the export and the lock's snapshot keep them, so a frozen cell still lists its evidence).
 * `held`: what the period holds (lib/auth/scope.ts periodScope), when the caller has it already.
 * `exceptionEvidenceOnly`: read only the evidence an exception is derived from (rejected and
 * withdrawn, EXCEPTION_EVIDENCE_STATUSES), not every row the period holds, when only the exceptions are wanted.
 */
export async function exceptionInputs(
  periodId: string,
  {
    listEvidence = true,
    held,
    exceptionEvidenceOnly = false,
  }: { listEvidence?: boolean; held?: Scope; exceptionEvidenceOnly?: boolean } = {},
) {
  const row = await loadPeriod(db, periodId);
  if (!row) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  const period = periodToJson(row);
  const [coverage, scope] = await Promise.all([periodCoverage(periodId, { listEvidence }), readinessScope(periodId, EVERYTHING)]);
  if (!scope) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  // The controls the coverage was computed for (the period's categories), so each has its figures.
  const rows = await db.control.findMany({
    where: { code: { in: coverage.items.map((i) => i.control) } },
    select: { id: true, code: true, title: true, category: true, frequency: true, designStatus: true },
    orderBy: { code: "asc" },
  });
  const coverageOf = new Map(coverage.items.map((i) => [i.control, i]));
  const [evidence, checks, further] = await Promise.all([
    periodEvidence(held ?? (await periodScope(periodId)), exceptionEvidenceOnly ? EXCEPTION_EVIDENCE_STATUSES : undefined),
    readinessChecks(scope),
    furtherReadinessChecks(scope),
  ]);
  const controls: ExportControl[] = rows.map((c) => {
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
  });
  const readiness: ExportReadinessCheck[] = [...checks, ...further].map((c) => ({
    id: c.id,
    title: c.title,
    count: c.count,
    checked: c.checked,
    remedy: c.remedy,
    items: c.items.map((i) => i.label),
  }));
  return { row, period, scope, coverage, controls, evidence, readiness };
}

export type ExceptionInputs = Awaited<ReturnType<typeof exceptionInputs>>;
