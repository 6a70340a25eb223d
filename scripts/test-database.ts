// The database half of the test harness, shared by `npm test` (scripts/test.ts) and
// `npm run test:services` (scripts/test-services.ts):
//  - freshDatabase: an empty database on the embedded PostgreSQL in a temporary ATTEST_DATA_DIR,
//    or, when DATABASE_URL is set, a new database created on that server (dropped afterwards);
//  - prepareDatabase: migrations, the reference seed and the restricted app role (lib/db/roles.ts);
//  - runServicesTier: lib/**/*.int.test.ts with node:test against a TEMPLATE copy of that database,
//    as the app role (DATABASE_URL) with the owner's URL in ATTEST_MIGRATION_DATABASE_URL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseUrlFor, freePort, withClient } from "@/e2e/support/database";
import { EMBEDDED_APP_ROLE } from "@/lib/db/roles";

const root = process.cwd();

export type Cleanup = () => Promise<void>;

export interface Counts {
  passed: number;
  failed: number;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
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

export function findFiles(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes("node_modules") && !f.includes("generated"))
    .sort();
}

export const SERVICES_SUFFIX = ".int.test.ts";

/** Unit test files: *.test.ts under lib/ and scripts/, without the services tier's. */
export const unitTestFiles = () =>
  [...findFiles(path.join(root, "lib"), ".test.ts"), ...findFiles(path.join(root, "scripts"), ".test.ts")].filter(
    (f) => !f.endsWith(SERVICES_SUFFIX),
  );

export const servicesTestFiles = () => findFiles(path.join(root, "lib"), SERVICES_SUFFIX);

/** node:test over `files` (through tsx, with the react-server condition the server code needs); its pass and fail counts. */
export async function runNodeTests(files: string[], env: NodeJS.ProcessEnv, options: string[] = []): Promise<Counts> {
  const result = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "--test", "--test-reporter=spec", ...options, ...files],
    env,
  );
  const passed = Number(/^ℹ pass (\d+)/m.exec(result.output)?.[1] ?? 0);
  let failed = Number(/^ℹ fail (\d+)/m.exec(result.output)?.[1] ?? 0);
  if (result.code !== 0 && !/^ℹ fail [1-9]/m.test(result.output)) failed += 1; // crashed before reporting
  return { passed, failed };
}

/** A temporary ATTEST_DATA_DIR the embedded server's postgres user may enter; removed by a cleanup. */
export function temporaryDataDir(prefix: string, cleanups: Cleanup[]): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dataDir, 0o711);
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

export interface FreshDatabase {
  /** The owner's URL of the new database. */
  url: string;
  /** The login role the app connects as (one per run on an external server: roles are server-wide). */
  appRole: string;
}

/**
 * A new empty database; its cleanup is pushed onto `cleanups`. Sets ATTEST_DATA_DIR (secrets.json,
 * with the app role's password, goes there) and, for the embedded server, ATTEST_EMBEDDED_DB_PORT,
 * in both process.env and `env`.
 */
/**
 * Test databases commit without waiting for the write-ahead log to reach the disk. A test database
 * is thrown away, so a PostgreSQL crash losing its last commits costs nothing, and nothing a client
 * sees changes: every commit is still atomic and visible at once. On these machines a flushed commit
 * waits about 5 ms for the disk; the authorization walk alone makes tens of thousands of commits per run.
 */
async function commitWithoutFlush(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`ALTER DATABASE ${c.escapeIdentifier(name)} SET synchronous_commit = off`));
}

export async function freshDatabase(dataDir: string, env: NodeJS.ProcessEnv, cleanups: Cleanup[]): Promise<FreshDatabase> {
  env.ATTEST_DATA_DIR = process.env.ATTEST_DATA_DIR = dataDir;
  if (process.env.DATABASE_URL) {
    // Kept: process.env.DATABASE_URL is pointed at the test database later, which cannot drop itself.
    const serverUrl = process.env.DATABASE_URL;
    const name = `attest_test_${randomBytes(4).toString("hex")}`;
    const appRole = `${name}_app`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    await commitWithoutFlush(serverUrl, name);
    const url = databaseUrlFor(serverUrl, name);
    console.log(`\n== database: ${name} on ${new URL(url).host} (external PostgreSQL) ==`);
    cleanups.push(() =>
      withClient(serverUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(appRole)}`);
      }),
    );
    return { url, appRole };
  }
  env.ATTEST_EMBEDDED_DB_PORT = process.env.ATTEST_EMBEDDED_DB_PORT = String(await freePort());
  const { startEmbedded } = await import("@/lib/db/embedded");
  const handle = await startEmbedded();
  await commitWithoutFlush(databaseUrlFor(handle.url, "postgres"), new URL(handle.url).pathname.slice(1));
  console.log(`\n== database: embedded PostgreSQL on port ${process.env.ATTEST_EMBEDDED_DB_PORT} ==`);
  cleanups.unshift(handle.stop);
  return { url: handle.url, appRole: EMBEDDED_APP_ROLE };
}

/**
 * Migrations, the reference data (which the server loads itself at start in production) and the
 * restricted app role, as `npm start` does; returns the app role's URL. Leaves no connection open,
 * so the database can serve as a template.
 */
export async function prepareDatabase({ url, appRole }: FreshDatabase): Promise<string> {
  process.env.DATABASE_URL = url;
  const { applyMigrations } = await import("@/lib/db/migrate");
  await applyMigrations(url);
  const { db } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/lib/reference/seed");
  await seedReferenceData(db);
  await db.$disconnect();
  const { setUpAppRole } = await import("@/lib/db/roles");
  const { localSecrets } = await import("@/lib/local-secrets");
  return setUpAppRole(url, appRole, localSecrets().dbAppPassword);
}

/**
 * The services tier (lib/**\/*.int.test.ts, or `files`) on a copy of the prepared database, made
 * with CREATE DATABASE ... TEMPLATE so the copy starts migrated and seeded and the original stays
 * untouched for Playwright. The copy is dropped afterwards.
 */
export async function runServicesTier(
  database: { url: string; appUrl: string },
  env: NodeJS.ProcessEnv,
  files = servicesTestFiles(),
): Promise<Counts> {
  if (!files.length) return { passed: 0, failed: 0 };
  const source = new URL(database.url).pathname.slice(1);
  const copy = `${source}_services_${randomBytes(3).toString("hex")}`;
  // CREATE DATABASE from a template needs no one connected to it, the creator included.
  const maintenance = databaseUrlFor(database.url, "postgres");
  await withClient(maintenance, (c) => c.query(`CREATE DATABASE ${copy} TEMPLATE ${source}`));
  await commitWithoutFlush(maintenance, copy);
  try {
    console.log(`\n== services tier (${files.length} files, database ${copy}) ==`);
    const tierEnv: NodeJS.ProcessEnv = {
      ...env,
      DATABASE_URL: databaseUrlFor(database.appUrl, copy),
      ATTEST_MIGRATION_DATABASE_URL: databaseUrlFor(database.url, copy),
    };
    delete tierEnv.APP_DATABASE_URL; // the app role's URL is DATABASE_URL here
    // One file at a time: the files share the copy, and some compare fingerprints of all of it.
    return await runNodeTests(files, tierEnv, ["--test-concurrency=1"]);
  } finally {
    await withClient(maintenance, (c) => c.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`));
  }
}
