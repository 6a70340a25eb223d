import { addDays } from "@/lib/coverage/dates";
import { readinessState } from "@/lib/readiness/state";
import type { ExportControl, ExportEvidence, ExportReadinessCheck, PeriodException } from "@/lib/export/types";

// The period's exceptions, derived from what the package already holds: every run of missing slots
// of a control, every evidence rejected or withdrawn, every failing readiness check and every one with nothing recorded to check. Pure. The one
// derivation (docs/periods-lock.md): lib/exceptions/ feeds it the period's inputs and the stored
// management responses (by exception id) for the period page, the API, the lock's snapshot and the
// package; a locked period shows its frozen list instead of calling this.

/** The statuses of evidence deriveExceptions turns into exceptions: all a caller that wants only the exceptions must read. */
export const EXCEPTION_EVIDENCE_STATUSES = ["REJECTED", "WITHDRAWN"] as const;

export function deriveExceptions(
  input: {
    controls: readonly ExportControl[];
    evidence: readonly ExportEvidence[];
    readiness: readonly ExportReadinessCheck[];
    period: { start: string; end: string };
  },
  responses: ReadonlyMap<string, string> = new Map(),
): PeriodException[] {
  const out: Omit<PeriodException, "response">[] = [];
  for (const control of input.controls) {
    // Adjacent missing slots are one exception (a validity control's slots are days).
    let run = null as { start: string; end: string; count: number } | null;
    const flush = () => {
      if (!run) return;
      const slots = run.count === 1 ? "1 slot" : `${run.count} slots`;
      out.push({
        id: `MISSING_SLOT:${control.code}:${run.start}`,
        kind: "MISSING_SLOT",
        control: control.code,
        start: run.start,
        end: run.end,
        description: `No accepted evidence of ${control.code} for ${run.start} to ${run.end} (${slots} missing).`,
      });
      run = null;
    };
    for (const slot of control.slots) {
      if (slot.state !== "MISSING") {
        flush();
        continue;
      }
      if (run && addDays(run.end, 1) === slot.start) run = { ...run, end: slot.end, count: run.count + 1 };
      else {
        flush();
        run = { start: slot.start, end: slot.end, count: 1 };
      }
    }
    flush();
  }
  for (const e of input.evidence) {
    if (e.status === "REJECTED") {
      const day = (e.reviewedAt ?? e.uploadedAt).slice(0, 10);
      out.push({
        id: `EVIDENCE_REJECTED:${e.id}`,
        kind: "EVIDENCE_REJECTED",
        control: e.control,
        start: e.effectiveDate,
        end: day < e.effectiveDate ? e.effectiveDate : day,
        description: `Evidence “${e.title}” (${e.id}) was rejected${e.reviewedBy ? ` by ${e.reviewedBy}` : ""}: ${e.reviewReason ?? "no reason given"}.`,
      });
    } else if (e.status === "WITHDRAWN") {
      const day = (e.withdrawnAt ?? e.uploadedAt).slice(0, 10);
      out.push({
        id: `EVIDENCE_WITHDRAWN:${e.id}`,
        kind: "EVIDENCE_WITHDRAWN",
        control: e.control,
        start: e.effectiveDate,
        end: day < e.effectiveDate ? e.effectiveDate : day,
        description: `Evidence “${e.title}” (${e.id}) was withdrawn: ${e.withdrawnReason ?? "no reason given"}.`,
      });
    }
  }
  for (const check of input.readiness) {
    const state = readinessState(check);
    if (state === "PASSES") continue;
    // The stricter reading (docs/readiness.md): a check with nothing recorded to check is an
    // exception too, under its own id so a response to it never answers a later failure.
    if (state === "NOTHING_RECORDED") {
      out.push({
        id: `READINESS_CHECK:${check.id}:nothing-recorded`,
        kind: "READINESS_CHECK",
        control: null,
        start: input.period.start,
        end: input.period.end,
        description: `${check.title}: nothing recorded for the period, so the check could not be performed.`,
      });
      continue;
    }
    out.push({
      id: `READINESS_CHECK:${check.id}`,
      kind: "READINESS_CHECK",
      control: null,
      start: input.period.start,
      end: input.period.end,
      description: `${check.title}: ${check.count} failing. ${check.remedy}`.trim(),
    });
  }
  return out.map((e) => ({ ...e, response: responses.get(e.id) ?? "" }));
}
