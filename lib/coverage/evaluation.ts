// The evaluation cross-reference (docs/product.md, "Change"; docs/coverage.md): a model or prompt change
// is evaluated only by accepted evidence of the regression-evaluation control that names its commit
// or pull request and is effective on or before the day the change merged (organisation's calendar).
// The same rule decides the change list, its filter and CSV, `evaluation` on the API, readiness
// finding 2 and the per-event coverage of AI-PI-02; lib/changes/evaluation.ts is its SQL form.
import { dayInTimeZone, fromDay } from "./dates";
import { changeMatcher } from "./matching";
import type { ControlEvidence, CoverageChange } from "./types";

/** The regression-evaluation control: the only control whose evidence evaluates a change. */
export const EVALUATION_CONTROL = "AI-PI-02";

export const EVALUATION_STATES = ["BEFORE_RELEASE", "AFTER_RELEASE", "NONE"] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

export const EVALUATION_LABELS: Record<EvaluationState, string> = {
  BEFORE_RELEASE: "Evaluated before release",
  AFTER_RELEASE: "Evaluated after release",
  NONE: "Not evaluated",
};

/**
 * The state of one change from the effective dates (`YYYY-MM-DD`) of the accepted AI-PI-02
 * evidence that names it. Choices: the merge day itself counts as before release (an evaluation
 * run on the morning of the merge is the guide's "before any material model change reaches
 * production"); one evaluation on or before the merge day is enough, however many come later.
 */
export function evaluationState(mergeDay: string, evaluationDates: readonly string[]): EvaluationState {
  if (evaluationDates.some((date) => date <= mergeDay)) return "BEFORE_RELEASE";
  return evaluationDates.length > 0 ? "AFTER_RELEASE" : "NONE";
}

/**
 * The reference form of the rule over evidence of any control: what the SQL of
 * lib/changes/evaluation.ts must agree with (the bench and the unit tests compare them).
 * `evidence` is accepted evidence; other controls' evidence is ignored however well it matches.
 */
export function changeEvaluation(
  change: CoverageChange,
  evidence: readonly ControlEvidence[],
  timeZone: string,
): { state: EvaluationState; evidence: string[] } {
  const evaluations = evidence.filter((e) => e.control === EVALUATION_CONTROL);
  const ids = new Set(changeMatcher(evaluations)(change));
  const matched = evaluations.filter((e) => ids.has(e.id));
  const mergeDay = fromDay(dayInTimeZone(change.mergedAt, timeZone, `change ${change.id} mergedAt`));
  const state = evaluationState(
    mergeDay,
    matched.map((e) => e.effectiveDate),
  );
  // The evidence shown: the evaluations before release when there are any, else those after it.
  const shown = matched.filter((e) => (state === "BEFORE_RELEASE" ? e.effectiveDate <= mergeDay : true));
  return { state, evidence: shown.map((e) => e.id).sort() };
}
