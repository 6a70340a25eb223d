import { request as playwrightRequest, type Locator, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createHash, randomBytes } from "node:crypto";
import { ACCOUNTS, type Role, baseURL, databaseFingerprint, formError, formStatus, signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Settings → API tokens: an admin creates a token in the browser and sees it exactly once, the token
// works on the API until it is revoked, every write is in the audit log, and the secret is stored
// nowhere. The page and its actions are for admins only.

const COLUMNS = ["Name", "Prefix", "Role", "Acts for", "Scopes", "Created", "Expires", "Last used", "State", "Actions"] as const;
const UTC_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/;

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const tokenRow = (page: Page, name: string) =>
  page
    .getByRole("table", { name: "API tokens" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name, exact: true }) });
const cell = (row: Locator, column: (typeof COLUMNS)[number]) => row.getByRole("cell").nth(COLUMNS.indexOf(column));
const scopeBox = (page: Page, scope: string) => page.getByRole("checkbox", { name: new RegExp(`^${scope} \\(`) });
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const utc = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

async function fillCreateTokenForm(
  page: Page,
  token: { name: string; role: string; scopes: string[]; expires: string; expiresOn?: string },
) {
  await page.getByLabel("Name", { exact: true }).fill(token.name);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: token.role });
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  for (const scope of token.scopes) await scopeBox(page, scope).check();
  await page.getByLabel("Expires", { exact: true }).selectOption({ label: token.expires });
  if (token.expiresOn !== undefined) await page.getByLabel("Expiry date", { exact: true }).fill(token.expiresOn);
}

const tokenRows = (name: string) => withDb(async (c) => (await c.query(`SELECT * FROM "ApiToken" WHERE name = $1`, [name])).rows);

/** The tables whose rows contain the text anywhere (every column, as PostgreSQL prints the row). */
async function tablesContaining(text: string): Promise<string[]> {
  return withDb(async (c) => {
    const { rows: tables } = await c.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["ApiToken", "AuditLogEntry"]));
    const found: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${tablename}" t WHERE strpos(t::text, $1) > 0`, [
        text,
      ]);
      if (rows[0].n > 0) found.push(tablename);
    }
    return found;
  });
}

test("an admin creates a token, sees it once, uses it, and revokes it; bad input is refused and writes nothing", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL() });
  const name = `ci uploads ${randomBytes(4).toString("hex")}`;
  await signInLanded(page, "ADMIN");
  await mainNav(page).getByRole("link", { name: "API tokens", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { name: "Create a token" })).toBeVisible();

  // A scope the role does not have: refused with what to do; what was typed and ticked stays.
  const before = await databaseFingerprint();
  await fillCreateTokenForm(page, { name, role: "Auditor", scopes: ["controls:read", "controls:write"], expires: "In 90 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const scopeRefusal =
    "The Auditor role does not have controls:write: a scope can only narrow a token's role. Untick it, or choose a role that has it.";
  await expect(formError(page)).toHaveText(scopeRefusal);
  await expect(page.getByRole("group", { name: "Scopes (optional)" })).toHaveAccessibleDescription(
    /The Auditor role does not have controls:write/,
  );
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(scopeBox(page, "controls:write")).toBeChecked();
  await expect(page.getByLabel("New API token")).toHaveCount(0);

  // A custom expiry in the past.
  await fillCreateTokenForm(page, { name, role: "Engineer", scopes: ["controls:read"], expires: "On a date…", expiresOn: "2020-01-31" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(formError(page)).toHaveText("The expiry date must be in the future: choose tomorrow or later.");
  await expect(page.getByLabel("Expiry date", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await databaseFingerprint(), "refused forms write nothing").toBe(before);
  expect(await tokenRows(name)).toEqual([]);

  // A valid token, submitted from the keyboard.
  await page.getByLabel("Expires", { exact: true }).selectOption({ label: "In 30 days" });
  await page.getByLabel("Name", { exact: true }).press("Enter");
  await expect(formStatus(page)).toHaveText(`Token "${name}" created with the role ENGINEER. Copy it now: it is shown only once.`);
  const secretField = page.getByLabel("New API token");
  await expect(secretField).toHaveValue(/^att_[A-Za-z0-9_-]{43}$/);
  await expect(secretField).toBeFocused();
  const secret = await secretField.inputValue();
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  // The form is empty again, ready for the next token.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");

  const [stored] = await tokenRows(name);
  const admin = await withDb(async (c) => (await c.query(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.ADMIN.email])).rows[0]);
  expect(stored).toMatchObject({
    role: "ENGINEER",
    scopes: ["controls:read"],
    prefix: secret.slice(0, 10),
    tokenHash: sha256(secret),
    createdById: admin.id,
    creatorRole: "ADMIN", // the token works only while its creator is an active admin
    revokedAt: null,
    lastUsedAt: null,
  });
  const days = ((stored.expiresAt as Date).getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThan(30.1);

  const row = tokenRow(page, name);
  await expect(row).toHaveCount(1);
  await expect(cell(row, "Prefix")).toHaveText(`${secret.slice(0, 10)}…`);
  await expect(cell(row, "Role")).toHaveText("Engineer");
  await expect(cell(row, "Scopes")).toHaveText("controls:read");
  await expect(cell(row, "Created")).toContainText(utc(stored.createdAt));
  await expect(cell(row, "Created")).toContainText(`by ${ACCOUNTS.ADMIN.name}`);
  await expect(cell(row, "Expires")).toHaveText(utc(stored.expiresAt));
  await expect(cell(row, "Last used")).toHaveText("Never");
  await expect(cell(row, "State")).toHaveText("Active");

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(tokenRow(page, name)).toHaveCount(1);
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret.slice(10));

  // The token works, narrowed to its scope, and its use shows.
  const api = await playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  try {
    const list = await api.get("/api/v1/controls");
    expect(list.status()).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((await api.get("/api/v1/features")).status(), "features:read is outside the token's scope").toBe(403);
    await page.reload();
    await expect(cell(tokenRow(page, name), "Last used")).toHaveText(UTC_TIME);

    // A second tab still shows the token as active; it tries to revoke it after the first tab did.
    const stalePage = await context.newPage();
    await stalePage.goto("/settings/tokens");
    await expect(cell(tokenRow(stalePage, name), "State")).toHaveText("Active");

    // Revoke, from the keyboard: cancelling the confirmation changes nothing, accepting revokes.
    const revoke = tokenRow(page, name).getByRole("button", { name: `Revoke ${name}` });
    let question = "";
    page.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await revoke.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => question).toContain(`Revoke the token "${name}" (${secret.slice(0, 10)}…)?`);
    page.once("dialog", (dialog) => void dialog.accept());
    await revoke.focus();
    await page.keyboard.press("Enter");
    await expect(formStatus(page)).toHaveText(`Token "${name}" (${secret.slice(0, 10)}…) is revoked: calls with it now get 401.`);
    await expect(cell(tokenRow(page, name), "State")).toHaveText("Revoked");
    await expect(revoke).toHaveCount(0);

    const refused = await api.get("/api/v1/controls");
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.stringContaining("revoked") } });

    // Revoking it again is a clear error, and records nothing.
    stalePage.once("dialog", (dialog) => void dialog.accept());
    await tokenRow(stalePage, name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await expect(formError(stalePage)).toContainText(`The token "${name}" was already revoked on `);
    await expect(formError(stalePage)).toContainText("nothing changed");
    await stalePage.close();
  } finally {
    await api.dispose();
  }

  // One entry per write, by the admin, describing the token but never carrying the secret.
  const entries = await withDb(
    async (c) =>
      (
        await c.query(`SELECT action, "actorEmail", "actorKind", before, after FROM "AuditLogEntry" WHERE "entityId" = $1 ORDER BY seq`, [
          stored.id,
        ])
      ).rows,
  );
  expect(entries).toMatchObject([
    {
      action: "token.created",
      actorEmail: ACCOUNTS.ADMIN.email,
      actorKind: "user",
      after: { name, role: "ENGINEER", scopes: ["controls:read"], prefix: secret.slice(0, 10), expiresAt: stored.expiresAt.toISOString() },
    },
    { action: "token.revoked", actorEmail: ACCOUNTS.ADMIN.email, actorKind: "user", before: { revokedAt: null }, after: { name } },
  ]);
  expect(await tablesContaining(secret.slice(4)), "the secret is stored nowhere").toEqual([]);
  expect(await tablesContaining(secret.slice(10)), "not even the part after the prefix").toEqual([]);
  expect(await tablesContaining(sha256(secret))).toEqual(["ApiToken"]);
});

test("an Admin token, or one that never expires, needs its box ticked; the server refuses it otherwise", async ({ page }) => {
  const name = `wide ${randomBytes(4).toString("hex")}`;
  await signInLanded(page, "ADMIN");
  await page.goto("/settings/tokens");
  const allowAdmin = page.getByRole("checkbox", { name: /^Allow the Admin role/ });
  const allowNoExpiry = page.getByRole("checkbox", { name: /^Allow a token that never expires/ });
  const before = await databaseFingerprint();

  await fillCreateTokenForm(page, { name, role: "Admin", scopes: [], expires: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(formError(page)).toHaveText(
    "An Admin token can manage users, tokens and settings: whoever holds it is an admin. Tick “Allow the Admin role” to create it anyway, or choose a narrower role.",
  );
  await expect(allowAdmin).toHaveAccessibleDescription(/whoever holds it is an admin/);
  await fillCreateTokenForm(page, { name, role: "Engineer", scopes: [], expires: "Never" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(formError(page)).toHaveText(
    "A token that never expires works until someone revokes it. Tick “Allow a token that never expires” to create it anyway, or choose an expiry.",
  );
  expect(await databaseFingerprint(), "refused forms write nothing").toBe(before);

  // Ticked: both are created, and say so in the list.
  await fillCreateTokenForm(page, { name, role: "Admin", scopes: [], expires: "Never" });
  await allowAdmin.check();
  await allowNoExpiry.check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(formStatus(page)).toHaveText(`Token "${name}" created with the role ADMIN. Copy it now: it is shown only once.`);
  expect(await tokenRows(name)).toMatchObject([{ role: "ADMIN", expiresAt: null, creatorRole: "ADMIN" }]);
  await expect(cell(tokenRow(page, name), "Expires")).toHaveText("Never");
});

test.describe("a token made by a person stops working when that person is disabled or changes role", () => {
  test("401 saying why while the creator is disabled or holds another role; command-line tokens are not affected", async () => {
    const hex = randomBytes(4).toString("hex");
    const creator = await withDb(
      async (c) =>
        (
          await c.query(
            `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Token Creator', 'ADMIN', 'not-a-hash', now()) RETURNING id`,
            [`token-creator-${hex}@example.test`],
          )
        ).rows[0].id as string,
    );
    const insert = (createdById: string | null, creatorRole: string | null) =>
      withDb(async (c) => {
        const secret = `att_${randomBytes(32).toString("base64url")}`;
        await c.query(
          `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt", "createdById", "creatorRole")
           VALUES (gen_random_uuid(), $1, $2, $3, 'ENGINEER', '{}', now() + interval '1 day', $4, $5)`,
          [`creator ${hex} ${creatorRole ?? "cli"}`, sha256(secret), secret.slice(0, 10), createdById, creatorRole],
        );
        return secret;
      });
    const made = await playwrightRequest.newContext({
      baseURL: baseURL(),
      extraHTTPHeaders: { Authorization: `Bearer ${await insert(creator, "ADMIN")}` },
    });
    const cli = await playwrightRequest.newContext({
      baseURL: baseURL(),
      extraHTTPHeaders: { Authorization: `Bearer ${await insert(null, null)}` },
    });
    const setCreator = (sql: string) => withDb((c) => c.query(`UPDATE "User" SET ${sql} WHERE id = $1`, [creator]));
    try {
      expect((await made.get("/api/v1/controls")).status()).toBe(200);

      await setCreator(`"disabledAt" = now()`);
      const disabled = await made.get("/api/v1/controls");
      expect(disabled.status()).toBe(401);
      expect((await disabled.json()).error).toMatchObject({
        code: "UNAUTHENTICATED",
        message: `This API token was created by token-creator-${hex}@example.test, whose account is disabled, so it no longer works. Ask an admin for a new token.`,
      });
      expect((await cli.get("/api/v1/controls")).status(), "a command-line token has no creator to lose").toBe(200);

      await setCreator(`"disabledAt" = NULL, role = 'COMPLIANCE_LEAD'`);
      const demoted = await made.get("/api/v1/controls");
      expect(demoted.status()).toBe(401);
      expect((await demoted.json()).error).toMatchObject({
        code: "UNAUTHENTICATED",
        message: `This API token was created by token-creator-${hex}@example.test as ADMIN, and they are now COMPLIANCE_LEAD, so it no longer works. Ask an admin for a new token.`,
      });

      // Only while: the creator's role restored, the token works again.
      await setCreator(`role = 'ADMIN'`);
      expect((await made.get("/api/v1/controls")).status()).toBe(200);
    } finally {
      await made.dispose();
      await cli.dispose();
    }
  });
});

test("an expired token is listed as expired and can still be revoked", async ({ page }) => {
  const name = `expired ${randomBytes(4).toString("hex")}`;
  await withDb((c) =>
    c.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt")
       VALUES (gen_random_uuid(), $1, $2, 'att_expire', 'ENGINEER', '{}', now() - interval '1 day')`,
      [name, sha256(name)],
    ),
  );
  await signInLanded(page, "ADMIN");
  await page.goto("/settings/tokens");
  const row = tokenRow(page, name);
  await expect(cell(row, "State")).toHaveText("Expired");
  await expect(cell(row, "Scopes")).toHaveText("All of the role's");
  await expect(cell(row, "Created")).toContainText("by the command line");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(cell(row, "State")).toHaveText("Revoked");
  expect((await tokenRows(name))[0].revokedAt).not.toBeNull();
});

for (const role of ["COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"] as Role[]) {
  test(`${role} has no API tokens link and is refused (403) at /settings/tokens`, async ({ page }) => {
    await signInLanded(page, role);
    await expect(mainNav(page).getByRole("link", { name: "API tokens" })).toHaveCount(0);
    await expectNotAllowed(page, "/settings/tokens");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("table", { name: "API tokens" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  });
}
