import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { ownerUrl, withClient } from "@/e2e/support/database";
import { appendAudit, SYSTEM_ACTOR } from "@/lib/audit-log/append";
import { db } from "@/lib/db";

// Least-privilege database access (issue 10, item 4): the app connects as a role that may not
// change the schema and may only INSERT and SELECT on the audit log. The services tier runs as
// that role (DATABASE_URL), with the owner's URL in ATTEST_MIGRATION_DATABASE_URL.
const appUrl = () => process.env.DATABASE_URL!;
const appRole = () => decodeURIComponent(new URL(appUrl()).username);

/** Runs sql and returns the error message (or "no error"), inside a savepoint so the transaction goes on. */
async function refusal(c: pg.Client, sql: string): Promise<string> {
  await c.query("SAVEPOINT attempt");
  try {
    await c.query(sql);
    await c.query("RELEASE SAVEPOINT attempt");
    return "no error";
  } catch (error) {
    await c.query("ROLLBACK TO SAVEPOINT attempt");
    return (error as Error).message;
  }
}

test("the app's database role may INSERT and SELECT audit entries but not UPDATE, DELETE or TRUNCATE them, nor ALTER, CREATE or disable triggers", async () => {
  assert.notEqual(appUrl(), ownerUrl(), "the tier runs as the app role, not the owner");
  // The app's own way of appending, as the app role.
  await db.$transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: "test.role-probe", entityType: "Test" }));
  await db.$disconnect();

  await withClient(appUrl(), async (c) => {
    const me = (
      await c.query<{ user: string; superuser: boolean }>(
        `SELECT current_user AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows[0];
    assert.deepEqual({ ...me }, { user: appRole(), superuser: false });
    assert.notEqual(me.user, "postgres");

    // Reading the log works, and there is something to read.
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLogEntry"`);
    assert.ok(rows[0].n > 0);

    await c.query("BEGIN");
    try {
      // Appending works. A copy of the newest entry under seq -1 (no sequence value used), rolled back.
      await c.query(`CREATE TEMP TABLE probe ON COMMIT DROP AS SELECT * FROM "AuditLogEntry" ORDER BY seq DESC LIMIT 1`);
      await c.query(`UPDATE probe SET seq = -1, hash = md5(random()::text) || md5(random()::text)`);
      assert.equal(await refusal(c, `INSERT INTO "AuditLogEntry" SELECT * FROM probe`), "no error");
      assert.equal((await c.query(`SELECT count(*)::int AS n FROM "AuditLogEntry" WHERE seq = -1`)).rows[0].n, 1);

      // Refused by privileges (not merely by the append-only trigger, which a superuser can disable).
      assert.match(
        await refusal(c, `UPDATE "AuditLogEntry" SET action = action WHERE seq = -1`),
        /permission denied for table AuditLogEntry/,
      );
      assert.match(await refusal(c, `DELETE FROM "AuditLogEntry" WHERE seq = -1`), /permission denied for table AuditLogEntry/);
      assert.match(await refusal(c, `TRUNCATE "AuditLogEntry"`), /permission denied for table AuditLogEntry/);
      assert.match(await refusal(c, `ALTER TABLE "AuditLogEntry" DISABLE TRIGGER USER`), /must be owner of table AuditLogEntry/);
      assert.match(await refusal(c, `SET session_replication_role = replica`), /permission denied to set parameter/);
      // No schema changes anywhere.
      assert.match(await refusal(c, `ALTER TABLE "Control" ADD COLUMN sneaky int`), /must be owner of table Control/);
      assert.match(await refusal(c, `ALTER TABLE "User" OWNER TO CURRENT_USER`), /must be owner of table User/);
      assert.match(await refusal(c, `DROP TABLE "Evidence"`), /must be owner of table Evidence/);
      assert.match(await refusal(c, `CREATE TABLE public.sneaky (id int)`), /permission denied for schema public/);
      assert.match(await refusal(c, `SELECT * FROM "_prisma_migrations"`), /permission denied for table _prisma_migrations/);
      // The ordinary DML the app needs on its other tables.
      assert.equal(await refusal(c, `UPDATE "Control" SET title = title WHERE false`), "no error");
      assert.equal(await refusal(c, `DELETE FROM "ApiToken" WHERE false`), "no error");
    } finally {
      await c.query("ROLLBACK");
    }
    assert.equal((await c.query(`SELECT count(*)::int AS n FROM "AuditLogEntry" WHERE seq = -1`)).rows[0].n, 0);
  });

  // The same, as the catalog records it.
  const privileges = await withClient(
    ownerUrl(),
    async (c) =>
      (
        await c.query<{ privilege: string; granted: boolean }>(
          `SELECT p AS privilege, has_table_privilege($1, '"AuditLogEntry"', p) AS granted
           FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p`,
          [appRole()],
        )
      ).rows,
  );
  assert.deepEqual(Object.fromEntries(privileges.map((p) => [p.privilege, p.granted])), {
    SELECT: true,
    INSERT: true,
    UPDATE: false,
    DELETE: false,
    TRUNCATE: false,
    REFERENCES: false,
    TRIGGER: false,
  });
});
