import { expect, test } from "./fixtures";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { spawn } from "node:child_process";
import { applyMigrations } from "../lib/db/migrate";
import { withClient } from "./support";

// The migration applier, the append-only audit log and the reference-data seed, each on a scratch
// database created on the test database's server (so nothing here touches the shared test data).
const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const migrationNames = () =>
  fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("hex");

function serverUrl(): string {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must be set (npm test sets it)");
  return process.env.DATABASE_URL;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; dropped by dropScratch. */
async function createScratch(label: string): Promise<{ name: string; url: string }> {
  const name = `attest_scratch_${label}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropScratch(name: string) {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * seedReferenceData with a PrismaClient from createPrismaClient(url), in a child process: the
 * generated Prisma client is an ES module that Playwright's CommonJS loader cannot import.
 */
const SEED_SCRIPT = `
const load = async (p) => { const m = await import(p); return "default" in m && Object.keys(m).length === 1 ? m.default : m; };
const { createPrismaClient } = await load("./lib/db.ts");
const { seedReferenceData } = await load("./lib/reference/seed.ts");
const db = createPrismaClient(process.env.SEED_URL);
try { console.log(JSON.stringify(await seedReferenceData(db))); } finally { await db.$disconnect(); }
`;
function seedInChild(url: string): Promise<{ controlsCreated: number; criteriaCreated: number; mappingsAdded: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SEED_SCRIPT], {
      env: { ...process.env, SEED_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`seeding exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!));
    });
  });
}

const count = async (c: pg.Client, table: string) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;

test.describe("migrations", () => {
  test.describe.configure({ timeout: 180_000 });
  const scratch: string[] = [];
  test.afterAll(async () => {
    for (const name of scratch) await dropScratch(name);
  });

  test("two concurrent callers apply each migration exactly once; a third call applies nothing", async () => {
    const db = await createScratch("migrate");
    scratch.push(db.name);
    const names = migrationNames();
    expect(names.length).toBeGreaterThanOrEqual(2);

    const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    // One caller did the work while the other waited on the advisory lock and found it done.
    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, names.length]);

    await withClient(db.url, async (c) => {
      const { rows } = await c.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
      }>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const row of rows) {
        expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
        expect(row.rolled_back_at, row.migration_name).toBeNull();
        expect(row.applied_steps_count, row.migration_name).toBe(1);
        expect(row.checksum, row.migration_name).toBe(sha256(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql")));
      }
      // The schema really is there.
      expect(await count(c, "Control")).toBe(0);
      expect(await count(c, "AuditLogEntry")).toBe(0);
    });

    const third = await applyMigrations(db.url);
    expect(third.applied).toEqual([]);
    await withClient(db.url, async (c) => expect(await count(c, "_prisma_migrations")).toBe(names.length));
  });

  test("a failing migration rolls back completely and blocks later runs until it is marked rolled back", async () => {
    const db = await createScratch("failing");
    scratch.push(db.name);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-migrations-"));
    fs.mkdirSync(path.join(dir, "001_ok"));
    fs.writeFileSync(path.join(dir, "001_ok", "migration.sql"), `CREATE TABLE "first" (id int);`);
    fs.mkdirSync(path.join(dir, "002_broken"));
    fs.writeFileSync(path.join(dir, "002_broken", "migration.sql"), `CREATE TABLE "second" (id int);\nSELECT * FROM "no_such_table";`);
    const previous = process.env.ATTEST_MIGRATIONS_DIR;
    process.env.ATTEST_MIGRATIONS_DIR = dir;
    try {
      await expect(applyMigrations(db.url)).rejects.toThrow(/Migration 002_broken failed: .*no_such_table/);
      await withClient(db.url, async (c) => {
        const { rows } = await c.query<{ migration_name: string; finished_at: Date | null; logs: string | null }>(
          `SELECT migration_name, finished_at, logs FROM "_prisma_migrations" ORDER BY migration_name`,
        );
        expect(rows.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
          ["001_ok", true],
          ["002_broken", false],
        ]);
        expect(rows[1].logs).toContain("no_such_table");
        // The broken file ran in one transaction: its first statement did not stick.
        expect((await c.query(`SELECT to_regclass('public.first') AS t`)).rows[0].t).toBe("first");
        expect((await c.query(`SELECT to_regclass('public.second') AS t`)).rows[0].t).toBeNull();
      });
      // Until someone fixes it by hand, every later run refuses and says how.
      await expect(applyMigrations(db.url)).rejects.toThrow(/002_broken failed earlier and was not rolled back/);

      // Fixed file, marked rolled back: the next run applies it, once.
      fs.writeFileSync(path.join(dir, "002_broken", "migration.sql"), `CREATE TABLE "second" (id int);`);
      await withClient(db.url, (c) =>
        c.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '002_broken'`),
      );
      expect((await applyMigrations(db.url)).applied).toEqual(["002_broken"]);
      expect((await applyMigrations(db.url)).applied).toEqual([]);
      await withClient(db.url, async (c) => expect((await c.query(`SELECT to_regclass('public.second') AS t`)).rows[0].t).toBe("second"));
    } finally {
      if (previous === undefined) delete process.env.ATTEST_MIGRATIONS_DIR;
      else process.env.ATTEST_MIGRATIONS_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("AuditLogEntry refuses UPDATE, DELETE and TRUNCATE (append-only in the database itself)", async () => {
    const db = await createScratch("append");
    scratch.push(db.name);
    await applyMigrations(db.url);
    await withClient(db.url, async (c) => {
      await c.query(
        `INSERT INTO "AuditLogEntry" ("actorKind", action, "entityType", "prevHash", hash) VALUES ('system', 'test.appended', 'Test', $1, $2)`,
        ["0".repeat(64), "a".repeat(64)],
      );
      const statements = [
        `UPDATE "AuditLogEntry" SET action = 'test.rewritten'`,
        `DELETE FROM "AuditLogEntry"`,
        `TRUNCATE "AuditLogEntry"`,
      ];
      for (const sql of statements) {
        await expect(c.query(sql), sql).rejects.toThrow(/append-only/);
      }
      const { rows } = await c.query<{ action: string }>(`SELECT action FROM "AuditLogEntry"`);
      expect(rows).toEqual([{ action: "test.appended" }]);
      // Inserting more is still allowed: append-only, not read-only.
      await c.query(
        `INSERT INTO "AuditLogEntry" ("actorKind", action, "entityType", "prevHash", hash) VALUES ('system', 'test.second', 'Test', $1, $2)`,
        ["a".repeat(64), "b".repeat(64)],
      );
      expect(await count(c, "AuditLogEntry")).toBe(2);
    });
  });

  test("seeding reference data twice leaves 23 controls, 61 criteria, 5 categories and keeps edits", async () => {
    const db = await createScratch("seed");
    scratch.push(db.name);
    await applyMigrations(db.url);
    const counts = () =>
      withClient(db.url, async (c) => ({
        controls: await count(c, "Control"),
        criteria: await count(c, "Criterion"),
        categories: await count(c, "Category"),
        mappings: await count(c, "ControlCriterion"),
      }));
    expect(await seedInChild(db.url)).toEqual({ controlsCreated: 23, criteriaCreated: 61, mappingsAdded: 0 });
    const first = await counts();
    expect(first).toMatchObject({ controls: 23, criteria: 61, categories: 5 });
    expect(first.mappings).toBeGreaterThanOrEqual(23);

    await withClient(db.url, (c) => c.query(`UPDATE "Control" SET title = 'Our own title for this control' WHERE code = 'AI-CONF-04'`));
    expect(await seedInChild(db.url)).toEqual({ controlsCreated: 0, criteriaCreated: 0, mappingsAdded: 0 });
    expect(await counts()).toEqual(first);
    const title = await withClient(
      db.url,
      async (c) => (await c.query(`SELECT title FROM "Control" WHERE code = 'AI-CONF-04'`)).rows[0].title,
    );
    expect(title).toBe("Our own title for this control");
  });

  test("an installation seeded with the old 36 criteria gains the other 25 and the new mappings once, keeping its edits", async () => {
    const db = await createScratch("upgrade");
    scratch.push(db.name);
    await applyMigrations(db.url);
    await seedInChild(db.url);
    const NEW_CRITERIA = `'^CC[1-5]\\.|^CC[7-9]\\.'`;
    const mapped = (code: string) =>
      withClient(db.url, async (c) =>
        (
          await c.query<{ id: string }>(
            `SELECT cc."criterionId" AS id FROM "ControlCriterion" cc JOIN "Control" k ON k.id = cc."controlId"
             WHERE k.code = $1 ORDER BY cc."criterionId"`,
            [code],
          )
        ).rows.map((r) => r.id),
      );
    // Back to what revision 1 left: no CC1-CC5 or CC7-CC9, no revision marker, the old order.
    await withClient(db.url, async (c) => {
      await c.query(`DELETE FROM "ControlCriterion" WHERE "criterionId" ~ ${NEW_CRITERIA}`);
      await c.query(`DELETE FROM "Criterion" WHERE id ~ ${NEW_CRITERIA}`);
      await c.query(`DELETE FROM "Setting" WHERE key = 'referenceData.revision'`);
      await c.query(`UPDATE "Criterion" SET "sortOrder" = "sortOrder" + 1000`);
      expect(await count(c, "Criterion")).toBe(36);
      // The team's edits: a mapping removed, a title changed.
      await c.query(
        `DELETE FROM "ControlCriterion" WHERE "criterionId" = 'PI1.1' AND "controlId" = (SELECT id FROM "Control" WHERE code = 'AI-PI-01')`,
      );
      await c.query(`UPDATE "Control" SET title = 'Our change process' WHERE code = 'AI-PI-01'`);
    });
    const auditBefore = await withClient(db.url, (c) => count(c, "AuditLogEntry"));

    expect(await seedInChild(db.url)).toEqual({ controlsCreated: 0, criteriaCreated: 25, mappingsAdded: 12 });
    await withClient(db.url, async (c) => {
      expect(await count(c, "Criterion")).toBe(61);
      const order = (await c.query<{ id: string }>(`SELECT id FROM "Criterion" ORDER BY "sortOrder"`)).rows.map((r) => r.id);
      expect(order.slice(0, 5)).toEqual(["CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5"]);
      expect(order.indexOf("CC8.1")).toBeLessThan(order.indexOf("A1.1"));
      const marker = await c.query(`SELECT value FROM "Setting" WHERE key = 'referenceData.revision'`);
      expect(marker.rows[0].value).toBe(2);
      const entries = await c.query<{ action: string; after: { mappingsAdded: unknown[] } }>(
        `SELECT action, after FROM "AuditLogEntry" ORDER BY seq DESC LIMIT 1`,
      );
      expect(entries.rows[0].action).toBe("reference-data.upgraded");
      expect(entries.rows[0].after.mappingsAdded).toHaveLength(12);
      expect(await count(c, "AuditLogEntry")).toBe(auditBefore + 1);
      expect((await c.query(`SELECT title FROM "Control" WHERE code = 'AI-PI-01'`)).rows[0].title).toBe("Our change process");
    });
    // The new mapping arrived; the mapping the team removed did not come back.
    expect(await mapped("AI-PI-01")).toEqual(["CC8.1", "PI1.3"]);
    expect(await mapped("AI-AVL-03")).toEqual(["A1.2", "A1.3", "CC7.3", "CC7.4", "CC7.5"]);

    // A mapping removed after the upgrade stays removed: the stored revision says it was added once.
    await withClient(db.url, (c) =>
      c.query(
        `DELETE FROM "ControlCriterion" WHERE "criterionId" = 'CC8.1' AND "controlId" = (SELECT id FROM "Control" WHERE code = 'AI-PI-01')`,
      ),
    );
    expect(await seedInChild(db.url)).toEqual({ controlsCreated: 0, criteriaCreated: 0, mappingsAdded: 0 });
    expect(await mapped("AI-PI-01")).toEqual(["PI1.3"]);
    expect(await withClient(db.url, (c) => count(c, "AuditLogEntry"))).toBe(auditBefore + 1);
  });

  test("two instances seeding an empty database at the same time create each control once", async () => {
    const db = await createScratch("seedrace");
    scratch.push(db.name);
    await applyMigrations(db.url);
    const results = await Promise.all([seedInChild(db.url), seedInChild(db.url)]);
    expect(results.map((r) => r.controlsCreated).sort((x, y) => x - y)).toEqual([0, 23]);
    await withClient(db.url, async (c) => {
      expect(await count(c, "Control")).toBe(23);
      expect(await count(c, "Criterion")).toBe(61);
      expect(await count(c, "Category")).toBe(5);
    });
  });
});
