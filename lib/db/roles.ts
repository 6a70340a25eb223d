import { MIGRATION_LOCK } from "@/lib/db/migrate";
import { withClient } from "@/lib/db/with-client";

// Least privilege for the web server. Migrations and the reference seed run as the schema owner;
// the app (the Next server) connects as a role that owns nothing, so it cannot ALTER, DROP or
// TRUNCATE anything, cannot disable triggers (session_replication_role needs a superuser), and
// may only INSERT and SELECT on the audit log. Everything else it needs is plain DML on the app's
// tables and USAGE on their sequences (nextval for the audit log's seq); advisory locks need no
// grant. grantAppPrivileges runs after every migration run, so tables added later are covered
// without ALTER DEFAULT PRIVILEGES (which would tie the grants to whichever role ran CREATE TABLE).

/** The embedded database's app role; its password is generated into secrets.json (dbAppPassword). */
export const EMBEDDED_APP_ROLE = "attest_app";

/** Tables on which the app role gets less than SELECT/INSERT/UPDATE/DELETE. */
export const APPEND_ONLY_TABLES = ["AuditLogEntry"];
export const NO_APP_ACCESS_TABLES = ["_prisma_migrations"];

/**
 * Creates the login role, or resets its password and attributes when it exists. Never a superuser,
 * no CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS. Needs a connection that may create roles
 * (the embedded database's `postgres`, or an owner with CREATEROLE).
 */
export async function ensureLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`;
    const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (exists.rowCount === 0) {
      try {
        await c.query(`CREATE ROLE ${c.escapeIdentifier(role)} WITH ${attributes}`);
        return;
      } catch (error) {
        // Another process created it first: fall through and set the password.
        const code = (error as { code?: string }).code;
        if (code !== "42710" && code !== "23505") throw error;
      }
    }
    await c.query(`ALTER ROLE ${c.escapeIdentifier(role)} WITH ${attributes}`);
  });
}

/**
 * Grants the app role exactly what the app needs on the current schema, as the owner, after
 * revoking whatever it had (so a grant removed here is removed in the database too). Runs under
 * the migration lock, so it never interleaves with a migration or another instance's grants.
 */
export async function grantAppPrivileges(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const r = c.escapeIdentifier(role);
    await c.query("BEGIN");
    try {
      await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const { rows } = await c.query<{ schema: string; owner: boolean }>(
        `SELECT current_schema() AS schema, pg_has_role($1, current_user, 'MEMBER') AS owner`,
        [role],
      );
      if (rows[0].owner) {
        throw new Error(
          `The app role "${role}" is (or is a member of) the role that runs migrations; it would own the schema. Use a separate role for the app.`,
        );
      }
      const s = c.escapeIdentifier(rows[0].schema);
      await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`);
      await c.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${r}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
      await c.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      const present = async (table: string) =>
        (await c.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1", [table])).rowCount! > 0;
      for (const table of APPEND_ONLY_TABLES) {
        if (await present(table)) await c.query(`REVOKE UPDATE, DELETE ON ${s}.${c.escapeIdentifier(table)} FROM ${r}`);
      }
      for (const table of NO_APP_ACCESS_TABLES) {
        if (await present(table)) await c.query(`REVOKE ALL ON ${s}.${c.escapeIdentifier(table)} FROM ${r}`);
      }
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

/** The embedded default: the app role with its generated password, granted; returns the app's URL. */
export async function setUpAppRole(ownerUrl: string, role: string, password: string): Promise<string> {
  await ensureLoginRole(ownerUrl, role, password);
  await grantAppPrivileges(ownerUrl, role);
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

export interface DatabaseIdentity {
  user: string;
  superuser: boolean;
  /** Owns (or is a member of a role owning) a table of the app's schema: may ALTER or DROP it. */
  ownsSchema: boolean;
}

/** Who a URL connects as, and how much it may do. */
export async function databaseIdentity(url: string): Promise<DatabaseIdentity> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<DatabaseIdentity>(
      `SELECT current_user AS "user", r.rolsuper AS superuser,
              EXISTS (SELECT 1 FROM pg_tables t
                       WHERE t.schemaname = current_schema() AND pg_has_role(current_user, t.tableowner, 'MEMBER')) AS "ownsSchema"
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return rows[0];
  });
}

/** The console warning for an app that would run with more than it needs, or null. */
export function privilegeWarning(identity: DatabaseIdentity): string | null {
  const how =
    "Any flaw in the app would then give full control of the database, audit log included. Create a restricted role and start with " +
    "DATABASE_URL=<that role> and ATTEST_MIGRATION_DATABASE_URL=<the schema owner> (README: Running against an external PostgreSQL).";
  if (identity.superuser) return `WARNING: the app connects to PostgreSQL as "${identity.user}", a superuser. ${how}`;
  if (identity.ownsSchema) return `WARNING: the app connects to PostgreSQL as "${identity.user}", the owner of its tables. ${how}`;
  return null;
}
