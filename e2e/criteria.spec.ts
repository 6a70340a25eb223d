import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { type Role, apiSessionAs, signInAs as signInOnly, withDb } from "./support";

// The criteria view: every Trust Services criterion PRODUCT.md names, the controls that support
// it, and the in-scope criteria that no control supports, flagged. Other specs add controls to the
// shared database, so the expected flags are computed from the database with the page's rule.

/** Signs in and waits for the landing redirect ("/" -> /controls), so the next goto is not aborted by it. */
async function signInAs(page: Page, role: Role) {
  await signInOnly(page, role);
  await expect(page).toHaveURL(/\/controls$/);
}

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

// PRODUCT.md: CC6.1-CC6.8; A1.1-A1.3; PI1.1-PI1.5; C1.1-C1.2; P1.1, P2.1, P3.1-P3.2, P4.1-P4.3,
// P5.1-P5.2, P6.1-P6.7, P7.1, P8.1.
const CRITERIA = [
  ...range("CC6.", 1, 8),
  ...range("A1.", 1, 3),
  ...range("PI1.", 1, 5),
  ...range("C1.", 1, 2),
  "P1.1",
  "P2.1",
  ...range("P3.", 1, 2),
  ...range("P4.", 1, 3),
  ...range("P5.", 1, 2),
  ...range("P6.", 1, 7),
  "P7.1",
  "P8.1",
];

/** The page's rule: Security always in scope, another category when one of its controls applies. */
async function expectedUnsupported(): Promise<string[]> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT cr.id FROM "Criterion" cr
       WHERE (cr.category = 'SECURITY' OR EXISTS (
                SELECT 1 FROM "Control" k WHERE k.category = cr.category AND k."designStatus" <> 'NOT_APPLICABLE'))
         AND NOT EXISTS (
                SELECT 1 FROM "ControlCriterion" cc JOIN "Control" k ON k.id = cc."controlId"
                WHERE cc."criterionId" = cr.id AND k."designStatus" <> 'NOT_APPLICABLE')
       ORDER BY cr."sortOrder"`,
    );
    return rows.map((r) => r.id);
  });
}

const criterionRows = (page: Page) => page.locator("tr[data-criterion]");
const flaggedIds = async (page: Page) =>
  criterionRows(page)
    .filter({ has: page.locator(".badge", { hasText: "No control" }) })
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-criterion")));

test("every criterion is listed, and the in-scope ones no control supports are flagged", async ({ page }) => {
  await signInAs(page, "AUDITOR");
  await page.getByRole("link", { name: "Criteria", exact: true }).click();
  await expect(page).toHaveURL(/\/criteria$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Criteria");
  await expect(criterionRows(page)).toHaveCount(36);
  const listed = await criterionRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-criterion")));
  expect(listed).toEqual(CRITERIA);
  for (const label of ["Security", "Availability", "Processing Integrity", "Confidentiality", "Privacy"]) {
    await expect(page.getByRole("table", { name: `${label} criteria` })).toBeVisible();
  }
  await expect(page.getByTestId("scope-rule")).toContainText("Security is always in scope");

  const expected = await expectedUnsupported();
  expect(expected.length, "the seeded guide leaves some criteria without a control").toBeGreaterThan(0);
  expect(await flaggedIds(page)).toEqual(expected);
  await expect(page.getByTestId("unsupported-count")).toHaveText(
    `${expected.length} in-scope criteri${expected.length === 1 ? "on has" : "a have"} no control: ${expected.join(", ")}.`,
  );

  // A supported criterion lists its controls, linked.
  const cc61 = page.locator('tr[data-criterion="CC6.1"]');
  await expect(cc61.getByRole("link", { name: "AI-SEC-01", exact: true })).toHaveAttribute("href", "/controls/AI-SEC-01");
  await expect(cc61.locator(".badge", { hasText: "No control" })).toHaveCount(0);
});

test("a custom control mapped to an unsupported criterion removes its flag", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/criteria");
  const flagged = await flaggedIds(page);
  expect(flagged.length).toBeGreaterThan(0);
  const target = flagged[0]!;

  const code = `CRIT-${randomBytes(4).toString("hex").toUpperCase()}`;
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const res = await lead.post("/api/v1/controls", {
      data: {
        code,
        title: `Covers ${target}`,
        description: `A team control that supports ${target}.`,
        category: "SECURITY",
        criteria: [target],
        frequency: "ANNUAL",
        expectedEvidence: "An annual attestation.",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  } finally {
    await lead.dispose();
  }

  await page.reload();
  const row = page.locator(`tr[data-criterion="${target}"]`);
  await expect(row.getByRole("link", { name: code, exact: true })).toBeVisible();
  await expect(row.locator(".badge", { hasText: "No control" })).toHaveCount(0);
  expect(await flaggedIds(page)).toEqual(flagged.filter((id) => id !== target));
  expect(await flaggedIds(page)).toEqual(await expectedUnsupported());
});
