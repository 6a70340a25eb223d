// `npm test`: the whole suite against real PostgreSQL and a real browser.
//  1. unit tests (node:test, pure logic, no I/O);
//  2. a fresh database: on the embedded PostgreSQL in a temporary ATTEST_DATA_DIR, or, when
//     DATABASE_URL is set, a new database created on that server (and dropped afterwards),
//     migrated and seeded, with the app role; then the services tier (lib/**/*.int.test.ts,
//     node:test against a copy of that database, no build, no browser; scripts/test-database.ts);
//  3. next build (unless the last build was made from exactly these sources), then next start on a
//     free port against that database, connected as a restricted app role (as `npm start` does;
//     lib/db/roles.ts), while Playwright's own fixtures and the CLI
//     specs use the owner's URL (DATABASE_URL) and see the app's as APP_DATABASE_URL;
//  4. Playwright in Chromium: first-run setup on the empty database, then everything else.
// Ends with the line "N passed, N failed" and exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/e2e/support/ports";
import { staleBuildReason } from "./build/fingerprint";
import { buildApp } from "./build/next-build";
import {
  freshDatabase,
  prepareDatabase,
  run,
  runNodeTests,
  runServicesTier,
  temporaryDataDir,
  unitTestFiles,
  type Cleanup,
} from "./test-database";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

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
  const cleanups: Cleanup[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  try {
    if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
      spawnSync(bin("prisma"), ["generate"], { stdio: "inherit", env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" } });
    }

    // 1. Unit tests.
    const unitFiles = unitTestFiles();
    if (unitFiles.length) {
      console.log(`\n== unit tests (${unitFiles.length} files) ==`);
      // Pure logic, a process per file: as many at once as there are cores (node's default leaves one idle).
      const unit = await runNodeTests(unitFiles, env, [`--test-concurrency=${os.availableParallelism()}`]);
      passed += unit.passed;
      failed += unit.failed;
    }

    // 2. A fresh database, migrated and seeded, with the app role; the services tier on a copy of it.
    const dataDir = temporaryDataDir("attest-test-", cleanups);
    // Said before freshDatabase points DATABASE_URL at the test database: which server this run tests.
    env.ATTEST_TEST_SERVER = process.env.DATABASE_URL ? "external" : "embedded";
    const fresh = await freshDatabase(dataDir, env, cleanups);
    const databaseUrl = fresh.url;
    env.DATABASE_URL = databaseUrl;
    const appDatabaseUrl = await prepareDatabase(fresh);
    env.APP_DATABASE_URL = appDatabaseUrl;
    const services = await runServicesTier({ url: databaseUrl, appUrl: appDatabaseUrl }, env);
    passed += services.passed;
    failed += services.failed;

    // 3. Build and serve.
    // A build made from exactly these sources (scripts/build/fingerprint.ts) is used as it is: CI's
    // second run, on PostgreSQL 15, tests the first run's build instead of making the same again.
    const distDir = env.NEXT_DIST_DIR ?? ".next";
    const stale = staleBuildReason(distDir);
    if (stale) {
      console.log(`\n== next build (${stale}) ==`);
      // Without a database or a secret, as a container image is built: this run proves it still works.
      const buildEnv = { ...env };
      delete buildEnv.DATABASE_URL;
      delete buildEnv.NEXTAUTH_SECRET;
      buildApp(distDir, buildEnv);
    } else {
      console.log(`\n== next build: ${distDir} was built from these sources; using it ==`);
    }
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
    // The server runs as the restricted app role; Playwright keeps the owner's URL for its fixtures.
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
