// What a readiness check's figures say (docs/readiness.md, "Nothing recorded yet"). Pure, so the
// page, the dashboard summary, the API and the export's exceptions read a check the same way.

export const READINESS_STATES = ["PASSES", "FAILS", "NOTHING_RECORDED"] as const;
export type ReadinessState = (typeof READINESS_STATES)[number];

/**
 * FAILS when any item fails; NOTHING_RECORDED when the check had nothing to check (its population,
 * `checked`, is empty: no change merged in the period, no feature in scope, no vendor in use);
 * PASSES only when it checked something and nothing failed. Only PASSES counts as ready: a check
 * never "passes" about nothing.
 */
export function readinessState(check: { count: number; checked: number }): ReadinessState {
  if (check.count > 0) return "FAILS";
  return check.checked > 0 ? "PASSES" : "NOTHING_RECORDED";
}

export const isReady = (check: { count: number; checked: number }) => readinessState(check) === "PASSES";

/** The badge text of a check: "Passes", "Nothing recorded yet" or "N finding(s)". */
export function readinessBadge(check: { count: number; checked: number }): string {
  const state = readinessState(check);
  if (state === "PASSES") return "Passes";
  if (state === "NOTHING_RECORDED") return "Nothing recorded yet";
  return `${check.count} ${check.count === 1 ? "finding" : "findings"}`;
}
