import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ACCOUNTS, apiSessionAs, baseURL, withDb } from "./support";
import { createThrowawayUser, csrfFrom, lastLoginAt, postCredentials, rawRequest, setsSession, type Throwaway } from "./signin-support";
import { sha256, tag, today, upload } from "./evidence-support";

// Issue 10, items 1, 6 and 9: sign-in throttling that no request shape gets around, a flood of
// sign-ins that cannot starve downloads, redirects that stay on Attest, and the structured logs and
// audit entries of sign-in. Every test acts from its own loopback address (127.0.0.N), so the
// failures it provokes never count against 127.0.0.1, where every other spec signs in from.

// Each sign-in runs scrypt at OWASP parameters: several seconds apiece on a loaded two-core machine.
test.describe.configure({ timeout: 180_000 });

const wrong = (n: number) => `wrong password number ${n}`;

/** The sign-in form's two fields. */
const credentials = (email: string, password: string): [string, string][] => [
  ["email", email],
  ["password", password],
];

/** Five wrong passwords from `from`, then the right one: the sixth attempt is refused with 429. */
async function blockFrom(user: Throwaway, from: string) {
  const csrf = await csrfFrom(from);
  for (let n = 1; n <= 5; n++) {
    const res = await postCredentials({
      from,
      csrf,
      fields: credentials(user.email, wrong(n)),
    });
    expect(res.status, `attempt ${n}`).toBe(401);
  }
  const blocked = await postCredentials({
    from,
    csrf,
    fields: credentials(user.email, user.password),
  });
  expect(blocked.status).toBe(429);
  expect(setsSession(blocked)).toBe(false);
  return csrf;
}

function expectError(body: string, code: string, message: RegExp | string) {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).toMatch(message);
}

function serverLogEvents(): Record<string, unknown>[] {
  const file = path.join(process.env.ATTEST_DATA_DIR!, "server.log");
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return {};
      }
    });
}

test.describe("with the account blocked, no request shape signs in", () => {
  test("the blocked answer: 429, Retry-After, the JSON error shape, no session", async () => {
    const user = await createThrowawayUser("ENGINEER", "blocked-shape");
    const from = "127.0.0.10";
    const csrf = await blockFrom(user, from);
    const res = await postCredentials({
      from,
      csrf,
      fields: credentials(user.email, user.password),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expectError(res.body, "TOO_MANY_REQUESTS", /^Too many sign-in attempts/);
    expect(await lastLoginAt(user.id)).toBeNull();
  });

  test("(a) a JSON body gets 429 once the account is blocked, and 415 otherwise: credentials are accepted form-encoded only", async () => {
    const user = await createThrowawayUser("ENGINEER", "bypass-json");
    const jsonSignIn = async (from: string, csrf: { token: string; cookie: string }) =>
      rawRequest({
        method: "POST",
        path: "/api/auth/callback/credentials",
        from,
        headers: { "Content-Type": "application/json", Cookie: csrf.cookie },
        body: JSON.stringify({ csrfToken: csrf.token, email: user.email, password: user.password, json: "true" }),
      });
    const from = "127.0.0.11";
    const blocked = await jsonSignIn(from, await blockFrom(user, from));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expectError(blocked.body, "TOO_MANY_REQUESTS", /^Too many sign-in attempts/);
    expect(setsSession(blocked)).toBe(false);
    // From an address that is not blocked, the shape itself is refused: the right password in JSON never signs in.
    const other = "127.0.0.21";
    const res = await jsonSignIn(other, await csrfFrom(other));
    expect(res.status).toBe(415);
    expectError(res.body, "UNSUPPORTED_MEDIA_TYPE", /application\/x-www-form-urlencoded/);
    expect(setsSession(res)).toBe(false);
    expect(await lastLoginAt(user.id)).toBeNull();
  });

  test("(b) a repeated email key gets 429: the limit is checked on the value next-auth uses", async () => {
    const user = await createThrowawayUser("ENGINEER", "bypass-dup");
    const from = "127.0.0.12";
    const csrf = await blockFrom(user, from);
    const res = await postCredentials({
      from,
      csrf,
      fields: [
        ["email", `someone.else.${tag()}@example.test`],
        ["email", user.email],
        ["password", user.password],
      ],
    });
    expect(res.status).toBe(429);
    expectError(res.body, "TOO_MANY_REQUESTS", /^Too many sign-in attempts/);
    expect(setsSession(res)).toBe(false);
    expect(await lastLoginAt(user.id)).toBeNull();
  });

  test("(c) a path below callback/credentials gets 429 once the account is blocked, and 404 otherwise", async () => {
    const user = await createThrowawayUser("ENGINEER", "bypass-path");
    const from = "127.0.0.13";
    const other = "127.0.0.22";
    const csrf = await blockFrom(user, from);
    const otherCsrf = await csrfFrom(other);
    for (const suffix of ["/x", "/x/y"]) {
      const attempt = (address: string, token: typeof csrf) =>
        postCredentials({
          from: address,
          csrf: token,
          path: `/api/auth/callback/credentials${suffix}`,
          fields: credentials(user.email, user.password),
        });
      const blocked = await attempt(from, csrf);
      expect(blocked.status, suffix).toBe(429);
      expectError(blocked.body, "TOO_MANY_REQUESTS", /^Too many sign-in attempts/);
      expect(setsSession(blocked)).toBe(false);
      const res = await attempt(other, otherCsrf);
      expect(res.status, suffix).toBe(404);
      expectError(res.body, "NOT_FOUND", "/api/auth/callback/credentials");
      expect(setsSession(res)).toBe(false);
    }
    expect(await lastLoginAt(user.id)).toBeNull();
  });

  test("(d) a client-sent X-Forwarded-For does not escape the per-address limit", async () => {
    test.setTimeout(180_000);
    const from = "127.0.0.14";
    const csrf = await csrfFrom(from);
    // 30 failures from one address, spread over 30 accounts (each account sees only one).
    for (let batch = 0; batch < 3; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          postCredentials({
            from,
            csrf,
            fields: credentials(`spray.${batch}.${i}.${tag()}@example.test`, wrong(i)),
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(401));
    }
    const user = await createThrowawayUser("ENGINEER", "bypass-xff");
    for (const forwarded of ["198.51.100.23", "198.51.100.24, 127.0.0.99"]) {
      const res = await postCredentials({
        from,
        csrf,
        headers: { "X-Forwarded-For": forwarded },
        fields: credentials(user.email, user.password),
      });
      expect(res.status, forwarded).toBe(429);
      expect(setsSession(res)).toBe(false);
    }
    expect(await lastLoginAt(user.id)).toBeNull();
  });

  test("(e) parallel attempts: only 5 passwords are checked, the rest and then the right one get 429", async () => {
    test.setTimeout(180_000);
    const user = await createThrowawayUser("ENGINEER", "bypass-parallel");
    const from = "127.0.0.15";
    const csrf = await csrfFrom(from);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, n) =>
        postCredentials({
          from,
          csrf,
          fields: credentials(user.email, wrong(n)),
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    const res = await postCredentials({
      from,
      csrf,
      fields: credentials(user.email, user.password),
    });
    expect(res.status).toBe(429);
    expect(setsSession(res)).toBe(false);
    expect(await lastLoginAt(user.id)).toBeNull();

    // Each failure and the throttling are one JSON line in the server log (not in the audit log).
    const events = serverLogEvents().filter((e) => e.email === user.email);
    expect(events.filter((e) => e.event === "signin.failure" && e.address === from)).toHaveLength(5);
    expect(events.filter((e) => e.event === "signin.throttled" && e.address === from).length).toBeGreaterThanOrEqual(12);
    const audit = await withDb(
      async (c) => (await c.query(`SELECT count(*)::int AS n FROM "AuditLogEntry" WHERE "entityId" = $1`, [user.id])).rows[0].n,
    );
    expect(audit).toBe(0);
  });
});

test("a block from one address does not lock the account out from another", async () => {
  const user = await createThrowawayUser("ENGINEER", "not-locked-out");
  await blockFrom(user, "127.0.0.16");
  const res = await postCredentials({
    from: "127.0.0.17",
    fields: credentials(user.email, user.password),
  });
  expect(res.status).toBe(200);
  expect(setsSession(res)).toBe(true);
});

test("a successful sign-in sets lastLoginAt, writes user.signed_in to the audit log and a signin.success log line", async () => {
  const user = await createThrowawayUser("AUDITOR", "audited");
  const from = "127.0.0.18";
  const res = await postCredentials({
    from,
    fields: credentials(user.email, user.password),
  });
  expect(res.status).toBe(200);
  expect(setsSession(res)).toBe(true);
  const login = await lastLoginAt(user.id);
  expect(login).not.toBeNull();
  const entries = await withDb(
    async (c) =>
      (await c.query(`SELECT action, "actorId", "actorEmail", "entityType", after FROM "AuditLogEntry" WHERE "entityId" = $1`, [user.id]))
        .rows,
  );
  expect(entries).toEqual([
    { action: "user.signed_in", actorId: user.id, actorEmail: user.email, entityType: "User", after: { address: from } },
  ]);
  await expect
    .poll(() => serverLogEvents().filter((e) => e.event === "signin.success" && e.email === user.email && e.address === from).length)
    .toBe(1);
});

test("a flood of 64 parallel sign-ins does not time out an evidence download", async () => {
  test.setTimeout(240_000);
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const bytes = randomBytes(8 * 1024 * 1024);
    bytes[0] = 0;
    const created = await upload(
      lead,
      { control: "AI-PI-02", title: `flood ${tag()}`, effectiveDate: today() },
      { name: "flood.bin", bytes },
    );
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const csrf = await csrfFrom("127.0.1.1");
    const flood = Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        postCredentials({
          from: `127.0.1.${i + 1}`,
          csrf,
          fields: credentials(`flood.${i}.${tag()}@example.test`, wrong(i)),
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 500)); // the flood is in the server before the download
    const started = Date.now();
    const download = await lead.get(`/api/v1/evidence/${id}/file`, { timeout: 60_000 });
    const elapsed = Date.now() - started;
    expect(download.status()).toBe(200);
    expect(sha256(await download.body())).toBe(sha256(bytes));
    // Generous: uncapped, 64 scrypts fill the thread pool the download's file reads wait in.
    expect(elapsed, `the download took ${elapsed} ms`).toBeLessThan(15_000);

    const results = await flood;
    for (const r of results) expect([401, 503]).toContain(r.status);
    const busy = results.filter((r) => r.status === 503);
    for (const r of busy) {
      expectError(r.body, "SERVER_BUSY", /Attest is busy checking other sign-ins/);
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
  } finally {
    await lead.dispose();
  }
});

test.describe("callbackUrl stays on Attest (open redirect)", () => {
  const PAYLOADS = ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"];

  for (const payload of PAYLOADS) {
    test(`signing in with callbackUrl=${payload} lands on Attest`, async ({ browser }) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const leftAttest: string[] = [];
        page.on("framenavigated", (f) => {
          if (f === page.mainFrame() && !f.url().startsWith(baseURL())) leftAttest.push(f.url());
        });
        await page.goto(`/signin?callbackUrl=${payload}`);
        await page.getByLabel("E-mail").fill(ACCOUNTS.ENGINEER.email);
        await page.getByLabel("Password").fill(ACCOUNTS.ENGINEER.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByTestId("current-user")).toHaveText(ACCOUNTS.ENGINEER.name);
        expect(new URL(page.url()).origin).toBe(new URL(baseURL()).origin);
        expect(leftAttest).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  test("next-auth's own redirect after sign-in stays on the app's origin", async () => {
    const from = "127.0.0.19";
    const csrf = await csrfFrom(from);
    for (const payload of PAYLOADS) {
      const res = await postCredentials({
        from,
        csrf,
        fields: [
          ["email", ACCOUNTS.AUDITOR.email],
          ["password", ACCOUNTS.AUDITOR.password],
          ["callbackUrl", decodeURIComponent(payload)],
        ],
      });
      expect(res.status, payload).toBe(200);
      const { url } = JSON.parse(res.body) as { url: string };
      expect(new URL(url).origin, `${payload} -> ${url}`).toBe(new URL(baseURL()).origin);
    }
  });

  test("a repeated callbackUrl is not an error", async () => {
    const res = await rawRequest({ path: "/signin?callbackUrl=/controls&callbackUrl=//evil.example", from: "127.0.0.20" });
    expect(res.status).toBe(200);
    expect(res.body).toContain("Sign in to Attest");
    const api = await rawRequest({ path: "/api/auth/signin?callbackUrl=/a&callbackUrl=https://evil.example", from: "127.0.0.20" });
    expect(api.status).toBeLessThan(500);
  });
});
