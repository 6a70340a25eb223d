// Which audit period is "current" for a page that shows one period at a time (the controls matrix,
// a control's page). Pure: today is a parameter (docs/coverage.md, "The controls matrix").

export interface PeriodChoice {
  id: string;
  type: "TYPE_I" | "TYPE_II";
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
}

/**
 * The period holding today, a Type II before a Type I (a Type II period is the one that is being
 * operated), the latest start first; else the one that ended last; else, when every period lies
 * ahead, the one that starts first. Ties go to the smaller id, so the choice never flickers.
 * Null when there is no period at all.
 */
export function currentPeriod<P extends PeriodChoice>(periods: readonly P[], today: string): P | null {
  const byId = (a: P, b: P) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const open = periods
    .filter((p) => p.start <= today && today <= p.end)
    .sort((a, b) => (a.type === b.type ? 0 : a.type === "TYPE_II" ? -1 : 1) || b.start.localeCompare(a.start) || byId(a, b));
  if (open.length) return open[0];
  const ended = periods.filter((p) => p.end < today).sort((a, b) => b.end.localeCompare(a.end) || byId(a, b));
  if (ended.length) return ended[0];
  const ahead = [...periods].sort((a, b) => a.start.localeCompare(b.start) || byId(a, b));
  return ahead[0] ?? null;
}
