import { test as setup } from "@playwright/test";
import { randomBytes, scryptSync } from "node:crypto";
import { ACCOUNTS, ROLES, withDb } from "./support";

// One account per role for the specs, written straight to the database (the UI path for creating
// users has its own spec). The hash uses the app's scrypt format and OWASP parameters.
function hash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${2 ** 17}$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

setup("create one account per role", async () => {
  await withDb(async (client) => {
    for (const role of ROLES) {
      const a = ACCOUNTS[role];
      await client.query(
        `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())
         ON CONFLICT (email) DO NOTHING`,
        [a.email, a.name, role, hash(a.password)],
      );
    }
  });
});

// A feature every spec may read (and the authorization walk uses for [slug] routes). Specs that
// change features create their own.
export const FIXTURE_FEATURE_SLUG = "fixture-feature";

setup("create the fixture AI feature", async () => {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "Feature" (id, slug, name, owner, purpose, "inputData", outputs, invokers, "failureImpact", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Fixture feature', 'Test team', 'Summarises internal tickets.', '{INTERNAL}'::"DataCategory"[],
               'A summary shown to staff.', '{STAFF}'::"Invoker"[], 'LOW', now())
       ON CONFLICT (slug) DO NOTHING`,
      [FIXTURE_FEATURE_SLUG],
    );
  });
});
