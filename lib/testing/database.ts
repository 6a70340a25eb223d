import { after } from "node:test";
import pg from "pg";
import { createScratch, dropScratch, withClient } from "@/e2e/support/database";

// For services-tier tests that need a database of their own (migrations, the seed): empty
// databases on the tier's server, dropped when the test file ends.

const made: string[] = [];
let hooked = false;

/** An empty database on the test server, dropped after this file's tests. */
export async function scratchDatabase(label: string): Promise<{ name: string; url: string }> {
  if (!hooked) {
    hooked = true;
    after(async () => {
      for (const name of made) await dropScratch(name);
    });
  }
  const db = await createScratch(label);
  made.push(db.name);
  return db;
}

/** The number of rows in a table. */
export const count = async (c: pg.Client, table: string) =>
  (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;

export { withClient };
