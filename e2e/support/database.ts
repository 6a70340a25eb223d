import { randomBytes } from "node:crypto";
import pg from "pg";
import { withClient } from "../../lib/db/with-client";

// Helpers shared by the test harness (scripts/test.ts, scripts/test-services.ts), the Playwright
// specs and the services tier (lib/**/*.int.test.ts): free ports, one-off connections, and
// scratch databases created on the test database's server.

export { freePort } from "./ports";

export { withClient };

/** The schema owner's URL of the test database: DATABASE_URL under Playwright, ATTEST_MIGRATION_DATABASE_URL in the services tier. */
export function ownerUrl(): string {
  const url = process.env.ATTEST_MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must be set (npm test and npm run test:services set it)");
  return url;
}

/** Runs one statement as the owner of the test database's server (CREATE/DROP DATABASE, roles). */
export async function adminQuery(sql: string): Promise<void> {
  await withClient(ownerUrl(), (c) => c.query(sql));
}

/** `url` with its database name replaced. */
export function databaseUrlFor(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new database on the test server, empty or (with `template`) a copy of that database; dropped by dropScratch. */
export async function createScratch(label: string, template?: string): Promise<{ name: string; url: string }> {
  const name = `attest_scratch_${label}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return { name, url: databaseUrlFor(ownerUrl(), name) };
}

export async function dropScratch(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** One query on `url`, its rows. */
export async function queryOn<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query<T>(sql, params)).rows);
}

// Columns that move without being a write under test: ApiToken.lastUsedAt on every authenticated
// call, User.lastLoginAt on each sign-in. These two small tables are compared by content, without them.
const BY_CONTENT: Record<string, string> = {
  ApiToken: `SELECT id, name, "tokenHash", role, scopes, "expiresAt", "revokedAt" FROM "ApiToken"`,
  User: `SELECT id, email, name, role, "passwordHash", "disabledAt" FROM "User"`,
};
// Each sign-in is audited (user.signed_in): not a change to the data under test either.
const ROWS_UNDER_TEST: Record<string, string> = { AuditLogEntry: `WHERE action <> 'user.signed_in'` };

/**
 * A fingerprint of every application table: equal before and after means nothing was written.
 * Every other table by its row count and the newest row version's transaction id (xmin): any
 * INSERT or UPDATE, even one that rewrites a row with the same values, makes a row version with a
 * newer xmin, and a DELETE lowers the count. One query, no row serialised: the walk takes thousands.
 */
export async function fingerprintOf(url: string): Promise<string> {
  return withClient(url, fingerprintWith);
}

/** fingerprintOf on a connection the caller holds. */
export async function fingerprintWith(client: pg.ClientBase): Promise<string> {
  {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    const parts = tables.map(({ tablename }) => {
      const name = client.escapeLiteral(tablename);
      if (BY_CONTENT[tablename]) {
        return `SELECT ${name} AS t, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS f FROM (${BY_CONTENT[tablename]}) r`;
      }
      const where = ROWS_UNDER_TEST[tablename] ?? "";
      return `SELECT ${name} AS t, count(*) || '@' || coalesce(max(xmin::text::bigint), 0) AS f FROM "${tablename}" ${where}`;
    });
    const { rows } = await client.query<{ t: string; f: string }>(parts.join("\nUNION ALL\n"));
    return rows
      .sort((x, y) => x.t.localeCompare(y.t))
      .map((r) => `${r.t}:${r.f}`)
      .join("\n");
  }
}
