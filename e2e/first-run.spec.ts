import { expect, test } from "@playwright/test";
import { FIRST_ADMIN, formError, formStatus, withDb } from "./support";

// Runs first, on the empty database that npm test creates.
test.describe.configure({ mode: "serial" });

test("an empty installation leads to setup; a weak password is refused with what is required", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Attest" })).toBeVisible();
  await page.getByLabel("Your name").fill(FIRST_ADMIN.name);
  await page.getByLabel("E-mail").fill(FIRST_ADMIN.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(formError(page)).toContainText("at least 12 characters");
  expect(await withDb(async (c) => (await c.query('SELECT count(*)::int AS n FROM "User"')).rows[0].n)).toBe(0);
});

test("the setup page creates the first admin, who signs in and sees the 23 controls", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("Your name").fill(FIRST_ADMIN.name);
  await page.getByLabel("E-mail").fill(FIRST_ADMIN.email);
  await page.getByLabel("Password").fill(FIRST_ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(formStatus(page)).toContainText("Administrator created");
  await page.getByRole("link", { name: "Go to sign-in" }).click();
  await page.getByLabel("E-mail").fill(FIRST_ADMIN.email);
  await page.getByLabel("Password").fill(FIRST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/controls$/);
  await expect(page.getByTestId("current-user")).toHaveText(FIRST_ADMIN.name);
  await expect(page.getByRole("table", { name: "Controls" }).locator("tbody tr")).toHaveCount(23);
  await expect(page.getByText("23 controls")).toBeVisible();
});

test("once a user exists, the setup page and its action refuse", async ({ page }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin$/);
  const users = await withDb(async (c) => (await c.query('SELECT role FROM "User"')).rows);
  expect(users).toEqual([{ role: "ADMIN" }]);
});
