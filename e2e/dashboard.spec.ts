import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { apiSessionAs, collectConsoleErrors, signInAs, withDb } from "./support";

// The dashboard: every chart renders with an accessible name, its numbers match the database, and
// its figures open the lists behind them. The database is shared with other specs, so expected
// numbers are read from it rather than assumed.

const CATEGORY_LABELS = ["Security", "Availability", "Processing Integrity", "Confidentiality", "Privacy"];
const STATUSES = [
  ["IN_PLACE", "In place"],
  ["PARTIAL", "Partial"],
  ["MISSING", "Missing"],
  ["NOT_APPLICABLE", "Not applicable"],
] as const;

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const designCounts = () =>
  withDb(async (c) => {
    const { rows } = await c.query<{ name: string; designStatus: string; n: number }>(
      `SELECT cat.name, c."designStatus", count(*)::int AS n FROM "Control" c JOIN "Category" cat ON cat.code = c.category
       GROUP BY cat.name, c."designStatus"`,
    );
    return rows;
  });

const awaitingReviewInDb = () =>
  withDb(
    async (c) =>
      (
        await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Evidence" e
           WHERE e.status = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM "Evidence" s WHERE s."supersedesId" = e.id)`,
        )
      ).rows[0].n,
  );

test("a lead's dashboard: every chart renders, figures match the database and open their lists", async ({ page }, testInfo) => {
  // A period whose window holds today and starts later than any other, so it is the current one.
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const name = `Dashboard period ${randomBytes(3).toString("hex")}`;
  const created = await lead.post("/api/v1/periods", {
    data: { name, type: "TYPE_II", start: addDays(-3), end: addDays(60), categories: ["SECURITY"] },
  });
  expect(created.status(), await created.text()).toBe(201);

  const consoleErrors = collectConsoleErrors(page);
  await signInAs(page, "COMPLIANCE_LEAD");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");

  // Charts: a named figure holding the chart (an SVG named by its title), with bars drawn.
  for (const [chart, caption, title] of [
    ["design-chart", "Design status by category", "Controls per Trust Services category, stacked by design status"],
    ["coverage-chart", "Coverage by category, current period", `In-scope controls of ${name} per category, stacked by coverage status`],
    ["inflow", "Evidence inflow per week", "Evidence uploads per ISO week, the last 12 weeks"],
  ] as const) {
    const figure = page.getByRole("figure", { name: caption });
    await expect(figure).toBeVisible();
    await expect(figure.getByRole("application", { name: title })).toBeVisible();
    await expect(page.locator(`[data-chart="${chart}"] .recharts-bar-rectangle path`).filter({ visible: true }).first()).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: `Coverage: ${name}` })).toBeVisible();

  // Design status counts, as the table fallback shows them.
  const expected = await designCounts();
  const table = page.getByRole("table", { name: "Design status counts by category" });
  for (const label of CATEGORY_LABELS) {
    for (const [status, statusName] of STATUSES) {
      const n = expected.find((r) => r.name === label && r.designStatus === status)?.n ?? 0;
      await expect(table.getByRole("link", { name: `${label}, ${statusName}: ${n}`, exact: true })).toBeVisible();
    }
  }

  // Awaiting review, as the review queue counts it.
  await expect(page.getByTestId("awaiting-review-count")).toHaveText(String(await awaitingReviewInDb()));

  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });
  await testInfo.attach("dashboard", { path: testInfo.outputPath("dashboard.png"), contentType: "image/png" });

  // Click-through 1: a bar segment of the design chart opens the controls with that category and status.
  await page.locator('[data-chart="design-chart"] .recharts-bar-rectangle path').filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/controls\?category=[A-Z_]+&status=[A-Z_]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Controls");

  // Click-through 2: the awaiting-review number opens the evidence list filtered to submitted.
  await page.goto("/dashboard");
  await page.getByTestId("awaiting-review-count").click();
  await expect(page).toHaveURL(/\/evidence\?status=SUBMITTED$/);

  expect(consoleErrors, "no console errors on the dashboard").toEqual([]);
});
