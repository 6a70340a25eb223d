import { expect, type APIRequestContext, type Page, request as playwrightRequest } from "@playwright/test";
import { randomBytes, scryptSync } from "node:crypto";
import pg from "pg";
import { fingerprintWith, withClient } from "./support/database";

export { withClient };

// Shared by the specs: the accounts that accounts.setup.ts creates, sign-in helpers, and a direct
// database connection for asserting that refused calls changed nothing.
export type Role = "ADMIN" | "COMPLIANCE_LEAD" | "ENGINEER" | "AUDITOR";

export const FIRST_ADMIN = { name: "First Admin", email: "first.admin@example.test", password: "correct horse battery staple" };

export const ACCOUNTS: Record<Role, { email: string; password: string; name: string }> = {
  ADMIN: { email: "admin@example.test", password: "admin-password-for-tests", name: "Test Admin" },
  COMPLIANCE_LEAD: { email: "lead@example.test", password: "lead-password-for-tests", name: "Test Lead" },
  ENGINEER: { email: "engineer@example.test", password: "engineer-password-for-tests", name: "Test Engineer" },
  AUDITOR: { email: "auditor@example.test", password: "auditor-password-for-tests", name: "Test Auditor" },
};

export const ROLES = Object.keys(ACCOUNTS) as Role[];

/**
 * An auditor given one period that holds none of the walk's fixtures (accounts.setup.ts): "Scoped
 * auditor's period", 2019, Security, one (retired) feature. The fixtures do not exist for them.
 */
export const SCOPED_AUDITOR = {
  email: "walk.scoped@example.test",
  password: "scoped-auditor-password-for-tests",
  name: "Scoped Auditor",
};
/** The scoped auditor's period (accounts.setup.ts). */
export const SCOPED_AUDITOR_PERIOD_ID = "00000000-0000-4000-8000-0000000a0d19";
/** The broad period the shared AUDITOR account is given besides the fixture period (accounts.setup.ts). */
export const AUDITOR_WINDOW_PERIOD_ID = "00000000-0000-4000-8000-0000000a0d18";

/** A password hash in the app's scrypt format (OWASP parameters), for accounts written straight to the database. */
export function passwordHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${2 ** 17}$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

export const baseURL = () => process.env.BASE_URL ?? "http://localhost:3000";

export function dbClient(): pg.Client {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must be set (npm test sets it)");
  return new pg.Client({ connectionString: process.env.DATABASE_URL });
}

// One small pool per Playwright worker: the walk alone makes thousands of fixture writes and
// fingerprints, and a new connection for each (a backend process forked, a SCRAM exchange on the
// embedded server) cost more than the queries. Idle connections close after a second and do not
// keep the worker alive, so a spec that needs the database to itself (DROP ... WITH (FORCE), a
// restart) finds at most a connection the server may end; the pool then opens a new one.
let pool: pg.Pool | null = null;
function sharedPool(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must be set (npm test sets it)");
  if (!pool) {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, idleTimeoutMillis: 1000, allowExitOnIdle: true });
    // An idle connection ended by the server (a restart, a forced drop) is an error event on the pool; it is discarded.
    pool.on("error", () => {});
  }
  return pool;
}

/** Runs `fn` with a connection to the test database (the owner's URL), on its own session state: nothing set on it outlives `fn`. */
export async function withDb<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = await sharedPool().connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // DISCARD ALL drops what fn may have set on the session (SET, prepared statements, temp tables);
    // a connection that failed is not reused at all.
    if (!broken) await client.query("DISCARD ALL").catch((e: Error) => (broken = e));
    client.release(broken);
  }
}

/** A fingerprint of every application table of the test database (support/database.ts). */
export const databaseFingerprint = () => withDb(fingerprintWith);

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// Session cookies of each role, from a real sign-in (apiSessionAs) made once per worker: a spec
// that needs a signed-in page is not a sign-in test (auth.spec.ts and signin-security.spec.ts are,
// through the form), and each sign-in costs a deliberately slow password hash. Sessions are JWTs
// whose user is re-read on every request, so a cookie stays good while its account is enabled.
const sessionCookies = new Map<Role, Awaited<ReturnType<APIRequestContext["storageState"]>>["cookies"]>();

async function roleCookies(role: Role, fresh: boolean) {
  if (fresh || !sessionCookies.has(role)) {
    const api = await apiSessionAs(role);
    sessionCookies.set(role, (await api.storageState()).cookies);
    await api.dispose();
  }
  return sessionCookies.get(role)!;
}

/**
 * A page signed in as the role, on the landing page (home redirects to /dashboard), so that the
 * caller's next navigation does not race that redirect. The role's session cookie is reused; when
 * the app no longer takes it (the account was disabled and enabled since, say), it signs in again.
 */
export async function signInAs(page: Page, role: Role) {
  await page.context().addCookies(await roleCookies(role, false));
  await page.goto("/");
  if (new URL(page.url()).pathname !== "/dashboard") {
    await page.context().addCookies(await roleCookies(role, true));
    await page.goto("/");
  }
  await expect(page.getByTestId("current-user")).toHaveText(ACCOUNTS[role].name);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** An API request context carrying a signed-in session cookie (next-auth's CSRF dance, done by hand). */
export async function apiSessionAs(role: Role | null): Promise<APIRequestContext> {
  if (!role) return playwrightRequest.newContext({ baseURL: baseURL() });
  return apiSessionOf(ACCOUNTS[role]);
}

/** An API request context signed in as any account (one that is not a role's, such as SCOPED_AUDITOR). */
export async function apiSessionOf(account: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseURL() });
  const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: account.email, password: account.password, json: "true" },
  });
  expect(res.status(), `sign-in as ${account.email}`).toBeLessThan(400);
  const session = (await (await context.get("/api/auth/session")).json()) as { userId?: string };
  expect(session.userId, `session for ${account.email}`).toBeTruthy();
  return context;
}

/** A form's error message (Next adds its own empty role=alert route announcer to every page). */
export const formError = (page: Page) => page.locator(".alert.error[role=alert]");
export const formStatus = (page: Page) => page.locator(".alert.success[role=status]");

/** Collects the page's console errors and uncaught exceptions from now on, each with where it came from. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
