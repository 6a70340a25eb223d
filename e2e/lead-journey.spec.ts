import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, formStatus, signInAs, withDb, type Role } from "./support";
import { expectNotAllowed } from "./support/refusal";

// The whole story in one browser: a compliance lead records a feature through the guided
// form, sees the controls its answers suggest and why, confirms some, marks one as not applicable
// (refused without a justification), sets a control's design status, and finds every step in the
// audit log. Engineers and auditors see none of the editing UI, and their direct calls are refused.

const tag = randomBytes(4).toString("hex");
const name = `Support reply drafter ${tag}`;

async function landed(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const mapping = (slug: string, code: string) =>
  withDb(async (c) => {
    const { rows } = await c.query(
      `SELECT fc.applies, fc.justification, fc."confirmedBy" FROM "FeatureControl" fc JOIN "Feature" f ON f.id = fc."featureId"
       JOIN "Control" ct ON ct.id = fc."controlId" WHERE f.slug = $1 AND ct.code = $2`,
      [slug, code],
    );
    return rows[0] ?? null;
  });

test.describe.configure({ mode: "serial" });
let slug = "";

test("a compliance lead records a feature, confirms its suggested controls, sets a design status, and the audit log has it all", async ({
  page,
}) => {
  await landed(page, "COMPLIANCE_LEAD");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click();
  await page.getByRole("link", { name: "New feature" }).click();

  // 1. The guided form: the six questions.
  const form = page.getByRole("form", { name: "New feature" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Owner").fill("Support engineering");
  await form.getByLabel("Purpose").fill("Drafts replies to customer support tickets for an agent to review.");
  await form.getByLabel("Personal data").check();
  await form.getByLabel("Notes on the data").fill("Ticket text, the customer's name and e-mail.");
  await form.getByLabel("Outputs and where they go").fill("A draft reply in the helpdesk, sent only after an agent edits it.");
  await form.getByLabel("Staff").check();
  await form.getByLabel("Vendor 1", { exact: true }).fill(`Anthropic ${tag}`);
  await form.getByLabel("Model 1", { exact: true }).fill("claude-sonnet-4");
  await form.getByLabel("Fallback strategy 1", { exact: true }).fill("Agents write replies by hand.");
  await form.getByLabel("Medium").check();
  await form.getByLabel("What a wrong output would cause").fill("An agent could send a wrong answer if they do not read the draft.");
  await form.getByLabel("Logs prompts and responses").check();
  await form.getByLabel("Prompt-log retention").fill("30 days");
  await form.getByRole("button", { name: "Create feature" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  slug = new URL(page.url()).pathname.split("/").pop()!;

  // 2. Suggested controls, each with the reason its answers gave.
  const controls = page.getByRole("table", { name: "Mapped controls" });
  const row = (code: string) => controls.locator(`tr[data-code="${code}"]`);
  await expect(row("AI-SEC-04")).toContainText("Suggested, not confirmed");
  await expect(row("AI-SEC-04")).toContainText("It logs prompts and responses.");
  await expect(row("AI-PRIV-02")).toContainText("Personal data is processed, so deletion and export requests must reach AI records.");
  await expect(row("AI-CONF-02")).toContainText("Customer or personal data is sent to a model vendor, so the vendor's DPA must cover it.");
  await expect(row("AI-AVL-01")).toContainText("It depends on a model vendor");
  // Nothing is mapped until a person confirms.
  expect(await mapping(slug, "AI-SEC-04")).toBeNull();

  // 3. Confirm two suggestions.
  for (const code of ["AI-SEC-04", "AI-CONF-02"]) {
    await row(code)
      .getByRole("button", { name: `Confirm ${code} applies` })
      .click();
    await expect(row(code).locator("td").nth(1)).toHaveText("Applies");
  }
  expect(await mapping(slug, "AI-SEC-04")).toMatchObject({
    applies: true,
    justification: null,
    confirmedBy: ACCOUNTS.COMPLIANCE_LEAD.email,
  });

  // 4. Not applicable is refused without a justification, then saved with one.
  await row("AI-PRIV-02").getByRole("button", { name: "Does not apply… (AI-PRIV-02)" }).click();
  const why = row("AI-PRIV-02").getByRole("form", { name: "Why AI-PRIV-02 does not apply" });
  await why.getByRole("button", { name: "Save as not applicable" }).click();
  await expect(row("AI-PRIV-02").getByRole("alert")).toContainText("justification");
  expect(await mapping(slug, "AI-PRIV-02")).toBeNull();
  const justification = "Deletion requests are handled by the helpdesk's own retention; the drafter keeps no copy beyond 30 days.";
  await why.getByLabel("Why does AI-PRIV-02 not apply?").fill(justification);
  await why.getByRole("button", { name: "Save as not applicable" }).click();
  await expect(row("AI-PRIV-02").locator("td").nth(1)).toHaveText("Does not apply");
  await expect(row("AI-PRIV-02")).toContainText(justification);
  expect(await mapping(slug, "AI-PRIV-02")).toMatchObject({ applies: false, justification });

  // 5. Set a control's design status from its page.
  await row("AI-SEC-04").getByRole("link", { name: "AI-SEC-04" }).click();
  await expect(page).toHaveURL(/\/controls\/AI-SEC-04$/);
  await page.getByLabel("Design status").selectOption("PARTIAL");
  await page.getByLabel("Notes").fill(`Retention job exists; access review of the log bucket pending (${tag}).`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(formStatus(page)).toBeVisible();
  const design = await withDb(async (c) => (await c.query(`SELECT "designStatus", notes FROM "Control" WHERE code = 'AI-SEC-04'`)).rows[0]);
  expect(design).toMatchObject({ designStatus: "PARTIAL", notes: expect.stringContaining(tag) });

  // 6. The audit log shows each step, newest first, with the lead as the actor.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Actor").fill(ACCOUNTS.COMPLIANCE_LEAD.email);
  await filters.getByRole("button", { name: "Apply" }).click();
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log).toContainText("control.updated");
  const entries = await withDb(
    async (c) =>
      (
        await c.query<{ action: string; entityId: string }>(
          `SELECT action, "entityId" FROM "AuditLogEntry" WHERE "actorEmail" = $1 AND ("entityId" LIKE $2 OR "entityId" = 'AI-SEC-04' OR "entityType" = 'Vendor')
           AND at > now() - interval '10 minutes' ORDER BY seq`,
          [ACCOUNTS.COMPLIANCE_LEAD.email, `${slug}%`],
        )
      ).rows,
  );
  const mine = entries.filter((e) => e.entityId.startsWith(slug) || e.entityId === "AI-SEC-04" || e.action === "vendor.created");
  expect(mine.map((e) => `${e.action} ${e.entityId.startsWith(slug) ? e.entityId.replace(slug, "<feature>") : e.entityId}`)).toEqual(
    expect.arrayContaining([
      "feature.created <feature>",
      "mapping.confirmed <feature>:AI-SEC-04",
      "mapping.confirmed <feature>:AI-CONF-02",
      "mapping.confirmed <feature>:AI-PRIV-02",
      "control.updated AI-SEC-04",
    ]),
  );
  for (const text of [`${slug}:AI-SEC-04`, `${slug}:AI-CONF-02`, `${slug}:AI-PRIV-02`]) await expect(log).toContainText(text);
  await expect(log).toContainText("feature.created");
  await expect(log).toContainText("mapping.confirmed");

  // The chain still verifies after all of it.
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("form", { name: "Verify the audit log" }).getByRole("status")).toContainText("Chain intact");
});

for (const role of ["ENGINEER", "AUDITOR"] as const) {
  test(`${role.toLowerCase()}: the feature, its mappings and the control show no editing, and direct calls are refused with nothing changed`, async ({
    page,
  }) => {
    expect(slug, "the lead's journey ran first").not.toBe("");
    await landed(page, role);
    await page.goto("/inventory");
    await expect(page.getByRole("link", { name: "New feature" })).toHaveCount(0);
    await page.goto(`/inventory/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("table", { name: "Mapped controls" })).toBeVisible();
    await expect(page.getByRole("button")).toHaveText(["Sign out"]); // no Applies / Does not apply / Retire
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await page.goto("/controls/AI-SEC-04");
    await expect(page.getByLabel("Design status")).toHaveCount(0);
    await page.goto("/mapping");
    await expect(page.getByRole("form", { name: "Bulk mapping" })).toHaveCount(0);
    await expectNotAllowed(page, "/inventory/new");

    const api = await apiSessionAs(role);
    const before = await databaseFingerprint();
    const calls = [
      api.post("/api/v1/features", {
        data: {
          name: `Sneaky ${tag}`,
          owner: "x",
          purpose: "x",
          inputData: ["PUBLIC"],
          outputs: "x",
          invokers: ["STAFF"],
          failureImpact: "LOW",
        },
      }),
      api.patch(`/api/v1/features/${slug}`, { data: { owner: "Someone else" } }),
      api.put(`/api/v1/features/${slug}/controls/AI-SEC-01`, { data: { applies: true } }),
      api.put(`/api/v1/features/${slug}/controls/AI-PRIV-02`, { data: { applies: true } }),
      api.patch("/api/v1/controls/AI-SEC-04", { data: { designStatus: "IN_PLACE" } }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status(), res.url()).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    expect(await databaseFingerprint(), "a refused call changes nothing").toBe(before);
    await api.dispose();
    // The same role's server-action calls are walked in authorization.spec.ts (every action, every role).
  });
}
