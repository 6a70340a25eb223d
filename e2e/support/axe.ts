import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// The accessibility standard the specs hold every page to (docs/accessibility.md): axe-core's rules
// for WCAG 2.0 and 2.1, levels A and AA, and no violation axe rates serious or critical. Minor and
// moderate findings are axe's "best practice" grade of nuisance; they are not counted.

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const COUNTED = new Set(["serious", "critical"]);

/**
 * The page's serious and critical WCAG 2.1 AA violations as it is now, one line per rule and
 * element: "rule-id (impact): help — target". Empty when there are none.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself, where the default opens a blank page per analysis to
  // gather frames' results (Attest has no frames): half the time. Passes are not collected at all.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((violation) => COUNTED.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(" >>> ")}` +
          (node.failureSummary ? `\n      ${node.failureSummary.replace(/\n\s*/g, " ")}` : ""),
      ),
    );
}
