import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createHash, randomBytes, verify } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { canonicalJson } from "../lib/audit-log/chain";
import { upload } from "./evidence-support";
import { ACCOUNTS, baseURL, databaseFingerprint, withDb } from "./support";
import { createScratch, dropScratch, queryOn } from "./support/database";
import { runNode, type NodeResult } from "./support/node-process";

// The headless commands, run as a user would (`node --import tsx scripts/<x>.ts`, which is what the
// npm scripts run) against the test database (DATABASE_URL), and checked through the running app.
function runCli(script: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<NodeResult> {
  // The password is never inherited by accident: each call says where it comes from.
  const { ATTEST_PASSWORD: _ignored, ...inherited } = process.env;
  return runNode([`scripts/${script}.ts`, ...args], { env: { ...inherited, ...options.env }, input: options.input ?? "" });
}

const unique = (label: string) => `${label}-${randomBytes(4).toString("hex")}`;

/** Signs in through next-auth's credentials endpoint; returns the context and the session's userId. */
async function signInApi(email: string, password: string): Promise<{ api: APIRequestContext; userId: string | undefined }> {
  const api = await playwrightRequest.newContext({ baseURL: baseURL() });
  const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password, json: "true" } });
  const session = (await (await api.get("/api/auth/session")).json()) as { userId?: string };
  return { api, userId: session.userId };
}

async function userRow(email: string) {
  return withDb(
    async (c) =>
      (await c.query<{ id: string; role: string; name: string }>(`SELECT id, role, name FROM "User" WHERE email = $1`, [email])).rows[0],
  );
}

/** Creates a token with the CLI and checks the one-line output; returns the secret. */
async function createToken(args: string[]): Promise<string> {
  const res = await runCli("token-create", args);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toMatch(/^att_[A-Za-z0-9_-]{43}\n$/);
  return res.stdout.trim();
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function bearer(token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

async function controlRow(code: string) {
  return withDb(async (c) => (await c.query(`SELECT * FROM "Control" WHERE code = $1`, [code])).rows[0] as Record<string, unknown>);
}

async function auditEntriesBy(actorEmail: string): Promise<number> {
  return withDb(
    async (c) =>
      (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLogEntry" WHERE "actorEmail" = $1`, [actorEmail])).rows[0].n,
  );
}

test.describe("headless commands", () => {
  test.describe.configure({ timeout: 240_000 });
  // Scratch databases on the test database's server, for the commands that must work on an empty
  // database and for the demo data (which must not leak into the shared test database).
  const scratch: string[] = [];
  test.afterAll(async () => {
    for (const name of scratch) await dropScratch(name);
  });

  test.describe("user:create", () => {
    test("with ATTEST_PASSWORD creates a user who can then sign in", async () => {
      const email = `${unique("cli-user")}@example.test`;
      const password = "a long passphrase from the environment";
      const res = await runCli("user-create", ["--email", email.toUpperCase(), "--role", "ENGINEER", "--name", "Cli Engineer"], {
        env: { ATTEST_PASSWORD: password },
      });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`created ${email} (ENGINEER)`);
      const row = await userRow(email); // stored lowercased
      expect(row).toMatchObject({ role: "ENGINEER", name: "Cli Engineer" });
      // Recorded in the audit log as done from the command line.
      const audit = await withDb(
        async (c) =>
          (
            await c.query(`SELECT "actorEmail", "actorKind" FROM "AuditLogEntry" WHERE action = 'user.created' AND "entityId" = $1`, [
              row.id,
            ])
          ).rows,
      );
      expect(audit).toEqual([{ actorEmail: "cli:user:create", actorKind: "system" }]);

      const { api, userId } = await signInApi(email, password);
      expect(userId).toBe(row.id);
      expect((await api.get("/api/v1/controls")).status()).toBe(200);
      await api.dispose();
      const wrong = await signInApi(email, "not the password at all");
      expect(wrong.userId).toBeUndefined();
      await wrong.api.dispose();
    });

    test("a weak password exits non-zero naming the rule, and creates nothing", async () => {
      const email = `${unique("cli-weak")}@example.test`;
      const before = await withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n);
      const res = await runCli("user-create", ["--email", email, "--role", "ADMIN"], { env: { ATTEST_PASSWORD: "short" } });
      expect(res.code).not.toBe(0);
      expect(res.stderr).toContain("at least 12 characters");
      expect(res.stdout).not.toContain("created");
      expect(await userRow(email)).toBeUndefined();
      expect(await withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n)).toBe(before);
    });

    test("an existing e-mail is refused and the existing user is unchanged", async () => {
      const email = `${unique("cli-dup")}@example.test`;
      const first = await runCli("user-create", ["--email", email, "--role", "AUDITOR"], {
        env: { ATTEST_PASSWORD: "first passphrase here" },
      });
      expect(first.code, first.stderr).toBe(0);
      const row = await userRow(email);
      const again = await runCli("user-create", ["--email", email, "--role", "ADMIN"], {
        env: { ATTEST_PASSWORD: "second passphrase here" },
      });
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain("already exists");
      expect(await userRow(email)).toEqual(row);
      const { api, userId } = await signInApi(email, "first passphrase here");
      expect(userId).toBe(row.id);
      await api.dispose();
    });

    test("reads the password from standard input when ATTEST_PASSWORD is not set", async () => {
      const email = `${unique("cli-stdin")}@example.test`;
      const password = "typed into standard input";
      const res = await runCli("user-create", ["--email", email, "--role", "AUDITOR"], { input: `${password}\n` });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`created ${email} (AUDITOR)`);
      const { api, userId } = await signInApi(email, password);
      expect(userId).toBe((await userRow(email)).id);
      await api.dispose();
    });

    test("migrates and loads the reference data first, so it works on an empty database", async () => {
      const db = await createScratch("cli_empty");
      scratch.push(db.name);
      expect(await queryOn(db.url, `SELECT to_regclass('public."User"') AS t`)).toEqual([{ t: null }]);
      const email = `${unique("cli-empty")}@example.test`;
      const res = await runCli("user-create", ["--email", email, "--role", "ADMIN"], {
        env: { DATABASE_URL: db.url, ATTEST_PASSWORD: "first admin on an empty database" },
      });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`created ${email} (ADMIN)`);
      const migrations = await queryOn<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      expect(migrations[0].n).toBeGreaterThanOrEqual(2);
      const [counts] = await queryOn<{ users: number; controls: number; criteria: number; categories: number; audit: number }>(
        db.url,
        `SELECT (SELECT count(*)::int FROM "User" WHERE email = $1) AS users, (SELECT count(*)::int FROM "Control") AS controls,
                (SELECT count(*)::int FROM "Criterion") AS criteria, (SELECT count(*)::int FROM "Category") AS categories,
                (SELECT count(*)::int FROM "AuditLogEntry") AS audit`,
        [email],
      );
      expect(counts).toEqual({ users: 1, controls: 23, criteria: 61, categories: 5, audit: 1 });
      // And nothing was written to the test database.
      expect(await userRow(email)).toBeUndefined();
    });
  });

  test.describe("token:create", () => {
    test("prints only the token; it lists controls with a Bearer header", async () => {
      const name = unique("ci");
      const res = await runCli("token-create", ["--name", name, "--role", "ENGINEER", "--expires", "90d"]);
      expect(res.code, res.stderr).toBe(0);
      // Exactly one line on stdout, the token itself: TOKEN=$(npm run -s token:create -- ...) works.
      expect(res.stdout.split("\n")).toHaveLength(2);
      expect(res.stdout).toMatch(/^att_[A-Za-z0-9_-]{43}\n$/);
      const token = res.stdout.trim();

      const row = await withDb(async (c) => (await c.query(`SELECT * FROM "ApiToken" WHERE name = $1`, [name])).rows[0]);
      expect(row).toMatchObject({
        role: "ENGINEER",
        scopes: [],
        revokedAt: null,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        createdById: null, // no person made it, so no person's account can switch it off
        creatorRole: null,
      });
      const days = ((row.expiresAt as Date).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89.9);
      expect(days).toBeLessThan(90.1);
      expect(JSON.stringify(row)).not.toContain(token.slice(4)); // only the hash is stored
      expect(await auditEntriesBy("cli:token:create")).toBeGreaterThan(0);

      const api = await bearer(token);
      const list = await api.get("/api/v1/controls");
      expect(list.status()).toBe(200);
      const controls = await withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Control"`)).rows[0].n);
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(controls);
      await api.dispose();
    });

    test("an AUDITOR token acts for an auditor: it reads their periods' controls, gets 403 on PATCH and nothing changes", async () => {
      const name = unique("auditor-token");
      // A role-only auditor token would read nothing (an auditor reads the periods given to them): refused, nothing stored.
      const refused = await runCli("token-create", ["--name", name, "--role", "AUDITOR"]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/must act for an auditor/);
      expect(refused.stdout).toBe("");
      const token = await createToken(["--name", name, "--user", ACCOUNTS.AUDITOR.email]);
      const before = await controlRow("AI-CONF-04");
      const api = await bearer(token);
      expect((await api.get("/api/v1/controls/AI-CONF-04")).status()).toBe(200);
      const res = await api.patch("/api/v1/controls/AI-CONF-04", {
        data: { designStatus: "IN_PLACE", notes: "written by an auditor token" },
      });
      expect(res.status()).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      expect(await controlRow("AI-CONF-04")).toEqual(before);
      // The refused role-only token was never stored: only the one acting for the auditor is.
      const stored = await withDb(
        async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ApiToken" WHERE name = $1`, [name])).rows[0].n,
      );
      expect(stored).toBe(1);
      await api.dispose();
    });

    test("a scoped COMPLIANCE_LEAD token (controls:read) reads but gets 403 on PATCH", async () => {
      const name = unique("lead-read-only");
      const token = await createToken(["--name", name, "--role", "COMPLIANCE_LEAD", "--scopes", "controls:read"]);
      expect(await withDb(async (c) => (await c.query(`SELECT scopes FROM "ApiToken" WHERE name = $1`, [name])).rows[0].scopes)).toEqual([
        "controls:read",
      ]);
      const before = await controlRow("AI-CONF-04");
      const api = await bearer(token);
      expect((await api.get("/api/v1/controls")).status()).toBe(200);
      const res = await api.patch("/api/v1/controls/AI-CONF-04", { data: { designStatus: "IN_PLACE" } });
      expect(res.status()).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain("controls:write");
      expect(await controlRow("AI-CONF-04")).toEqual(before);
      expect(await auditEntriesBy(`token:${name}`)).toBe(0);
      await api.dispose();

      // The same role without scopes is allowed to write: this invalid body gets past authorization
      // to validation (400), which proves the 403 above came from the scope. Nothing is written.
      const unscoped = await bearer(await createToken(["--name", unique("lead-unscoped"), "--role", "COMPLIANCE_LEAD"]));
      const invalid = await unscoped.patch("/api/v1/controls/AI-CONF-04", { data: { designStatus: "SOMETIMES" } });
      expect(invalid.status()).toBe(400);
      expect(await controlRow("AI-CONF-04")).toEqual(before);
      await unscoped.dispose();
    });

    test("--user makes a token acting for that person, with their role: its uploads are theirs, it reviews as them but never their own", async () => {
      const lead = await userRow(ACCOUNTS.COMPLIANCE_LEAD.email);
      const name = unique("lead-cli");
      const token = await createToken(["--name", name, "--user", ACCOUNTS.COMPLIANCE_LEAD.email.toUpperCase(), "--expires", "1d"]);
      const row = await withDb(
        async (c) => (await c.query(`SELECT role, "userId", scopes FROM "ApiToken" WHERE name = $1`, [name])).rows[0],
      );
      expect(row).toEqual({ role: "COMPLIANCE_LEAD", userId: lead.id, scopes: [] });

      const api = await bearer(token);
      const engineer = await bearer(await createToken(["--name", unique("engineer-ci"), "--role", "ENGINEER"]));
      const file = (label: string) => ({ name: "cli.txt", bytes: Buffer.from(`${label} ${unique("x")}\n`), type: "text/plain" });
      const fields = (label: string) => ({ control: "AI-SEC-01", title: `${label} ${unique("t")}`, effectiveDate: "2026-02-02" });
      const mine = await upload(api, fields("lead via cli token"), file("mine"));
      expect(mine.status(), await mine.text()).toBe(201);
      const mineJson = (await mine.json()) as { id: string; uploadedBy: string };
      expect(mineJson.uploadedBy).toBe(ACCOUNTS.COMPLIANCE_LEAD.email);
      const ownReview = await api.post(`/api/v1/evidence/${mineJson.id}/review`, { data: { decision: "accept" } });
      expect(ownReview.status()).toBe(403);
      expect(((await ownReview.json()) as { error: { message: string } }).error.message).toMatch(/^You uploaded this evidence/);

      // The engineer's CI token acts for no one: it cannot review; the lead's token reviews the engineer's upload as the lead.
      const theirs = (await (await upload(engineer, fields("engineer ci"), file("theirs"))).json()) as { id: string };
      expect((await engineer.post(`/api/v1/evidence/${theirs.id}/review`, { data: { decision: "accept" } })).status()).toBe(403);
      const review = await api.post(`/api/v1/evidence/${theirs.id}/review`, { data: { decision: "accept" } });
      expect(review.status(), await review.text()).toBe(200);
      expect(await review.json()).toMatchObject({ status: "ACCEPTED", reviewedBy: ACCOUNTS.COMPLIANCE_LEAD.email });
      await api.dispose();
      await engineer.dispose();
    });

    test("--user refuses an unknown person, a scope their role lacks, and --role with --user, writing nothing", async () => {
      const before = await databaseFingerprint();
      const unknown = await runCli("token-create", ["--name", unique("nobody"), "--user", "nobody@example.test"]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("--user: There is no such user");
      const scope = await runCli("token-create", [
        "--name",
        unique("eng"),
        "--user",
        ACCOUNTS.ENGINEER.email,
        "--scopes",
        "evidence:review",
      ]);
      expect(scope.code).toBe(2);
      expect(scope.stderr).toContain(`--scopes: ${ACCOUNTS.ENGINEER.email} is Engineer, which does not have evidence:review`);
      const both = await runCli("token-create", ["--name", unique("both"), "--user", ACCOUNTS.ENGINEER.email, "--role", "ENGINEER"]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain("give either --role ROLE");
      const admin = await runCli("token-create", ["--name", unique("admin"), "--user", ACCOUNTS.ADMIN.email]);
      expect(admin.code).toBe(2);
      expect(admin.stderr).toContain("--allow-admin: An Admin token can manage users");
      expect(await databaseFingerprint()).toBe(before);
    });

    test("an expired token gets 401", async () => {
      const token = await createToken(["--name", unique("expiring"), "--role", "ENGINEER", "--expires", "1h"]);
      const api = await bearer(token);
      expect((await api.get("/api/v1/controls")).status()).toBe(200);
      await withDb((c) =>
        c.query(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [sha256(token)]),
      );
      const res = await api.get("/api/v1/controls");
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.stringContaining("expired") } });
      await api.dispose();
    });

    test("a revoked token gets 401", async () => {
      const token = await createToken([
        "--name",
        unique("revoked"),
        "--role",
        "ADMIN",
        "--allow-admin",
        "--expires",
        "never",
        "--allow-no-expiry",
      ]);
      expect(
        await withDb(
          async (c) => (await c.query(`SELECT "expiresAt" FROM "ApiToken" WHERE "tokenHash" = $1`, [sha256(token)])).rows[0].expiresAt,
        ),
      ).toBeNull();
      const api = await bearer(token);
      expect((await api.get("/api/v1/controls")).status()).toBe(200);
      await withDb((c) => c.query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [sha256(token)]));
      const res = await api.get("/api/v1/controls");
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.stringContaining("revoked") } });
      await api.dispose();
    });

    test("a garbage or unknown bearer token gets 401", async () => {
      for (const header of [
        "Bearer garbage",
        "Bearer att_thisTokenWasNeverIssuedByAttestAtAll0123456789ab",
        "Basic dXNlcjpwYXNz",
        "Bearer",
      ]) {
        const api = await playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { Authorization: header } });
        const res = await api.get("/api/v1/controls");
        expect(res.status(), header).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code, header).toBe("UNAUTHENTICATED");
        await api.dispose();
      }
    });

    test("invalid arguments exit 2 without printing or storing a token", async () => {
      const count = () => withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ApiToken"`)).rows[0].n);
      const before = await count();
      const cases: [string[], RegExp][] = [
        [["--name", "x", "--role", "ENGINEER", "--expires", "0d"], /must be in the future/],
        [["--name", "x", "--role", "ENGINEER", "--expires", "soon"], /is not an expiry/],
        [["--name", "x", "--role", "SUPERUSER"], /Choose a role/],
        [["--name", "x", "--role", "ENGINEER", "--scopes", "controls:delete"], /--scopes must be permissions/],
        [["--role", "ENGINEER"], /--name is required/],
        // An Admin token, or one that never expires, is asked for explicitly.
        [["--name", "x", "--role", "ADMIN"], /--role ADMIN makes a token that can manage users, tokens and settings: add --allow-admin/],
        [
          ["--name", "x", "--role", "ENGINEER", "--expires", "never"],
          /--expires never makes a token that works until it is revoked: add --allow-no-expiry/,
        ],
      ];
      for (const [args, message] of cases) {
        const res = await runCli("token-create", args);
        expect(res.code, args.join(" ")).toBe(2);
        expect(res.stdout, args.join(" ")).toBe("");
        expect(res.stderr, args.join(" ")).toMatch(message);
      }
      expect(await count()).toBe(before);
    });
  });

  test("demo loads idempotently (second run changes no row counts) and prints the demo accounts", async () => {
    // On a scratch database: demo data switches on a banner that the other specs do not expect.
    const db = await createScratch("demo");
    scratch.push(db.name);
    const tables = [
      "User",
      "Feature",
      "Vendor",
      "VendorModel",
      "FeatureVendor",
      "VendorPackageItem",
      "Evidence",
      "AccessReview",
      "AccessReviewItem",
      "AuditPeriod",
      "FeatureDataset",
      "IncidentRecord",
      "Setting",
      "AuditLogEntry",
      "Control",
    ];
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of tables) out[t] = (await queryOn<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "${t}"`))[0].n;
      return out;
    };
    const first = await runCli("demo", [], { env: { DATABASE_URL: db.url } });
    expect(first.code, first.stderr).toBe(0);
    for (const account of [
      "admin@demo.attest.local  demo-admin-password",
      "lead@demo.attest.local  demo-lead-password",
      "engineer@demo.attest.local  demo-engineer-password",
      "auditor@demo.attest.local  demo-auditor-password",
    ]) {
      expect(first.stdout).toContain(account);
    }
    const afterFirst = await counts();
    expect(afterFirst).toMatchObject({ User: 4, Feature: 3, Vendor: 2, Control: 23 });
    // Readiness: this year's period, a fine-tuned feature with its two datasets, and the AI incident
    // runbook and a tabletop exercise, accepted and marked as such.
    expect(afterFirst).toMatchObject({ AuditPeriod: 1, FeatureDataset: 2, IncidentRecord: 2 });
    expect(
      await queryOn(
        db.url,
        `SELECT r.kind::text, r.scenarios::text[] AS scenarios, e.status::text FROM "IncidentRecord" r JOIN "Evidence" e ON e.id = r."evidenceId" ORDER BY r.kind`,
      ),
    ).toEqual([
      { kind: "PLAN", scenarios: ["CUSTOMER_PII_IN_OUTPUT", "PROVIDER_OUTAGE"], status: "ACCEPTED" },
      { kind: "TABLETOP", scenarios: ["CUSTOMER_PII_IN_OUTPUT"], status: "ACCEPTED" },
    ]);
    // A signed-off access review whose record is accepted AI-SEC-05 evidence, and one in progress.
    expect(
      await queryOn(
        db.url,
        `SELECT r.status, e.status AS "recordStatus", e.source, c.code FROM "AccessReview" r
         LEFT JOIN "Evidence" e ON e.id = r."evidenceId" LEFT JOIN "Control" c ON c.id = e."controlId" ORDER BY r.status`,
      ),
    ).toEqual([
      { status: "IN_PROGRESS", recordStatus: null, source: null, code: null },
      { status: "SIGNED_OFF", recordStatus: "ACCEPTED", source: "GENERATED", code: "AI-SEC-05" },
    ]);
    // Vendors: one package complete (every required kind accepted), one without a DPA.
    const kinds = await queryOn<{ name: string; kinds: string[] }>(
      db.url,
      `SELECT v.name, array_agg(DISTINCT i.kind::text ORDER BY i.kind::text) FILTER (WHERE e.status = 'ACCEPTED') AS kinds
       FROM "Vendor" v LEFT JOIN "VendorPackageItem" i ON i."vendorId" = v.id LEFT JOIN "Evidence" e ON e.id = i."evidenceId"
       GROUP BY v.name ORDER BY v.name`,
    );
    expect(kinds[0].kinds).toEqual(
      expect.arrayContaining(["DPA", "DATA_HANDLING_TERMS", "INCIDENT_NOTIFICATION", "SECURITY_CONTACT", "SOC2_REPORT"]),
    );
    expect(kinds[1].kinds ?? []).not.toContain("DPA");
    expect(afterFirst.AuditLogEntry).toBeGreaterThanOrEqual(8);
    expect(await queryOn(db.url, `SELECT value FROM "Setting" WHERE key = 'demo'`)).toEqual([{ value: true }]);

    const second = await runCli("demo", [], { env: { DATABASE_URL: db.url } });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("admin@demo.attest.local");
    expect(await counts()).toEqual(afterFirst);

    // The demo's audit entries form an intact chain.
    const verify = await runCli("audit-verify", [], { env: { DATABASE_URL: db.url } });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain(`audit log OK: ${afterFirst.AuditLogEntry} entries`);
  });

  test("demo refuses to run where real users exist, says why and what to do, and changes nothing", async () => {
    // The shared test database has the test accounts: a real installation as far as the demo knows.
    const before = await databaseFingerprint();
    const res = await runCli("demo", []);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/npm run demo refuses to run here: this database has \d+ user accounts that are not the demo's own/);
    expect(res.stderr).toContain("Load the demo into a fresh installation instead");
    expect(res.stdout).not.toContain("demo-admin-password");
    expect(await databaseFingerprint()).toBe(before);

    // Likewise on a database where the demo ran and then a real account was added.
    const db = await createScratch("demoreal");
    scratch.push(db.name);
    expect((await runCli("demo", [], { env: { DATABASE_URL: db.url } })).code).toBe(0);
    const created = await runCli("user-create", ["--email", "real.person@example.test", "--role", "ADMIN"], {
      env: { DATABASE_URL: db.url, ATTEST_PASSWORD: "a long enough passphrase" },
    });
    expect(created.code, created.stderr).toBe(0);
    const again = await runCli("demo", [], { env: { DATABASE_URL: db.url } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("this database has 1 user account that is not the demo's own");
  });

  test("audit:verify exits 0 and says OK on the test database", async () => {
    const entries = await withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLogEntry"`)).rows[0].n);
    const res = await runCli("audit-verify", []);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim().split("\n")).toHaveLength(2);
    expect(res.stdout).toMatch(
      /^audit log OK: \d+ entries, chain intact — Chain intact: [^\n]+\nevidence files OK: \d+ re-hashed, all match\n$/,
    );
    expect(Number(/OK: (\d+) entries/.exec(res.stdout)![1])).toBeGreaterThanOrEqual(entries);
  });

  test("audit:verify exits 1 and names the first broken entry when the chain was tampered with", async () => {
    // On a scratch database: tampering needs the append-only triggers switched off (superuser).
    const db = await createScratch("tamper");
    scratch.push(db.name);
    for (const i of [1, 2]) {
      const res = await runCli("user-create", ["--email", `tamper${i}@example.test`, "--role", "ENGINEER"], {
        env: { DATABASE_URL: db.url, ATTEST_PASSWORD: "a long enough passphrase" },
      });
      expect(res.code, res.stderr).toBe(0);
    }
    const ok = await runCli("audit-verify", [], { env: { DATABASE_URL: db.url } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("audit log OK: 2 entries");
    await queryOn(
      db.url,
      `ALTER TABLE "AuditLogEntry" DISABLE TRIGGER USER;
       UPDATE "AuditLogEntry" SET after = jsonb_set(after, '{role}', '"ADMIN"') WHERE seq = 1;
       ALTER TABLE "AuditLogEntry" ENABLE TRIGGER USER;`,
    );
    const broken = await runCli("audit-verify", [], { env: { DATABASE_URL: db.url } });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^audit log BROKEN: entry 1 was altered: its content does not match its HMAC/);
  });

  test("audit:checkpoint signs the head into the checkpoint folder; audit:verify checks against it", async () => {
    const db = await createScratch("checkpoint");
    scratch.push(db.name);
    const empty = await runCli("audit-checkpoint", [], { env: { DATABASE_URL: db.url } });
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toBe("audit log is empty: nothing to checkpoint\n");
    const created = await runCli("user-create", ["--email", "checkpoint@example.test", "--role", "AUDITOR"], {
      env: { DATABASE_URL: db.url, ATTEST_PASSWORD: "a long enough passphrase" },
    });
    expect(created.code, created.stderr).toBe(0);
    const res = await runCli("audit-checkpoint", [], { env: { DATABASE_URL: db.url } });
    expect(res.code, res.stderr).toBe(0);
    const [head] = await queryOn<{ seq: string; hash: string }>(
      db.url,
      `SELECT seq::text, hash FROM "AuditLogEntry" ORDER BY seq DESC LIMIT 1`,
    );
    const file = /, (\S+\.json)\n$/.exec(res.stdout)![1];
    expect(res.stdout).toBe(`audit checkpoint written: seq ${head.seq}, hash ${head.hash}, ${file}\n`);
    expect(path.dirname(file)).toBe(path.join(process.env.ATTEST_DATA_DIR!, "audit-checkpoints"));
    const checkpoint = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    expect(checkpoint).toMatchObject({ database: db.name, seq: head.seq, hash: head.hash, reason: "command line", legacyThrough: "0" });
    // Signed with Ed25519; the public key beside the checkpoints verifies it offline.
    const { signature, ...body } = checkpoint;
    const publicKey = fs.readFileSync(path.join(path.dirname(file), "public-key.pem"), "utf8");
    expect(verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(signature, "base64"))).toBe(true);
    const ok = await runCli("audit-verify", [], { env: { DATABASE_URL: db.url } });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain(`matching the newest checkpoint (${checkpoint.at}, seq ${head.seq}).`);

    // An edited checkpoint is named, and fails the check.
    fs.writeFileSync(file, JSON.stringify({ ...checkpoint, seq: String(Number(head.seq) + 5) }));
    const forged = await runCli("audit-verify", [], { env: { DATABASE_URL: db.url } });
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain(
      `audit log BROKEN: checkpoint file ${path.basename(file)} cannot be trusted: its signature does not verify`,
    );
    fs.rmSync(file);
  });
});
