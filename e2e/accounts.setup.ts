import { test as setup } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import {
  FIXTURE_EVIDENCE_BYTES,
  FIXTURE_EVIDENCE_SHA256,
  FIXTURE_INCIDENT_EVIDENCE_ID,
  FIXTURE_SIGNED_OFF_REVIEW_ID,
  PARAM_VALUES,
} from "./endpoints";
import {
  ACCOUNTS,
  AUDITOR_WINDOW_PERIOD_ID,
  passwordHash as hash,
  ROLES,
  SCOPED_AUDITOR,
  SCOPED_AUDITOR_PERIOD_ID,
  withDb,
} from "./support";

// One account per role for the specs, written straight to the database (the UI path for creating
// users has its own spec). The hash uses the app's scrypt format and OWASP parameters.

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
    // AI-AVL-03 evidence awaiting review, which the authorization walk marks as the incident plan
    // (not accepted, so it never counts in a readiness check).
    await client.query(
      `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, "fileSha256", "fileName")
       SELECT $1::uuid, $1::uuid, c.id, 'Fixture incident runbook', DATE '2026-01-15', 'API', $2, 'fixture.txt' FROM "Control" c WHERE c.code = 'AI-AVL-03'
       ON CONFLICT (id) DO NOTHING`,
      [FIXTURE_INCIDENT_EVIDENCE_ID, FIXTURE_EVIDENCE_SHA256],
    );
  });
});

// An audit period for the authorization walk's /periods/[periodId] pages.
setup("create the fixture audit period", async () => {
  await withDb((client) =>
    client.query(
      `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
       VALUES ($1, 'Fixture period', 'TYPE_II', DATE '2026-01-01', DATE '2026-12-31', '{SECURITY}', now()) ON CONFLICT (id) DO NOTHING`,
      [PARAM_VALUES.periodId],
    ),
  );
});

// A DRAFT access review for the authorization walk's /access-reviews/[reviewId] pages and routes.
setup("create the fixture access review", async () => {
  await withDb((client) =>
    client.query(
      `INSERT INTO "AccessReview" (id, name, quarter, status, resources, "dueDate")
       VALUES ($1, 'Fixture access review', '2026-Q4', 'DRAFT', '{MODEL_API_KEY}', DATE '2026-12-31') ON CONFLICT (id) DO NOTHING`,
      [PARAM_VALUES.reviewId],
    ),
  );
});

// A vendor for the authorization walk's /vendors/[vendorId] pages and routes, with one dependent
// feature (retired, so that the fixture stays out of the readiness checks) for the fallback action.
// It is a carve-out sub-service organisation with a SOC 2 report item and a CUEC, for the
// sub-service routes and actions (so it does show in the two sub-service readiness checks).
setup("create the fixture vendor", async () => {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "Vendor" (id, name, relationship, "subserviceMethod", "updatedAt") VALUES ($1, 'Fixture vendor', 'SUBSERVICE', 'CARVE_OUT', now())
       ON CONFLICT DO NOTHING`,
      [PARAM_VALUES.vendorId],
    );
    await client.query(
      `INSERT INTO "VendorPackageItem" (id, "vendorId", kind, notes) VALUES ($1, $2, 'SOC2_REPORT', 'Fixture SOC 2 report item') ON CONFLICT DO NOTHING`,
      [PARAM_VALUES.packageItemId, PARAM_VALUES.vendorId],
    );
    await client.query(
      `INSERT INTO "Cuec" (id, "vendorId", text, "controlId") SELECT $1, $2, 'Fixture CUEC', c.id FROM "Control" c WHERE c.code = 'AI-SEC-01'
       ON CONFLICT DO NOTHING`,
      [PARAM_VALUES.cuecId, PARAM_VALUES.vendorId],
    );
    await client.query(
      `INSERT INTO "Feature" (id, slug, name, owner, status, purpose, "inputData", outputs, invokers, "failureImpact", "retiredAt", "updatedAt")
       VALUES (gen_random_uuid(), 'fixture-vendor-feature', 'Fixture vendor feature', 'Test team', 'RETIRED', 'Depends on the fixture vendor.',
               '{INTERNAL}'::"DataCategory"[], 'Nothing.', '{STAFF}'::"Invoker"[], 'LOW', now(), now())
       ON CONFLICT (slug) DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "FeatureVendor" ("featureId", "vendorId") SELECT f.id, $1::uuid FROM "Feature" f WHERE f.slug = 'fixture-vendor-feature'
       ON CONFLICT DO NOTHING`,
      [PARAM_VALUES.vendorId],
    );
  });
});

// A signed-off access review whose record is the fixture evidence, for GET /api/v1/access-reviews/[reviewId]/record
// (an old quarter, so that no schedule moves).
setup("create the fixture signed-off access review", async () => {
  await withDb((client) =>
    client.query(
      `INSERT INTO "AccessReview" (id, name, quarter, status, "startedAt", "signedOffAt", "signOffName", "signOffStatement", "evidenceId", "dueDate")
       VALUES ($1, 'Fixture signed-off review', '2020-Q1', 'SIGNED_OFF', now(), now(), 'Fixture signer', 'Fixture statement.', $2, DATE '2020-03-31')
       ON CONFLICT (id) DO NOTHING`,
      [FIXTURE_SIGNED_OFF_REVIEW_ID, PARAM_VALUES.id],
    ),
  );
});

// An auditor sees only the periods given to them (lib/auth/scope.ts). The shared AUDITOR account is
// given the fixture period and one broad window, so that the specs that read as an auditor (controls
// of every category, evidence dated 2026 or today, today's changes and audit-log entries, the fixture
// vendor and signed-off review) see what a lead sees. The window starts before the fixture period, so
// that it is never the "current" period while the fixture period covers today.
setup("give the AUDITOR account the fixture period and a broad window", async () => {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
       VALUES ($1, 'Fixture auditor window', 'TYPE_II', DATE '2024-01-01', DATE '2027-12-31',
               '{SECURITY,AVAILABILITY,PROCESSING_INTEGRITY,CONFIDENTIALITY,PRIVACY}', now()) ON CONFLICT (id) DO NOTHING`,
      [AUDITOR_WINDOW_PERIOD_ID],
    );
    await client.query(
      `INSERT INTO "AuditPeriodAuditor" ("periodId", "userId") SELECT p, u.id FROM "User" u, unnest($1::uuid[]) p WHERE u.email = $2
       ON CONFLICT DO NOTHING`,
      [[PARAM_VALUES.periodId, AUDITOR_WINDOW_PERIOD_ID], ACCOUNTS.AUDITOR.email],
    );
  });
});

// The authorization walk's scoped auditor: given only a 2019 Security period whose one feature is
// the fixture vendor's (retired) feature, so that the fixture period, evidence, files, access
// reviews and the fixture feature are outside their scope (404), while the vendor is theirs.
setup("create the scoped auditor and their period", async () => {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'AUDITOR', $3, now())
       ON CONFLICT (email) DO NOTHING`,
      [SCOPED_AUDITOR.email, SCOPED_AUDITOR.name, hash(SCOPED_AUDITOR.password)],
    );
    await client.query(
      `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
       VALUES ($1, 'Scoped auditor''s period', 'TYPE_II', DATE '2019-01-01', DATE '2019-12-31', '{SECURITY}', now()) ON CONFLICT (id) DO NOTHING`,
      [SCOPED_AUDITOR_PERIOD_ID],
    );
    await client.query(
      `INSERT INTO "AuditPeriodFeature" ("periodId", "featureId") SELECT $1, f.id FROM "Feature" f WHERE f.slug = 'fixture-vendor-feature'
       ON CONFLICT DO NOTHING`,
      [SCOPED_AUDITOR_PERIOD_ID],
    );
    await client.query(
      `INSERT INTO "AuditPeriodAuditor" ("periodId", "userId") SELECT $1, u.id FROM "User" u WHERE u.email = $2 ON CONFLICT DO NOTHING`,
      [SCOPED_AUDITOR_PERIOD_ID, SCOPED_AUDITOR.email],
    );
  });
});
