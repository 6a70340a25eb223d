// An access review's title with its quarter: "Keys (2026-Q3)". Reviews are often named after their
// quarter ("2026-Q3 access review", "Q3 2026 access review"), and such a name already says it, so
// the quarter is added only when the name does not contain it in any of the usual spellings.

/** The ways people write a quarter such as "2026-Q3": 2026-Q3, 2026 Q3, Q3 2026, Q3-2026, Q3/2026. */
function spellings(quarter: string): RegExp | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return null;
  const [, year, q] = m;
  return new RegExp(`(^|[^0-9A-Za-z])(${year}[ \\-/]?Q${q}|Q${q}[ \\-/]?${year})($|[^0-9A-Za-z])`, "i");
}

/** Whether the name already says the quarter. */
export function nameMentionsQuarter(name: string, quarter: string): boolean {
  const pattern = spellings(quarter);
  return pattern ? pattern.test(name) : name.includes(quarter);
}

/** The quarter to show beside the name, or null when the name already says it. */
export function quarterBesideName(name: string, quarter: string): string | null {
  return nameMentionsQuarter(name, quarter) ? null : quarter;
}

/** "Keys (2026-Q3)"; "2026-Q3 access review" as it is. */
export function accessReviewTitle(name: string, quarter: string): string {
  const beside = quarterBesideName(name, quarter);
  return beside ? `${name} (${beside})` : name;
}
