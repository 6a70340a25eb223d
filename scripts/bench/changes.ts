// Benchmark: the change list with its evaluation state (/changes, GET /api/v1/changes; issue 11)
// at 10,000 changes and the 100,000 evidence rows of the evidence bench, plus the AI-PI-02
// evaluations (and AI-PI-01 change records) that name the changes. Target: p95 < 100 ms.
// Before timing, every change's state is computed twice, by the SQL of lib/changes/evaluation.ts
// and by the reference rule of lib/coverage/evaluation.ts, and the two must agree exactly.
import assert from "node:assert/strict";
import { time, verdict, type Timing } from "./util";

type Db = (typeof import("@/lib/db"))["db"];

export const CHANGES = 10_000;
const TARGET_MS = 100;

/**
 * Deterministic (hashint4 of the row number): changes merged over two years, each naming a 40-hex
 * commit and, for two in three, a pull request (a URL, `#n` or `n`). For 70 % an accepted AI-PI-02
 * evaluation names the change (its PR, its full SHA or a 7-12 character abbreviation), dated up to
 * 3 days before the merge day, or for one in six up to 5 days after it; 5 % have a submitted (not
 * yet accepted) evaluation; every third change has an AI-PI-01 change record naming its PR, which
 * must not count. The organisation's time zone is Asia/Tokyo, so merge days differ from UTC.
 */
export async function seedChanges(db: Db) {
  await db.$executeRawUnsafe(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('timeZone', '"Asia/Tokyo"', now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
  await db.$executeRawUnsafe(`
    WITH f AS (SELECT array_agg(id ORDER BY slug) AS ids FROM "Feature")
    INSERT INTO "Change" (id, kind, "featureId", title, "pullRequest", "commitSha", "mergedAt", "approvedBy", ticket)
    SELECT gen_random_uuid(), (ARRAY['MODEL_UPGRADE','PROMPT_CHANGE','FINE_TUNE','CONFIG'])[1 + g % 4]::"ChangeKind",
           CASE WHEN g % 5 = 0 THEN NULL ELSE f.ids[1 + abs(hashint4(g)) % array_length(f.ids, 1)] END,
           'Change ' || g,
           CASE g % 3 WHEN 0 THEN NULL WHEN 1 THEN 'https://github.com/acme/app/pull/' || g ELSE '#' || g END,
           md5('change-' || g) || substr(md5('tail-' || g), 1, 8),
           now() - (abs(hashint4(g + 7)) % (730 * 24 * 60)) * interval '1 minute',
           CASE WHEN g % 7 = 0 THEN NULL ELSE 'reviewer-' || (g % 9) END, 'CHG-' || g
    FROM generate_series(1, ${CHANGES}) AS g, f`);
  await db.$executeRawUnsafe(`
    WITH k AS (SELECT code, id FROM "Control" WHERE code IN ('AI-PI-01', 'AI-PI-02')),
         reviewer AS (SELECT id FROM "User" ORDER BY email LIMIT 1),
         c AS (SELECT c.*, row_number() OVER (ORDER BY c.title) AS g,
                      (c."mergedAt" AT TIME ZONE 'Asia/Tokyo')::date AS day FROM "Change" c),
         e AS (
           SELECT c.*, 'AI-PI-02' AS code, abs(hashint4(c.g::int + 11)) % 100 AS h,
                  CASE WHEN abs(hashint4(c.g::int + 13)) % 6 = 0 THEN c.day + 1 + abs(hashint4(c.g::int)) % 5
                       ELSE c.day - abs(hashint4(c.g::int)) % 4 END AS eff
           FROM c WHERE abs(hashint4(c.g::int + 11)) % 100 < 75
           UNION ALL
           SELECT c.*, 'AI-PI-01', 0, c.day FROM c WHERE c.g % 3 = 1)
    INSERT INTO "Evidence" (id, "lineageId", version, "controlId", title, "effectiveDate", source, "commitSha", "pullRequest",
                            url, status, "reviewedById", "reviewedAt", "uploadedAt")
    SELECT x.evidence_id, x.evidence_id, 1, k.id, x.code || ' for ' || x.title, LEAST(x.eff, current_date), 'API', x.sha, x.pr,
           'https://ci.example.com/evals/' || x.g, x.st::"EvidenceStatus",
           CASE WHEN x.st = 'ACCEPTED' THEN (SELECT id FROM reviewer) END, CASE WHEN x.st = 'ACCEPTED' THEN now() END, now()
    FROM (SELECT gen_random_uuid() AS evidence_id, e.*,
                 CASE WHEN e.code = 'AI-PI-02' AND e.h >= 70 THEN 'SUBMITTED' ELSE 'ACCEPTED' END AS st,
                 CASE WHEN e.code = 'AI-PI-01' OR ("pullRequest" IS NOT NULL AND e.h % 2 = 0) THEN NULL
                      WHEN e.h % 3 = 0 THEN substr("commitSha", 1, 7 + e.h % 6) ELSE "commitSha" END AS sha,
                 CASE WHEN e.code = 'AI-PI-01' OR ("pullRequest" IS NOT NULL AND e.h % 2 = 0)
                      THEN substring("pullRequest" FROM '([0-9]+)$') END AS pr
          FROM e) AS x
    JOIN k ON k.code = x.code
    WHERE x.sha IS NOT NULL OR x.pr IS NOT NULL`);
}

/** Every change's state by the SQL and by the reference rule: they must agree. */
async function checkAgreement(db: Db) {
  const { allStates, evaluatedChanges } = await import("@/lib/changes/evaluation");
  const { changeEvaluation } = await import("@/lib/coverage/evaluation");
  // Both forms of the SQL: page by page (index lookups) and every state at once (hash joins).
  const sql = await evaluatedChanges({}, { skip: 0, take: CHANGES * 2 }, "Asia/Tokyo");
  const joined = await allStates("Asia/Tokyo");
  assert.deepEqual(new Map(sql.rows.map((r) => [r.id, r.state])), joined, "the two SQL forms differ");
  const [changes, evidence] = await Promise.all([
    db.change.findMany({ select: { id: true, mergedAt: true, commitSha: true, pullRequest: true } }),
    db.evidence.findMany({
      where: { status: "ACCEPTED", OR: [{ commitSha: { not: null } }, { pullRequest: { not: null } }] },
      select: { id: true, effectiveDate: true, commitSha: true, pullRequest: true, control: { select: { code: true } } },
    }),
  ]);
  const rows = evidence.map((e) => ({
    id: e.id,
    control: e.control.code,
    effectiveDate: e.effectiveDate.toISOString().slice(0, 10),
    validFrom: null,
    validUntil: null,
    commitSha: e.commitSha,
    pullRequest: e.pullRequest,
  }));
  const bySql = new Map(sql.rows.map((r) => [r.id, r]));
  const counts = { BEFORE_RELEASE: 0, AFTER_RELEASE: 0, NONE: 0 };
  assert.equal(sql.rows.length, changes.length);
  for (const c of changes) {
    const expected = changeEvaluation({ ...c, mergedAt: c.mergedAt.toISOString() }, rows, "Asia/Tokyo");
    const got = bySql.get(c.id)!;
    assert.deepEqual({ state: got.state, evidence: got.evidence }, expected, `change ${c.id}`);
    counts[expected.state]++;
  }
  console.log(
    `SQL and reference rule agree on all ${changes.length} changes: ${counts.BEFORE_RELEASE} before release, ${counts.AFTER_RELEASE} after, ${counts.NONE} none`,
  );
}

export async function benchChanges(db: Db): Promise<Timing[]> {
  await seedChanges(db);
  const total = await db.evidence.count();
  console.log(`\nChange list with evaluation state (${CHANGES} changes, ${total} evidence rows). Target: p95 < ${TARGET_MS} ms`);
  await checkAgreement(db);
  const { listChanges, allChanges } = await import("@/lib/changes/queries");
  const { EVERYTHING } = await import("@/lib/auth/scope");
  const feature = (await db.feature.findFirst({ orderBy: { slug: "asc" }, select: { slug: true } }))!.slug;
  const timings = [
    await time("first page", () => listChanges({ page: 1 }, EVERYTHING)),
    await time("page 300", () => listChanges({ page: 300 }, EVERYTHING)),
    await time("evaluation=NONE, first page", () => listChanges({ page: 1, evaluation: "NONE" }, EVERYTHING)),
    await time("evaluation=AFTER_RELEASE, page 20", () => listChanges({ page: 20, evaluation: "AFTER_RELEASE" }, EVERYTHING)),
    await time("covered=false (readiness link)", () => listChanges({ page: 1, covered: "false" }, EVERYTHING)),
    await time("kind + feature + evaluation=BEFORE_RELEASE", () =>
      listChanges({ page: 1, kind: "PROMPT_CHANGE", feature, evaluation: "BEFORE_RELEASE" }, EVERYTHING),
    ),
  ];
  const worst = Math.max(...timings.map((t) => t.p95));
  console.log(`worst p95 ${worst.toFixed(1)} ms: ${verdict(worst < TARGET_MS)}`);
  await time("CSV export, all 10,000 (not a target)", () => allChanges({}, EVERYTHING));
  return timings;
}
