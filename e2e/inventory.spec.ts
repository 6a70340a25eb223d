import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, formError, formStatus, signInAs, withDb, type Role } from "./support";

// The AI feature inventory: the guided form, the server-paginated table with its filters, retiring,
// who sees which buttons, and the machine API.

/** Signs in and waits for the landing page, so that the next navigation does not race its redirect. */
async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const tag = () => randomBytes(4).toString("hex");
const table = (page: Page) => page.getByRole("table", { name: "AI features" });
const dataRows = (page: Page) =>
  table(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
const names = (page: Page) => dataRows(page).locator("td:nth-child(1)").allInnerTexts();

function feature(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    slug,
    name: `Feature ${slug}`,
    owner: "Inventory spec",
    purpose: "Answers questions about invoices.",
    inputData: ["INTERNAL"],
    outputs: "An answer shown in the app.",
    invokers: ["END_USERS"],
    failureImpact: "LOW",
    ...overrides,
  };
}

async function auditActions(slug: string): Promise<string[]> {
  return withDb(async (c) =>
    (
      await c.query<{ action: string }>(
        `SELECT action FROM "AuditLogEntry" WHERE "entityType" = 'Feature' AND "entityId" = $1 ORDER BY seq`,
        [slug],
      )
    ).rows.map((r) => r.action),
  );
}

const featureCount = (name: string) =>
  withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Feature" WHERE name = $1`, [name])).rows[0].n);

test.describe("a compliance lead records a feature", () => {
  test.describe.configure({ mode: "serial" });
  const name = `Invoice assistant ${tag()}`;
  let slug = "";

  test("missing answers are named field by field, and nothing is created", async ({ page }) => {
    await signInLanded(page, "COMPLIANCE_LEAD");
    await page.goto("/inventory");
    await page.getByRole("link", { name: "New feature" }).click();
    await expect(page).toHaveURL(/\/inventory\/new$/);
    const form = page.getByRole("form", { name: "New feature" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByRole("button", { name: "Create feature" }).click();
    await expect(formError(page)).toHaveText("Owner is required.");
    await expect(form.getByText("What it does is required.")).toBeVisible();
    await expect(form.getByText("What comes out and where it goes is required.")).toBeVisible();
    await expect(form.getByText("Say who or what can invoke it.")).toBeVisible();
    await expect(form.getByText("Choose the impact of a wrong output: LOW, MEDIUM or HIGH.")).toBeVisible();
    await expect(form.getByLabel("Owner")).toHaveAttribute("aria-invalid", "true");
    // What was typed is kept.
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
    expect(await featureCount(name)).toBe(0);
  });

  test("the six answers create the feature, which opens and appears in the table", async ({ page }) => {
    await signInLanded(page, "COMPLIANCE_LEAD");
    await page.goto("/inventory/new");
    const form = page.getByRole("form", { name: "New feature" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Owner").fill("Billing team");
    await form.getByLabel("Purpose").fill("Answers customer questions about their invoices.");
    await form.getByLabel("Personal data").check();
    await form.getByLabel("Customer confidential").check();
    await form.getByLabel("Notes on the data").fill("Invoice lines and the customer's name.");
    await form.getByLabel("Outputs and where they go").fill("A reply in the customer portal.");
    await form.getByLabel("End users").check();
    await form.getByLabel("Vendor 1", { exact: true }).fill("Anthropic");
    await form.getByLabel("Model 1", { exact: true }).fill("claude-sonnet-4");
    await form.getByLabel("Fallback strategy 1", { exact: true }).fill("Show the invoice without a summary.");
    await form.getByRole("button", { name: "Add a vendor" }).click();
    await form.getByLabel("Vendor 2", { exact: true }).fill("OpenAI");
    await form.getByLabel("Model 2", { exact: true }).fill("gpt-4o-mini");
    await form.getByLabel("High").check();
    await form.getByLabel("What a wrong output would cause").fill("A customer could be told a wrong amount.");
    await form.getByLabel("Logs prompts and responses").check();
    await form.getByLabel("Users interact with it directly").check();
    await form.getByLabel("Prompt-log retention").fill("30 days");
    await form.getByRole("button", { name: "Create feature" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    slug = new URL(page.url()).pathname.split("/").pop()!;
    expect(slug).toMatch(/^invoice-assistant-[0-9a-f]{8}$/);
    const answers = page.getByRole("region", { name: "Answers" });
    await expect(answers).toContainText("Customer confidential, Personal data");
    await expect(answers).toContainText("Anthropic — claude-sonnet-4 (fallback: Show the invoice without a summary.)");
    await expect(answers).toContainText("OpenAI — gpt-4o-mini");
    await expect(answers).toContainText("Impact: High");
    await expect(answers).toContainText("Logs prompts and responses");
    await expect(page.getByRole("heading", { name: "Controls" })).toBeVisible(); // the mappings section
    expect(await auditActions(slug)).toEqual(["feature.created"]);

    await page.getByRole("link", { name: "← Inventory" }).click();
    await page.getByRole("search", { name: "Filter features" }).getByLabel("Search").fill(name);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(dataRows(page)).toHaveCount(1);
    await expect(dataRows(page).first()).toContainText("Billing team");
    await expect(dataRows(page).first()).toContainText("Anthropic, OpenAI");
  });

  test("editing keeps the answers not changed; retiring keeps the feature and its history", async ({ page }) => {
    await signInLanded(page, "COMPLIANCE_LEAD");
    await page.goto(`/inventory/${slug}`);
    await page.getByRole("link", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: "Edit feature" });
    await expect(form.getByLabel("Personal data")).toBeChecked();
    await expect(form.getByLabel("Vendor 2", { exact: true })).toHaveValue("OpenAI");
    await form.getByLabel("Owner").fill("Billing platform team");
    await form.getByRole("button", { name: "Remove vendor 2" }).click();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/inventory/${slug}$`));
    await expect(page.locator(".lede")).toContainText("Owner: Billing platform team");
    const answers = page.getByRole("region", { name: "Answers" });
    await expect(answers).not.toContainText("OpenAI");
    await expect(answers).toContainText("Anthropic — claude-sonnet-4");

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Retire feature" }).click();
    await expect(formStatus(page)).toHaveText("Feature retired. Its history is kept.");
    await expect(answers.getByRole("term").filter({ hasText: "Status" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Retired");
    expect(await auditActions(slug)).toEqual(["feature.created", "feature.updated", "feature.retired"]);
    const retired = await withDb(
      async (c) =>
        (
          await c.query(
            `SELECT "actorEmail", before->>'status' AS before, after->>'status' AS after FROM "AuditLogEntry" WHERE action = 'feature.retired' AND "entityId" = $1`,
            [slug],
          )
        ).rows[0],
    );
    expect(retired).toEqual({ actorEmail: ACCOUNTS.COMPLIANCE_LEAD.email, before: "ACTIVE", after: "RETIRED" });

    await page.goto(`/inventory?q=${encodeURIComponent(name)}&status=RETIRED`);
    await expect(dataRows(page)).toHaveCount(1);
    await expect(dataRows(page).first()).toContainText("Retired");
    await page.goto(`/inventory?q=${encodeURIComponent(name)}&status=ACTIVE`);
    await expect(page.getByText("No feature matches these filters.")).toBeVisible();
  });
});

test.describe("the table pages, sorts and filters on the server", () => {
  const owner = `Pager ${tag()}`;
  const vendor = `Pager Vendor ${tag()}`;
  const prefix = `pager-${tag()}`;
  let lead: APIRequestContext;

  test.beforeAll(async () => {
    lead = await apiSessionAs("COMPLIANCE_LEAD");
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, "0");
      const res = await lead.post("/api/v1/features", {
        data: feature(`${prefix}-${n}`, {
          name: `${prefix} ${n}`,
          owner,
          failureImpact: i % 3 === 0 ? "HIGH" : "LOW",
          inputData: i % 2 === 0 ? ["PERSONAL_DATA", "INTERNAL"] : ["PUBLIC"],
          vendors: i % 5 === 0 ? [{ vendor, model: "m-1" }] : [],
        }),
      });
      expect(res.status(), await res.text()).toBe(201);
    }
  });
  test.afterAll(async () => lead.dispose());

  test("25 a page with page links, sorting by a header, and every filter", async ({ page }) => {
    await signInLanded(page, "ENGINEER");
    await page.goto("/inventory");
    const search = page.getByRole("search", { name: "Filter features" });
    await search.getByLabel("Owner").selectOption(owner);
    await search.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]owner=Pager/);
    await expect(page.getByText("30 features match, showing 1–25")).toBeVisible();
    await expect(dataRows(page)).toHaveCount(25);
    expect((await names(page))[0]).toBe(`${prefix} 01`);

    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByText("30 features match, showing 26–30")).toBeVisible();
    expect(await names(page)).toEqual(["26", "27", "28", "29", "30"].map((n) => `${prefix} ${n}`));

    // Sorting goes back to page 1 and is done over all 30, not the loaded page.
    await table(page).getByRole("button", { name: /^Name/ }).click();
    await expect(page).toHaveURL(/[?&]dir=desc/);
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect(table(page).getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");
    expect((await names(page))[0]).toBe(`${prefix} 30`);
    await table(page)
      .getByRole("button", { name: /^Impact/ })
      .click();
    await expect(page).toHaveURL(/[?&]sort=impact/);
    expect((await dataRows(page).locator("td:nth-child(4)").allInnerTexts()).slice(0, 20)).toEqual(Array(20).fill("Low"));

    await search.getByLabel("Impact").selectOption("HIGH");
    await search.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("10 features match, showing 1–10")).toBeVisible();

    await page.goto(`/inventory?owner=${encodeURIComponent(owner)}`);
    await search.getByLabel("Vendor").selectOption(vendor);
    await search.getByLabel("Data category").selectOption("PERSONAL_DATA");
    await search.getByRole("button", { name: "Apply" }).click();
    // Multiples of 5 have the vendor; of those, the even ones have personal data: 10, 20, 30.
    // (Polled: the table is read once the filtered page has replaced the previous one.)
    await expect(page).toHaveURL(/[?&]data=PERSONAL_DATA/);
    await expect.poll(() => names(page)).toEqual([`${prefix} 10`, `${prefix} 20`, `${prefix} 30`]);

    await page.goto(`/inventory?q=${prefix} 07`);
    await expect(search.getByLabel("Search")).toHaveValue(`${prefix} 07`);
    await expect.poll(() => names(page)).toEqual([`${prefix} 07`]);
    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(page).toHaveURL(/\/inventory$/);
  });
});

test("engineers and auditors see the inventory without New, Import or Edit; an auditor's POST is refused and writes nothing", async ({
  page,
}) => {
  for (const role of ["ENGINEER", "AUDITOR"] as const) {
    await signInLanded(page, role);
    await page.goto("/inventory");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inventory");
    await expect(page.getByRole("link", { name: "Inventory" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "New feature" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
    await page.goto("/inventory/fixture-feature");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fixture feature");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Retire feature" })).toHaveCount(0);
    await page.context().clearCookies();
  }

  const auditor = await apiSessionAs("AUDITOR");
  try {
    const slug = `auditor-${tag()}`;
    const before = await databaseFingerprint();
    const res = await auditor.post("/api/v1/features", { data: feature(slug) });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect(await databaseFingerprint()).toBe(before);
    const patch = await auditor.patch("/api/v1/features/fixture-feature", { data: { owner: "auditor" } });
    expect(patch.status()).toBe(403);
    expect(await databaseFingerprint()).toBe(before);
  } finally {
    await auditor.dispose();
  }
});

test("the API creates, reads, patches and lists features, with 400, 404 and 409 where they belong", async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const slug = `api-${tag()}`;
    const created = await lead.post("/api/v1/features", {
      data: feature(slug, {
        vendors: [{ vendor: "Mistral", model: "mistral-large", fallbackStrategy: "Queue and retry" }],
        logsPrompts: true,
      }),
    });
    expect(created.status(), await created.text()).toBe(201);
    expect(await created.json()).toMatchObject({
      slug,
      status: "ACTIVE",
      vendors: [{ vendor: "Mistral", model: "mistral-large", fallbackStrategy: "Queue and retry" }],
      logsPrompts: true,
      userFacing: false,
    });

    const taken = await lead.post("/api/v1/features", { data: feature(slug) });
    expect(taken.status()).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("CONFLICT");

    const invalid = await lead.post("/api/v1/features", { data: { ...feature(`bad-${tag()}`), failureImpact: "SEVERE", invokers: [] } });
    expect(invalid.status()).toBe(400);
    const invalidBody = (await invalid.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(invalidBody.error.code).toBe("VALIDATION");
    expect(Object.keys(invalidBody.error.fields).sort()).toEqual(["failureImpact", "invokers"]);
    expect((await lead.post("/api/v1/features", { data: "not json", headers: { "Content-Type": "application/json" } })).status()).toBe(400);

    const read = await lead.get(`/api/v1/features/${slug}`);
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { purpose: string }).purpose).toBe("Answers questions about invoices.");

    // PATCH is partial: only the owner and the impact change.
    const patched = await lead.patch(`/api/v1/features/${slug}`, { data: { owner: "Patched owner", failureImpact: "MEDIUM" } });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(await patched.json()).toMatchObject({
      owner: "Patched owner",
      failureImpact: "MEDIUM",
      purpose: "Answers questions about invoices.",
      logsPrompts: true,
      vendors: [{ vendor: "Mistral", model: "mistral-large", fallbackStrategy: "Queue and retry" }],
    });
    const badPatch = await lead.patch(`/api/v1/features/${slug}`, { data: { failureImpact: "SEVERE" } });
    expect(badPatch.status()).toBe(400);
    expect((await lead.patch(`/api/v1/features/${slug}`, { data: { slug: "renamed" } })).status()).toBe(400);
    expect(((await (await lead.get(`/api/v1/features/${slug}`)).json()) as { failureImpact: string }).failureImpact).toBe("MEDIUM");

    expect((await lead.get("/api/v1/features/no-such-feature")).status()).toBe(404);
    const missing = await lead.patch("/api/v1/features/no-such-feature", { data: { owner: "x" } });
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");

    const list = await lead.get(`/api/v1/features?q=${slug}&impact=MEDIUM`);
    expect(list.status()).toBe(200);
    expect(await list.json()).toMatchObject({ total: 1, page: 1, pageCount: 1, items: [{ slug, owner: "Patched owner" }] });
    expect((await lead.get("/api/v1/features?impact=SEVERE")).status()).toBe(400);
    expect(await auditActions(slug)).toEqual(["feature.created", "feature.updated"]);
  } finally {
    await lead.dispose();
  }
});
