// `npm test`: the whole suite against real PostgreSQL and a real browser.
//  1. unit tests (node:test, pure logic, no I/O);
//  2. a fresh database: on the embedded PostgreSQL in a temporary ATTEST_DATA_DIR, or, when
//     DATABASE_URL is set, a new database created on that server (and dropped afterwards);
//  3. next build, then next start on a free port against that database, connected as a restricted
//     app role (as `npm start` does; lib/db/roles.ts), while Playwright's own fixtures and the CLI
//     specs use the owner's URL (DATABASE_URL) and see the app's as APP_DATABASE_URL;
//  4. Playwright in Chromium: first-run setup on the empty database, then everything else.
// Ends with the line "N passed, N failed" and exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_APP_ROLE } from "@/lib/db/roles";
import { recordBuild } from "./build/fingerprint";
import { freePort } from "../e2e/support/ports";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const relay = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", (c) => relay(c, process.stdout));
    child.stderr.on("data", (c) => relay(c, process.stderr));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function findFiles(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes("node_modules") && !f.includes("generated"))
    .sort();
}

async function waitForHealth(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${ms / 1000}s`);
}

async function main() {
  let passed = 0;
  let failed = 0;
  const cleanups: (() => Promise<void>)[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  try {
    if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
      spawnSync(bin("prisma"), ["generate"], { stdio: "inherit", env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" } });
    }

    // 1. Unit tests.
    const unitFiles = [...findFiles(path.join(root, "lib"), ".test.ts"), ...findFiles(path.join(root, "scripts"), ".test.ts")];
    if (unitFiles.length) {
      console.log(`\n== unit tests (${unitFiles.length} files) ==`);
      const unit = await run(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "--test", "--test-reporter=spec", ...unitFiles],
        env,
      );
      passed += Number(/^ℹ pass (\d+)/m.exec(unit.output)?.[1] ?? 0);
      failed += Number(/^ℹ fail (\d+)/m.exec(unit.output)?.[1] ?? 0);
      if (unit.code !== 0 && !/^ℹ fail [1-9]/m.test(unit.output)) failed += 1; // crashed before reporting
    }

    // 2. A fresh database.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-test-"));
    fs.chmodSync(dataDir, 0o711);
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    env.ATTEST_DATA_DIR = dataDir;
    process.env.ATTEST_DATA_DIR = dataDir; // secrets.json (the app role's password) goes here, not ./data
    let databaseUrl: string;
    let appRole: string = EMBEDDED_APP_ROLE;
    if (process.env.DATABASE_URL) {
      // Kept: process.env.DATABASE_URL is pointed at the test database below, which cannot drop itself.
      const serverUrl = process.env.DATABASE_URL;
      const name = `attest_test_${randomBytes(4).toString("hex")}`;
      // Roles are shared by the whole server: one per run, so concurrent runs do not collide.
      appRole = `${name}_app`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      console.log(`\n== database: ${name} on ${url.host} (external PostgreSQL) ==`);
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(appRole)}`);
        await c.end();
      });
    } else {
      process.env.ATTEST_EMBEDDED_DB_PORT = String(await freePort());
      env.ATTEST_EMBEDDED_DB_PORT = process.env.ATTEST_EMBEDDED_DB_PORT;
      const { startEmbedded } = await import("@/lib/db/embedded");
      const handle = await startEmbedded();
      databaseUrl = handle.url;
      console.log(`\n== database: embedded PostgreSQL on port ${process.env.ATTEST_EMBEDDED_DB_PORT} ==`);
      cleanups.unshift(handle.stop);
    }
    env.DATABASE_URL = databaseUrl;
    const { applyMigrations } = await import("@/lib/db/migrate");
    await applyMigrations(databaseUrl);

    // 3. Build and serve.
    console.log("\n== next build ==");
    // Without a database or a secret, as a container image is built: this run proves it still works.
    const buildEnv = { ...env };
    delete buildEnv.DATABASE_URL;
    delete buildEnv.NEXTAUTH_SECRET;
    const build = await run(bin("next"), ["build"], buildEnv);
    if (build.code !== 0) throw new Error("next build failed");
    recordBuild(path.join(root, env.NEXT_DIST_DIR ?? ".next"), root);
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    Object.assign(env, {
      PORT: String(port),
      BASE_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      // Lower than the 100 MB default so that the over-the-limit tests stream less; still above
      // the 50 MB of the largest round trip.
      EVIDENCE_MAX_BYTES: String(60 * 1024 * 1024),
      // Short, so the upload-abort spec sees a silent client cut off in seconds (default 60).
      ATTEST_UPLOAD_IDLE_SECONDS: "5",
    });
    // The server loads reference data itself at start in production (npm start); here we do the same.
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("@/lib/db");
    const { seedReferenceData } = await import("@/lib/reference/seed");
    await seedReferenceData(db);
    await db.$disconnect();
    // The server runs as the restricted app role; Playwright keeps the owner's URL for its fixtures.
    const { setUpAppRole } = await import("@/lib/db/roles");
    const { localSecrets } = await import("@/lib/local-secrets");
    const appDatabaseUrl = await setUpAppRole(databaseUrl, appRole, localSecrets().dbAppPassword);
    env.APP_DATABASE_URL = appDatabaseUrl;
    const server = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
      env: { ...env, DATABASE_URL: appDatabaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const serverLog = fs.createWriteStream(path.join(dataDir, "server.log"));
    server.stdout.pipe(serverLog);
    server.stderr.pipe(serverLog);
    cleanups.unshift(async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("close", r));
      if (failed > 0) {
        fs.copyFileSync(path.join(dataDir, "server.log"), path.join(root, "test-results-server.log"));
        console.log("server log copied to test-results-server.log");
      }
    });
    await waitForHealth(baseUrl, 30_000);

    // 4. Playwright (browser and API integration tests).
    console.log("\n== playwright ==");
    const reportFile = path.join(dataDir, "playwright.json");
    // Extra arguments go to Playwright: `npm test -- e2e/controls.spec.ts` runs one spec (plus the
    // first-run and accounts projects it depends on).
    const pw = await run(bin("playwright"), ["test", ...process.argv.slice(2)], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile });
    if (fs.existsSync(reportFile)) {
      const stats = JSON.parse(fs.readFileSync(reportFile, "utf8")).stats as {
        expected: number;
        unexpected: number;
        flaky: number;
        skipped: number;
      };
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected + stats.skipped; // a skipped test is not a pass
      if (pw.code !== 0 && stats.unexpected === 0) failed += 1;
    } else if (pw.code !== 0) {
      failed += 1;
    }
  } catch (error) {
    console.error(`\n[test] ${error instanceof Error ? error.stack : String(error)}`);
    failed += 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e) => console.error("[test] cleanup:", e));
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
