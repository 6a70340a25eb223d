import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, formError, signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Audit periods in the browser: the form's checks (Security always, end after start) keep what was
// typed; a period is created and edited; an engineer sees the list without New or Edit.

test("a compliance lead creates a Type II period, is told what is wrong first, then edits it to a Type I", async ({ page }) => {
  const name = `SOC 2 Type II ${randomBytes(3).toString("hex")}`;
  await signInAs(page, "COMPLIANCE_LEAD");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Periods" }).click();
  await page.getByRole("link", { name: "New period" }).click();
  const form = page.getByRole("form", { name: "New period" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Start").fill("2026-07-01");
  await form.getByLabel("End (inclusive)").fill("2026-03-31");
  await form.getByLabel("Security (always in scope)").uncheck();
  await form.getByLabel("Privacy").check();
  await form.getByLabel("Fixture feature").check();
  await form.getByLabel(new RegExp(ACCOUNTS.AUDITOR.email.replace(/[.@]/g, "\\$&"))).check();
  await form.getByRole("button", { name: "Create period" }).click();
  await expect(formError(page)).toBeVisible();
  await expect(form.locator("#end-error")).toContainText("The end is before the start");
  await expect(form.locator("#categories-error")).toContainText("Security is always in scope");
  await expect(form.getByLabel("Name")).toHaveValue(name); // kept
  expect(await withDb(async (c) => (await c.query(`SELECT count(*)::int AS n FROM "AuditPeriod" WHERE name = $1`, [name])).rows[0].n)).toBe(
    0,
  );

  await form.getByLabel("End (inclusive)").fill("2027-06-30");
  await form.getByLabel("Security (always in scope)").check();
  await form.getByRole("button", { name: "Create period" }).click();
  await expect(page).toHaveURL(/\/periods$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("2026-07-01 to 2027-06-30");
  await expect(row).toContainText("Security, Privacy");
  await expect(row).toContainText(ACCOUNTS.AUDITOR.email);

  await row.getByRole("link", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: "Edit period" });
  await edit.getByLabel("Type I (as of a date)").check();
  await expect(edit.getByLabel("End (inclusive)")).toHaveCount(0);
  await edit.getByLabel("As of", { exact: true }).fill("2026-12-31");
  await edit.getByRole("button", { name: "Save period" }).click();
  await expect(page).toHaveURL(/\/periods$/);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("as of 2026-12-31");
  const saved = await withDb(
    async (c) => (await c.query(`SELECT type, start::text, "end"::text FROM "AuditPeriod" WHERE name = $1`, [name])).rows[0],
  );
  expect(saved).toEqual({ type: "TYPE_I", start: "2026-12-31", end: "2026-12-31" });
});

test("an engineer sees the periods but no New or Edit, and the form pages are forbidden", async ({ page }) => {
  await signInAs(page, "ENGINEER");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/periods");
  await expect(page.getByRole("heading", { name: "Audit periods" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New period" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(0);
  await expectNotAllowed(page, "/periods/new");
});
