import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, type Role, formError, formStatus, signIn, signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Settings → Users: an admin adds users through the form (with what is wrong said plainly), and
// the page is for admins only.

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const userRow = (page: Page, email: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
const usersWithEmail = async (email: string) =>
  withDb(async (c) => (await c.query(`SELECT email, name, role, "disabledAt" FROM "User" WHERE lower(email) = lower($1)`, [email])).rows);

/** Signs in and waits for the landing page (sign-in opens "/", which then navigates to /dashboard). */
async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

async function fillCreateUserForm(page: Page, user: { name: string; email: string; role: string; password: string }) {
  // React resets the form after each submission, so every field is filled every time.
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("E-mail", { exact: true }).fill(user.email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: user.role });
  await page.getByLabel("Initial password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Add user" }).click();
}

test("an admin adds a user: weak password and duplicate e-mail are refused plainly, a valid user can sign in", async ({
  page,
  browser,
}) => {
  const suffix = randomBytes(4).toString("hex");
  const newUser = {
    name: `New Auditor ${suffix}`,
    email: `new.auditor.${suffix}@example.test`,
    role: "Auditor",
    password: `a long enough passphrase ${suffix}`,
  };

  await signInLanded(page, "ADMIN");
  await mainNav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole("heading", { name: "Add a user" })).toBeVisible();

  // A weak password: the message says what is required, and nobody is created.
  await fillCreateUserForm(page, { ...newUser, password: "short" });
  await expect(formError(page)).toContainText("at least 12 characters");
  await expect(page.getByLabel("Initial password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(formStatus(page)).toHaveCount(0);
  expect(await usersWithEmail(newUser.email)).toEqual([]);

  // An e-mail already in use (in other capitals: addresses are compared lower-cased).
  await fillCreateUserForm(page, { ...newUser, email: ACCOUNTS.ENGINEER.email.toUpperCase() });
  await expect(formError(page)).toHaveText(`A user with the e-mail ${ACCOUNTS.ENGINEER.email} already exists.`);
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveAccessibleDescription("This e-mail is already in use.");
  expect(await usersWithEmail(ACCOUNTS.ENGINEER.email)).toEqual([
    { email: ACCOUNTS.ENGINEER.email, name: ACCOUNTS.ENGINEER.name, role: "ENGINEER", disabledAt: null },
  ]);

  // A valid user appears in the table.
  await fillCreateUserForm(page, newUser);
  await expect(formStatus(page)).toHaveText(`${newUser.email} can now sign in as AUDITOR.`);
  await expect(formError(page)).toHaveCount(0);
  const row = userRow(page, newUser.email);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: newUser.name, exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Auditor", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Never", exact: true })).toBeVisible();
  expect(await usersWithEmail(newUser.email)).toEqual([{ email: newUser.email, name: newUser.name, role: "AUDITOR", disabledAt: null }]);
  // The form is empty again, ready for the next user.
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue("");

  // The new user signs in with the initial password, in a browser of their own.
  const context = await browser.newContext();
  try {
    const userPage = await context.newPage();
    await signIn(userPage, newUser.email, newUser.password);
    await expect(userPage).toHaveURL(/\/dashboard$/);
    await expect(userPage.getByTestId("current-user")).toHaveText(newUser.name);
    await expect(userPage.getByTestId("current-role")).toHaveText("Auditor");
  } finally {
    await context.close();
  }
  await page.reload();
  await expect(userRow(page, newUser.email).getByRole("cell", { name: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/ })).toBeVisible();
});

for (const role of ["COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"] as Role[]) {
  test(`${role} is refused (403) at /settings/users`, async ({ page }) => {
    await signInLanded(page, role);
    await expectNotAllowed(page, "/settings/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);
  });
}
