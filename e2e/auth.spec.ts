import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ROLES, type Role, baseURL, formError, signIn, signInAs, withDb } from "./support";
import { createThrowawayUser, type Throwaway } from "./signin-support";

// Sign-in, sign-out, throttling, role-dependent navigation, and the effect of disabling a user or
// changing their role on their very next request. Accounts that get locked out, disabled or
// promoted are throwaway users created here, never the shared ACCOUNTS other specs sign in with.

const GENERIC_FAILURE = "The e-mail or password is not right, or the account is disabled.";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/**
 * Signs in and waits for the landing page: sign-in opens "/", which then navigates to /dashboard.
 * Acting before that second navigation lands would race it.
 */
async function signInLanded(page: Page, role: Role | Throwaway) {
  if (typeof role === "string") await signInAs(page, role);
  else {
    await signIn(page, role.email, role.password);
    await expect(page.getByTestId("current-user")).toHaveText(role.name);
  }
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

/** Submits the sign-in form and returns the status of the credentials callback it posted. */
async function submitSignIn(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  const response = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  const status = (await response).status();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  return status;
}

/** The row of the Users table for one e-mail address. */
const userRow = (page: Page, email: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });

test("a user signs in and out in the browser", async ({ page }) => {
  await signInLanded(page, "COMPLIANCE_LEAD");
  await expect(page.getByTestId("current-role")).toHaveText("Compliance lead");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "Sign in to Attest" })).toBeVisible();
  // The session is gone: the app sends the browser back to sign-in.
  await page.goto("/controls");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("a wrong password and an unknown e-mail get the same generic message and stay on /signin", async ({ page }) => {
  const user = await createThrowawayUser("ENGINEER", "wrong-password");
  await page.goto("/signin");

  expect(await submitSignIn(page, user.email, "not the right password")).toBe(401);
  await expect(formError(page)).toHaveText(GENERIC_FAILURE);
  await expect(formError(page)).toHaveCount(1);
  await expect(page).toHaveURL(/\/signin$/);

  expect(await submitSignIn(page, `nobody.${randomBytes(4).toString("hex")}@example.test`, "not the right password")).toBe(401);
  await expect(formError(page)).toHaveText(GENERIC_FAILURE);
  await expect(formError(page)).toHaveCount(1);
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("after 5 wrong passwords the account is blocked, even with the right password, in the UI and the API", async ({
  page,
  playwright,
}) => {
  const user = await createThrowawayUser("ENGINEER", "throttled");
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await submitSignIn(page, user.email, `wrong password number ${attempt}`), `attempt ${attempt}`).toBe(401);
    await expect(formError(page)).toHaveText(GENERIC_FAILURE);
  }

  // The 6th attempt, with the right password, is refused before the password is even checked.
  expect(await submitSignIn(page, user.email, user.password)).toBe(429);
  await expect(formError(page)).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/controls");
  await expect(page).toHaveURL(/\/signin$/);
  const lastLogin = await withDb(
    async (c) => (await c.query(`SELECT "lastLoginAt" FROM "User" WHERE id = $1`, [user.id])).rows[0].lastLoginAt,
  );
  expect(lastLogin).toBeNull();

  // The raw next-auth endpoint answers 429 with the JSON error shape.
  const api = await playwright.request.newContext({ baseURL: baseURL() });
  try {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: user.password, json: "true" },
    });
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.message).toContain("Too many sign-in attempts");
    const session = (await (await api.get("/api/auth/session")).json()) as { userId?: string };
    expect(session.userId).toBeUndefined();
  } finally {
    await api.dispose();
  }
});

const BASE_NAV = ["Dashboard", "Readiness", "Inventory", "Mapping", "Controls", "Evidence"];
const TAIL_NAV = ["Gap assessment", "Criteria", "Periods", "Changes", "Access reviews", "Vendors"];
const NAV: Record<(typeof ROLES)[number], string[]> = {
  ADMIN: [...BASE_NAV, "Review", ...TAIL_NAV, "Audit log", "Users", "API tokens", "Organisation"],
  COMPLIANCE_LEAD: [...BASE_NAV, "Review", ...TAIL_NAV, "Audit log"],
  ENGINEER: [...BASE_NAV, ...TAIL_NAV],
  AUDITOR: [...BASE_NAV, ...TAIL_NAV, "Audit log"],
};
// Review, Evidence, Periods and Access reviews carry the number of what waits for the person
// (another spec's uploads, rejections, periods and access reviews change it; docs/dashboard.md).
const COUNTED = ["Review", "Evidence", "Periods", "Access reviews"];
const navText = (label: string) => (COUNTED.includes(label) ? new RegExp(`^${label}\\s*\\d*$`) : label);
for (const role of ROLES) {
  test(`navigation for ${role}: ${NAV[role].join(", ")}`, async ({ page }) => {
    await signInLanded(page, role);
    await expect(mainNav(page).getByRole("link")).toHaveText(NAV[role].map(navText));
  });
}

test("an anonymous visit to /controls redirects to /signin", async ({ page }) => {
  await page.goto("/controls");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "Sign in to Attest" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Controls" })).toHaveCount(0);
});

test("a user disabled by an admin is signed out on their next request", async ({ browser }) => {
  const user = await createThrowawayUser("ENGINEER", "to-disable");
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const userPage = await userContext.newPage();
    await signInLanded(userPage, user);

    const adminPage = await adminContext.newPage();
    await signInLanded(adminPage, "ADMIN");
    await mainNav(adminPage).getByRole("link", { name: "Users", exact: true }).click();
    await expect(adminPage.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    const row = userRow(adminPage, user.email);
    await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(row.getByRole("status")).toHaveText(`${user.email} is disabled: they are signed out on their next request.`);
    await expect(row.getByRole("cell", { name: "Disabled", exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: "Enable", exact: true })).toBeVisible();
    const disabledAt = await withDb(
      async (c) => (await c.query(`SELECT "disabledAt" FROM "User" WHERE id = $1`, [user.id])).rows[0].disabledAt,
    );
    expect(disabledAt).not.toBeNull();

    // The user's browser still holds its session cookie; the next request no longer honours it.
    await userPage.reload();
    await expect(userPage).toHaveURL(/\/signin$/);
    await expect(userPage.getByTestId("current-user")).toHaveCount(0);
    const api = await userContext.request.get("/api/v1/controls");
    expect(api.status()).toBe(401);
    // Signing in again is refused with the same generic message.
    expect(await submitSignIn(userPage, user.email, user.password)).toBe(401);
    await expect(formError(userPage)).toHaveText(GENERIC_FAILURE);
    await expect(userPage).toHaveURL(/\/signin$/);
  } finally {
    await userContext.close();
    await adminContext.close();
  }
});

test("a role change takes effect on the user's next request", async ({ browser }) => {
  const user = await createThrowawayUser("ENGINEER", "to-promote");
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const userPage = await userContext.newPage();
    await signInLanded(userPage, user);
    await expect(userPage.getByTestId("current-role")).toHaveText("Engineer");
    await expect(mainNav(userPage).getByRole("link", { name: "Controls", exact: true })).toBeVisible();
    await expect(mainNav(userPage).getByRole("link", { name: "Users", exact: true })).toHaveCount(0);

    const adminPage = await adminContext.newPage();
    await signInLanded(adminPage, "ADMIN");
    await adminPage.goto("/settings/users");
    const row = userRow(adminPage, user.email);
    await row.getByLabel(`Role of ${user.email}`).selectOption({ label: "Admin" });
    await row.getByRole("button", { name: "Change role", exact: true }).click();
    await expect(row.getByRole("status")).toHaveText(`${user.email} is now ADMIN. It takes effect on their next request.`);
    await expect(row.getByRole("cell", { name: "Admin", exact: true })).toBeVisible();
    const role = await withDb(async (c) => (await c.query(`SELECT role FROM "User" WHERE id = $1`, [user.id])).rows[0].role);
    expect(role).toBe("ADMIN");

    // Same session cookie, next request: the new role applies.
    await userPage.reload();
    await expect(userPage.getByTestId("current-role")).toHaveText("Admin");
    await mainNav(userPage).getByRole("link", { name: "Users", exact: true }).click();
    await expect(userPage).toHaveURL(/\/settings\/users$/);
    await expect(userPage.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    await expect(userRow(userPage, user.email)).toBeVisible();
  } finally {
    await userContext.close();
    await adminContext.close();
  }
});
