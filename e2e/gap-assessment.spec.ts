import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import Papa from "papaparse";
import {
  ACCOUNTS,
  type Role,
  apiSessionAs,
  collectConsoleErrors,
  databaseFingerprint,
  formError,
  signInAs as signInOnly,
  withDb,
} from "./support";
import { expectNotAllowed } from "./support/refusal";

// The gap assessment view and its CSV export, and custom controls: created and edited by a
// compliance lead in the browser, refused to everyone else. The database is shared with other
// specs, so custom controls get codes unique to this run and counts are read from the database.

const CATEGORIES = [
  ["SECURITY", "Security"],
  ["AVAILABILITY", "Availability"],
  ["PROCESSING_INTEGRITY", "Processing Integrity"],
  ["CONFIDENTIALITY", "Confidentiality"],
  ["PRIVACY", "Privacy"],
] as const;
const STATUSES = ["IN_PLACE", "PARTIAL", "MISSING", "NOT_APPLICABLE"] as const;

/** Signs in and waits for the landing redirect ("/" -> /dashboard), so the next goto is not aborted by it. */
async function signInAs(page: Page, role: Role) {
  await signInOnly(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const uniqueCode = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex").toUpperCase()}`;

async function countsInDb(): Promise<Record<string, Record<string, number>>> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ category: string; designStatus: string; n: number }>(
      `SELECT category, "designStatus", count(*)::int AS n FROM "Control" GROUP BY category, "designStatus"`,
    );
    const out: Record<string, Record<string, number>> = {};
    for (const [category] of CATEGORIES) out[category] = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const r of rows) out[r.category][r.designStatus] = r.n;
    return out;
  });
}

const controlsWithCode = (code: string) =>
  withDb(async (c) => (await c.query(`SELECT count(*)::int AS n FROM "Control" WHERE code = $1`, [code])).rows[0].n as number);

test("the gap assessment shows the five categories with counts that match the database, and the chart", async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  await signInAs(page, "ENGINEER");
  await page.getByRole("link", { name: "Gap assessment", exact: true }).click();
  await expect(page).toHaveURL(/\/gap-assessment$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gap assessment");

  const expected = await countsInDb();
  const counts = page.getByRole("table", { name: "Design status counts by category" });
  for (const [code, label] of CATEGORIES) {
    const row = counts.locator(`tr[data-category="${code}"]`);
    await expect(row.getByRole("rowheader")).toHaveText(label);
    for (const status of STATUSES) await expect(row.locator(`td[data-status="${status}"]`)).toHaveText(String(expected[code][status]));
    const total = STATUSES.reduce((n, s) => n + expected[code][s], 0);
    await expect(row.locator('td[data-status="TOTAL"]')).toHaveText(String(total));
    await expect(page.getByRole("heading", { level: 2, name: label, exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: `${label} controls` }).locator("tbody tr")).toHaveCount(total);
  }

  // A control row: code links to its page, with its design status, owner, operates since and notes.
  const security = page.getByRole("table", { name: "Security controls" });
  await expect(security.getByRole("link", { name: "AI-SEC-01", exact: true })).toHaveAttribute("href", "/controls/AI-SEC-01");
  await expect(security.getByRole("columnheader")).toHaveText(["Code", "Title", "Design status", "Owner", "Operates since", "Notes"]);
  // The engineer reads; only compliance leads get the inline status form.
  await expect(page.getByRole("combobox")).toHaveCount(0);

  const chart = page.locator("figure.gap-chart .recharts-wrapper > svg.recharts-surface");
  await expect(chart).toBeVisible();
  await expect(chart.locator("> title")).toHaveText(/Controls per Trust Services category/);
  await expect(chart.locator("> desc")).toContainText("Security:");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.locator("figure.gap-chart .recharts-legend-item-text")).toHaveText([
    "In place",
    "Partial",
    "Missing",
    "Not applicable",
  ]);
  expect(consoleErrors, "no console errors on the gap assessment").toEqual([]);
});

test("the CSV export downloads as an attachment with a row per control", async ({ page }) => {
  const auditor = await apiSessionAs("AUDITOR");
  try {
    const res = await auditor.get("/gap-assessment/export");
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers["content-type"]).toMatch(/^text\/csv/);
    expect(headers["content-disposition"]).toMatch(/^attachment; filename="gap-assessment-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      "code",
      "title",
      "category",
      "criteria",
      "designStatus",
      "justification",
      "owner",
      "operatesSince",
      "notes",
      "custom",
    ]);
    const total = await withDb(async (c) => (await c.query(`SELECT count(*)::int AS n FROM "Control"`)).rows[0].n as number);
    expect(parsed.data.length).toBeGreaterThanOrEqual(23);
    expect(parsed.data.length).toBe(total);
    expect(parsed.data.find((r) => r.code === "AI-CONF-03")).toMatchObject({ category: "CONFIDENTIALITY", criteria: "C1.2 P4.2 P4.3" });
  } finally {
    await auditor.dispose();
  }

  // And from the page's button, as a browser download.
  await signInAs(page, "AUDITOR");
  await page.goto("/gap-assessment");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^gap-assessment-\d{4}-\d{2}-\d{2}\.csv$/);
});

test.describe("custom controls by a compliance lead", () => {
  test.describe.configure({ mode: "serial" });
  const code = uniqueCode("GAP");
  const title = `Model output watermark check ${code}`;

  test("a missing criterion is refused, a valid control is created, a duplicate code is refused", async ({ page }) => {
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto("/controls");
    await page.getByRole("link", { name: "New control" }).click();
    await expect(page).toHaveURL(/\/controls\/new$/);
    const form = page.getByRole("form", { name: "New control" });
    await form.getByLabel("Code", { exact: true }).fill(code);
    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Description", { exact: true }).fill("Every model output shown to users carries a watermark.");
    await form.getByLabel("Category", { exact: true }).selectOption("SECURITY");
    await form.getByLabel("Frequency", { exact: true }).selectOption("MONTHLY");
    await form.getByLabel("Expected evidence", { exact: true }).fill("Monthly sample of outputs with the watermark verified.");

    await form.getByRole("button", { name: "Create control" }).click();
    await expect(formError(page)).toHaveText("Choose at least one criterion this control supports.");
    await expect(form.locator("#criteria-error")).toHaveText("Choose at least one criterion this control supports.");
    expect(await controlsWithCode(code)).toBe(0);
    // The fields keep what was typed.
    await expect(form.getByLabel("Code", { exact: true })).toHaveValue(code);

    await form.getByRole("checkbox", { name: /^CC6\.1 / }).check();
    await form.getByRole("checkbox", { name: /^CC6\.2 / }).check();
    await form.getByRole("button", { name: "Create control" }).click();
    await expect(page).toHaveURL(new RegExp(`/controls/${code}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code}: ${title}`);
    const row = await withDb(async (c) => (await c.query(`SELECT * FROM "Control" WHERE code = $1`, [code])).rows[0]);
    expect(row).toMatchObject({ custom: true, category: "SECURITY", frequency: "MONTHLY", designStatus: "MISSING" });

    await page.goto("/controls/new");
    const again = page.getByRole("form", { name: "New control" });
    await again.getByLabel("Code", { exact: true }).fill(code);
    await again.getByLabel("Title", { exact: true }).fill("Another title");
    await again.getByLabel("Description", { exact: true }).fill("Another description.");
    await again.getByLabel("Expected evidence", { exact: true }).fill("Something.");
    await again.getByRole("checkbox", { name: /^CC6\.3 / }).check();
    await again.getByRole("button", { name: "Create control" }).click();
    await expect(formError(page)).toHaveText(`A control with the code ${code} already exists. Choose another code.`);
    await expect(again.locator("#code-error")).toHaveText(`${code} is already taken.`);
    expect(await controlsWithCode(code)).toBe(1);
  });

  test("it appears in the controls list, under its criteria and in the gap assessment", async ({ page }) => {
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto("/controls");
    await expect(page.getByRole("table", { name: "Controls" }).getByRole("link", { name: code, exact: true })).toBeVisible();
    await page.goto("/criteria");
    for (const criterion of ["CC6.1", "CC6.2"]) {
      await expect(page.locator(`tr[data-criterion="${criterion}"]`).getByRole("link", { name: code, exact: true })).toBeVisible();
    }
    await expect(page.locator(`tr[data-criterion="CC6.3"]`).getByRole("link", { name: code, exact: true })).toHaveCount(0);

    // The compliance lead changes its design status inline.
    await page.goto("/gap-assessment");
    const row = page.getByRole("table", { name: "Security controls" }).locator(`tr[data-code="${code}"]`);
    await row.getByRole("combobox", { name: `Design status of ${code}`, exact: true }).selectOption("PARTIAL");
    await row.getByRole("button", { name: `Save design status of ${code}` }).click();
    await expect(row.getByRole("status")).toHaveText("Saved.");
    const status = await withDb(async (c) => (await c.query(`SELECT "designStatus" FROM "Control" WHERE code = $1`, [code])).rows[0]);
    expect(status.designStatus).toBe("PARTIAL");
  });

  test("the compliance lead edits it, and the audit log records the creation and the edits", async ({ page }) => {
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto(`/controls/${code}`);
    await page.getByRole("link", { name: "Edit control" }).click();
    await expect(page).toHaveURL(new RegExp(`/controls/${code}/edit$`));
    const form = page.getByRole("form", { name: "Edit control" });
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(title);
    const newTitle = `${title} (revised)`;
    await form.getByLabel("Title", { exact: true }).fill(newTitle);
    await form.getByLabel("Frequency", { exact: true }).selectOption("QUARTERLY");
    await form.getByRole("checkbox", { name: /^CC6\.2 / }).uncheck();
    await form.getByRole("checkbox", { name: /^CC6\.3 / }).check();
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(new RegExp(`/controls/${code}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code}: ${newTitle}`);

    const entries = await withDb(
      async (c) =>
        (
          await c.query(
            `SELECT action, "actorEmail", before, after FROM "AuditLogEntry" WHERE "entityType" = 'Control' AND "entityId" = $1 ORDER BY seq`,
            [code],
          )
        ).rows,
    );
    expect(entries.map((e) => e.action)).toEqual(["control.created", "control.updated", "control.updated"]);
    expect(entries[0]).toMatchObject({
      actorEmail: ACCOUNTS.COMPLIANCE_LEAD.email,
      after: { code, title, custom: true, criteria: ["CC6.1", "CC6.2"] },
    });
    expect(entries[2]).toMatchObject({
      before: { title, frequency: "MONTHLY", criteria: ["CC6.1", "CC6.2"] },
      after: { title: newTitle, frequency: "QUARTERLY", criteria: ["CC6.1", "CC6.3"] },
    });
  });

  test("the API creates custom controls too: 201, 409 on a duplicate, 400 on unknown criteria", async () => {
    const lead = await apiSessionAs("COMPLIANCE_LEAD");
    try {
      const apiCode = uniqueCode("GAP-API");
      const body = {
        code: apiCode,
        title: "Prompt injection red-team exercise",
        description: "A quarterly red-team exercise against prompt injection.",
        category: "PROCESSING_INTEGRITY",
        criteria: ["PI1.3"],
        frequency: "QUARTERLY",
        expectedEvidence: "The exercise report.",
      };
      const created = await lead.post("/api/v1/controls", { data: body });
      expect(created.status()).toBe(201);
      expect(await created.json()).toMatchObject({ ...body, custom: true, designStatus: "MISSING", operatesSince: null });

      const duplicate = await lead.post("/api/v1/controls", { data: body });
      expect(duplicate.status()).toBe(409);
      expect((await duplicate.json()).error.code).toBe("CONFLICT");

      const unknown = await lead.post("/api/v1/controls", { data: { ...body, code: uniqueCode("GAP-API"), criteria: ["CC9.9"] } });
      expect(unknown.status()).toBe(400);
      expect((await unknown.json()).error).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("CC9.9") });

      const missing = await lead.post("/api/v1/controls", { data: { ...body, code: uniqueCode("GAP-API"), criteria: [] } });
      expect(missing.status()).toBe(400);
      expect((await missing.json()).error.message).toContain("criteria");
    } finally {
      await lead.dispose();
    }
  });
});

test("the guide's controls keep their text: their edit page changes only the criteria mapping", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/controls/AI-PI-02");
  await page.getByRole("link", { name: "Edit criteria mapping" }).click();
  const form = page.getByRole("form", { name: "Edit control" });
  await expect(form.getByRole("checkbox", { name: /^PI1\.3 / })).toBeChecked();
  await expect(form.getByLabel("Title", { exact: true })).toHaveCount(0);
  await expect(form.getByLabel("Description", { exact: true })).toHaveCount(0);
});

for (const role of ["AUDITOR", "ENGINEER"] as const) {
  test(`the ${role.toLowerCase()} sees no New control button and cannot open the form`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto("/controls");
    await expect(page.getByRole("table", { name: "Controls" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New control" })).toHaveCount(0);
    await page.goto("/controls/AI-SEC-01");
    await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    await expectNotAllowed(page, "/controls/new");
  });
}

test("POST /api/v1/controls as the auditor is refused with 403 and changes nothing", async () => {
  const auditor = await apiSessionAs("AUDITOR");
  try {
    const code = uniqueCode("GAP-AUD");
    const before = await databaseFingerprint();
    const res = await auditor.post("/api/v1/controls", {
      data: {
        code,
        title: "Not allowed",
        description: "The auditor may not create controls.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "ANNUAL",
        expectedEvidence: "None.",
      },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect(await databaseFingerprint()).toBe(before);
    expect(await controlsWithCode(code)).toBe(0);
  } finally {
    await auditor.dispose();
  }
});
