import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, formError, formStatus, passwordHash, signIn, signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Issue 14, item 8: an admin renames a user and resets their password (Settings → Users). The reset
// ends the sessions the user already had; the new password signs in and the old one no longer does.

const GENERIC_FAILURE = "The e-mail or password is not right, or the account is disabled.";

const userRow = (page: Page, email: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
const account = async (id: string) =>
  withDb(async (c) => (await c.query(`SELECT name, "passwordHash", "sessionVersion" FROM "User" WHERE id = $1`, [id])).rows[0]);
const auditActions = async (id: string) =>
  withDb(
    async (c) =>
      (
        await c.query(
          `SELECT action, "actorEmail", before, after FROM "AuditLogEntry" WHERE "entityId" = $1 AND action <> 'user.signed_in' ORDER BY seq`,
          [id],
        )
      ).rows,
  );

test("an admin renames a user and resets their password: the user's old session ends, the new password signs in, the old one fails", async ({
  page,
  browser,
}) => {
  const run = randomBytes(4).toString("hex");
  const user = { email: `renamed.${run}@example.test`, name: `Before Rename ${run}`, password: `the first passphrase ${run}` };
  const id = await withDb(
    async (c) =>
      (
        await c.query<{ id: string }>(
          `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'ENGINEER', $3, now()) RETURNING id`,
          [user.email, user.name, passwordHash(user.password)],
        )
      ).rows[0].id,
  );

  // The user is signed in elsewhere before the admin acts.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, user.email, user.password);
  await expect(theirPage.getByTestId("current-user")).toHaveText(user.name);

  await signInAs(page, "ADMIN");
  await page.goto("/settings/users");
  const row = userRow(page, user.email);
  await row.getByText("Rename or reset password").click();

  // Rename: an empty name is refused and changes nothing; a real one is saved and audited.
  const name = row.getByLabel(`Name of ${user.email}`);
  await name.fill("   ");
  await row.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(row.getByText("Enter a name.").first()).toBeVisible();
  expect((await account(id)).name).toBe(user.name);
  const renamed = `After Rename ${run}`;
  await name.fill(renamed);
  await row.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(formStatus(page).filter({ hasText: `${user.email} is now named ${renamed}.` })).toBeVisible();
  expect((await account(id)).name).toBe(renamed);

  // Reset: a password that breaks the rule is refused and changes nothing; a good one is saved.
  const before = await account(id);
  const password = row.getByLabel(`New password for ${user.email}`);
  await password.fill(`renamed.${run} is in here`);
  await row.getByRole("button", { name: "Reset password", exact: true }).click();
  await expect(formError(page).filter({ hasText: "must not contain the part of the e-mail address before the @" })).toBeVisible();
  expect(await account(id)).toEqual(before);
  const newPassword = `a brand new passphrase ${run}`;
  await password.fill(newPassword);
  await row.getByRole("button", { name: "Reset password", exact: true }).click();
  await expect(formStatus(page).filter({ hasText: `${user.email} has a new password` })).toBeVisible();
  const after = await account(id);
  expect(after.passwordHash).not.toBe(before.passwordHash);
  expect(after.sessionVersion).toBe(before.sessionVersion + 1);

  // Each change is audited under the admin's name (besides the user's own sign-ins); the password itself is never recorded.
  const audit = await auditActions(id);
  expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
    ["user.renamed", ACCOUNTS.ADMIN.email],
    ["user.password_reset", ACCOUNTS.ADMIN.email],
  ]);
  expect(audit[0].before).toEqual({ name: user.name });
  expect(audit[0].after).toEqual({ name: renamed });
  expect(JSON.stringify(audit)).not.toContain(newPassword);

  // The session the user had is over: their next page asks them to sign in.
  await theirPage.goto("/evidence");
  await expect(theirPage).toHaveURL(/\/signin/);

  // The old password fails with the usual message; the new one signs in, under the new name.
  await signIn(theirPage, user.email, user.password);
  await expect(formError(theirPage)).toHaveText(GENERIC_FAILURE);
  await expect(theirPage).toHaveURL(/\/signin/);
  await signIn(theirPage, user.email, newPassword);
  await expect(theirPage.getByTestId("current-user")).toHaveText(renamed);
  await theirs.close();
});

test("only an admin sees the rename and reset forms", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await expectNotAllowed(page, "/settings/users");
  await expect(page.getByText("Rename or reset password")).toHaveCount(0);
});
