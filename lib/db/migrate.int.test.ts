import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { applyMigrations } from "@/lib/db/migrate";
import { count, scratchDatabase, withClient } from "@/lib/testing/database";

// The migration applier and the append-only audit log, each on an empty scratch database created
// on the tier's server (so nothing here touches the tier's shared data).
const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const migrationNames = () =>
  fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("hex");
const regclass = async (url: string, name: string) =>
  withClient(url, async (c) => (await c.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [name])).rows[0].t);

test("two concurrent callers apply each migration exactly once; a third call applies nothing", async () => {
  const db = await scratchDatabase("migrate");
  const names = migrationNames();
  assert.ok(names.length >= 2);

  const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
  // One caller did the work while the other waited on the advisory lock and found it done.
  assert.deepEqual([...a.applied, ...b.applied].sort(), names);
  assert.deepEqual(
    [a.applied.length, b.applied.length].sort((x, y) => x - y),
    [0, names.length],
  );

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
    assert.deepEqual(
      rows.map((r) => r.migration_name),
      names,
    );
    for (const row of rows) {
      assert.ok(row.finished_at instanceof Date, row.migration_name);
      assert.equal(row.rolled_back_at, null, row.migration_name);
      assert.equal(row.applied_steps_count, 1, row.migration_name);
      assert.equal(row.checksum, sha256(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql")), row.migration_name);
    }
    // The schema really is there.
    assert.equal(await count(c, "Control"), 0);
    assert.equal(await count(c, "AuditLogEntry"), 0);
  });

  const third = await applyMigrations(db.url);
  assert.deepEqual(third.applied, []);
  await withClient(db.url, async (c) => assert.equal(await count(c, "_prisma_migrations"), names.length));
});

test("a failing migration rolls back completely and blocks later runs until it is marked rolled back", async () => {
  const db = await scratchDatabase("failing");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-migrations-"));
  fs.mkdirSync(path.join(dir, "001_ok"));
  fs.writeFileSync(path.join(dir, "001_ok", "migration.sql"), `CREATE TABLE "first" (id int);`);
  fs.mkdirSync(path.join(dir, "002_broken"));
  fs.writeFileSync(path.join(dir, "002_broken", "migration.sql"), `CREATE TABLE "second" (id int);\nSELECT * FROM "no_such_table";`);
  const previous = process.env.ATTEST_MIGRATIONS_DIR;
  process.env.ATTEST_MIGRATIONS_DIR = dir;
  try {
    await assert.rejects(applyMigrations(db.url), /Migration 002_broken failed: .*no_such_table/);
    await withClient(db.url, async (c) => {
      const { rows } = await c.query<{ migration_name: string; finished_at: Date | null; logs: string | null }>(
        `SELECT migration_name, finished_at, logs FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      assert.deepEqual(
        rows.map((r) => [r.migration_name, r.finished_at !== null]),
        [
          ["001_ok", true],
          ["002_broken", false],
        ],
      );
      assert.match(rows[1].logs ?? "", /no_such_table/);
    });
    // The broken file ran in one transaction: its first statement did not stick.
    assert.equal(await regclass(db.url, "public.first"), "first");
    assert.equal(await regclass(db.url, "public.second"), null);
    // Until someone fixes it by hand, every later run refuses and says how.
    await assert.rejects(applyMigrations(db.url), /002_broken failed earlier and was not rolled back/);

    // Fixed file, marked rolled back: the next run applies it, once.
    fs.writeFileSync(path.join(dir, "002_broken", "migration.sql"), `CREATE TABLE "second" (id int);`);
    await withClient(db.url, (c) => c.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '002_broken'`));
    assert.deepEqual((await applyMigrations(db.url)).applied, ["002_broken"]);
    assert.deepEqual((await applyMigrations(db.url)).applied, []);
    assert.equal(await regclass(db.url, "public.second"), "second");
  } finally {
    if (previous === undefined) delete process.env.ATTEST_MIGRATIONS_DIR;
    else process.env.ATTEST_MIGRATIONS_DIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("AuditLogEntry refuses UPDATE, DELETE and TRUNCATE (append-only in the database itself)", async () => {
  const db = await scratchDatabase("append");
  await applyMigrations(db.url);
  await withClient(db.url, async (c) => {
    await c.query(
      `INSERT INTO "AuditLogEntry" ("actorKind", action, "entityType", "prevHash", hash) VALUES ('system', 'test.appended', 'Test', $1, $2)`,
      ["0".repeat(64), "a".repeat(64)],
    );
    const statements = [`UPDATE "AuditLogEntry" SET action = 'test.rewritten'`, `DELETE FROM "AuditLogEntry"`, `TRUNCATE "AuditLogEntry"`];
    for (const sql of statements) await assert.rejects(c.query(sql), /append-only/, sql);
    const { rows } = await c.query<{ action: string }>(`SELECT action FROM "AuditLogEntry"`);
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [{ action: "test.appended" }],
    );
    // Inserting more is still allowed: append-only, not read-only.
    await c.query(
      `INSERT INTO "AuditLogEntry" ("actorKind", action, "entityType", "prevHash", hash) VALUES ('system', 'test.second', 'Test', $1, $2)`,
      ["a".repeat(64), "b".repeat(64)],
    );
    assert.equal(await count(c, "AuditLogEntry"), 2);
  });
});
