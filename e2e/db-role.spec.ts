import { expect, test } from "./fixtures";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withClient, withDb } from "./support";
import { freePort } from "./support/ports";

// Least-privilege database access (issue 10, item 4): the web server connects as a role that may
// not change the schema and may only INSERT and SELECT on the audit log. npm test starts the
// server with that role's URL (APP_DATABASE_URL); DATABASE_URL stays the owner's. What the role
// may do in the database itself is tested without a server in lib/db/roles.int.test.ts.
function appUrl(): string {
  if (!process.env.APP_DATABASE_URL) throw new Error("APP_DATABASE_URL must be set (npm test sets it)");
  return process.env.APP_DATABASE_URL;
}
const appRole = () => decodeURIComponent(new URL(appUrl()).username);

test.describe("the app's database role", () => {
  test("the running server connects as the app role, never as the owner", async ({ request }) => {
    // Make the server use its connection pool, then look at who is connected to this database.
    for (let i = 0; i < 3; i++) expect((await request.get("/api/health")).status()).toBe(200);
    const users = await withDb(async (c) =>
      (
        await c.query<{ usename: string }>(
          `SELECT DISTINCT usename FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        )
      ).rows.map((r) => r.usename),
    );
    expect(users).toEqual([appRole()]);
  });
});

// `npm start` itself, as scripts/start.ts (what the npm script runs), on scratch databases.
interface Started {
  output: () => string;
  exited: Promise<number>;
  stop: () => Promise<void>;
}

function startAttest(extraEnv: Record<string, string>, unset: string[] = []): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" };
  for (const key of ["DATABASE_URL", "APP_DATABASE_URL", "NEXTAUTH_URL", "BASE_URL", "HOST", "ATTEST_ALLOW_INSECURE_HTTP", ...unset]) {
    delete env[key];
  }
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, "SIGTERM");
        await exited;
      }
    },
  };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number, started: Started) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; output:\n${started.output()}`);
}

test.describe("npm start", () => {
  test.describe.configure({ timeout: 180_000 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-dbrole-"));
  const ownerServer = () => process.env.DATABASE_URL!;
  const scratch: { database: string; role?: string }[] = [];

  async function createScratch(withRole: boolean): Promise<{ ownerUrl: string; appUrl?: string; role?: string }> {
    const name = `attest_scratch_role_${randomBytes(4).toString("hex")}`;
    const role = withRole ? `${name}_app` : undefined;
    const password = randomBytes(18).toString("base64url");
    await withClient(ownerServer(), async (c) => {
      await c.query(`CREATE DATABASE ${name}`);
      // As an operator would, per the README: a login role that owns nothing.
      if (role) await c.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    });
    scratch.push({ database: name, role });
    const owner = new URL(ownerServer());
    owner.pathname = `/${name}`;
    if (!role) return { ownerUrl: owner.toString() };
    const app = new URL(owner);
    app.username = role;
    app.password = password;
    return { ownerUrl: owner.toString(), appUrl: app.toString(), role };
  }

  test.afterAll(async () => {
    await withClient(ownerServer(), async (c) => {
      for (const { database, role } of scratch) {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        if (role) await c.query(`DROP ROLE IF EXISTS ${role}`);
      }
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("refuses a non-loopback HOST with an http:// NEXTAUTH_URL, before starting anything, and says what to do", async () => {
    const folder = fs.mkdtempSync(path.join(dataDir, "insecure-"));
    const started = startAttest({
      ATTEST_DATA_DIR: folder,
      HOST: "0.0.0.0",
      NEXTAUTH_URL: "http://attest.example.test",
      PORT: String(await freePort()),
    });
    try {
      expect(await started.exited).toBe(1);
      const output = started.output();
      expect(output).toContain("Refusing to serve on HOST=0.0.0.0 with NEXTAUTH_URL=http://attest.example.test");
      expect(output).toContain("set NEXTAUTH_URL to its https:// address");
      expect(output).toContain("ATTEST_ALLOW_INSECURE_HTTP=1");
      expect(fs.readdirSync(folder), "no database started, no secret written").toEqual([]);
    } finally {
      await started.stop();
    }
  });

  test("warns on the console when the app would run as a superuser", async () => {
    const db = await createScratch(false);
    const started = startAttest({ ATTEST_DATA_DIR: dataDir, DATABASE_URL: db.ownerUrl, PORT: String(await freePort()) });
    try {
      await waitFor(
        "the superuser warning",
        () => /\[attest\] WARNING: the app connects to PostgreSQL as "[^"]+", a superuser\./.test(started.output()),
        120_000,
        started,
      );
      expect(started.output()).toContain("ATTEST_MIGRATION_DATABASE_URL=<the schema owner>");
    } finally {
      await started.stop();
    }
  });

  test("with ATTEST_MIGRATION_DATABASE_URL, migrates as the owner, grants the app role and serves as it, without a warning", async () => {
    const db = await createScratch(true);
    const port = await freePort();
    const started = startAttest({
      ATTEST_DATA_DIR: dataDir,
      DATABASE_URL: db.appUrl!,
      ATTEST_MIGRATION_DATABASE_URL: db.ownerUrl,
      PORT: String(port),
    });
    try {
      const healthy = async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
        } catch {
          return false;
        }
      };
      await waitFor("the app to serve", async () => started.output().includes("[attest] serving") && (await healthy()), 150_000, started);
      expect(started.output()).toContain(`the app connects to PostgreSQL as "${db.role}"`);
      expect(started.output()).not.toContain("WARNING");
      await withClient(db.ownerUrl, async (c) => {
        const users = (
          await c.query<{ usename: string }>(
            `SELECT DISTINCT usename FROM pg_stat_activity
              WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
          )
        ).rows.map((r) => r.usename);
        expect(users).toEqual([db.role]);
        const grants = (
          await c.query<{ update: boolean; insert: boolean; control: boolean }>(
            `SELECT has_table_privilege($1, '"AuditLogEntry"', 'UPDATE') AS update,
                    has_table_privilege($1, '"AuditLogEntry"', 'INSERT') AS insert,
                    has_table_privilege($1, '"Control"', 'UPDATE') AS control`,
            [db.role],
          )
        ).rows[0];
        expect(grants).toEqual({ update: false, insert: true, control: true });
      });
    } finally {
      await started.stop();
    }
  });
});
