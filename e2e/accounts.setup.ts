import { test as setup } from "@playwright/test";
import { randomBytes, scryptSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { FIXTURE_EVIDENCE_BYTES, FIXTURE_EVIDENCE_SHA256, FIXTURE_SLOT_CONTROL, PARAM_VALUES } from "./endpoints";
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

// One stored evidence file and its evidence row (the authorization walk's [id] for pages; route
// calls insert their own rows pointing at the same bytes). Written as the upload path writes it.
setup("store the fixture evidence", async () => {
  const dir = path.join(process.env.ATTEST_DATA_DIR!, "evidence", "sha256", FIXTURE_EVIDENCE_SHA256.slice(0, 2));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, FIXTURE_EVIDENCE_SHA256), FIXTURE_EVIDENCE_BYTES, { mode: 0o600 });
  await withDb(async (client) => {
    await client.query(`INSERT INTO "StoredFile" (sha256, size, "mediaType") VALUES ($1, $2, 'text/plain') ON CONFLICT DO NOTHING`, [
      FIXTURE_EVIDENCE_SHA256,
      Buffer.byteLength(FIXTURE_EVIDENCE_BYTES),
    ]);
    await client.query(
      `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, "fileSha256", "fileName")
       SELECT $1::uuid, $1::uuid, c.id, 'Fixture evidence', DATE '2026-01-15', 'API', $2, 'fixture.txt' FROM "Control" c WHERE c.code = 'AI-SEC-05'
       ON CONFLICT (id) DO NOTHING`,
      [PARAM_VALUES.id, FIXTURE_EVIDENCE_SHA256],
    );
  });
});

// An audit period for the authorization walk's /periods/[periodId] pages, and a quarterly control
// of its category that no spec edits, whose first slot the heatmap's cell action reads.
setup("create the fixture audit period", async () => {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
       VALUES ($1, 'Fixture period', 'TYPE_II', DATE '2026-01-01', DATE '2026-12-31', '{SECURITY}', now()) ON CONFLICT (id) DO NOTHING`,
      [PARAM_VALUES.periodId],
    );
    await client.query(
      `INSERT INTO "Control" (id, code, title, description, category, frequency, "expectedEvidence", custom, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Fixture slot control', 'For the authorization walk.', 'SECURITY', 'QUARTERLY', 'Anything.', true, now())
       ON CONFLICT (code) DO NOTHING`,
      [FIXTURE_SLOT_CONTROL],
    );
  });
});
