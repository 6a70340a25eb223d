// Benchmark: the evidence table (/evidence, listEvidencePage) and the API list
// (GET /api/v1/evidence, listEvidenceByCursor) at 100,000 evidence rows. Target: p95 < 200 ms.
import { explain, explainEnabled } from "./explain";
import { time, verdict, type Timing } from "./util";

type Db = (typeof import("@/lib/db"))["db"];
type Queries = typeof import("@/lib/evidence/queries");

export const EVIDENCE_ROWS = 100_000;
const STORED_FILES = 3_000;
const TARGET_MS = 200;

/**
 * Seeds EVIDENCE_ROWS rows in a few SQL statements. Deterministic (hashint4 of the row number, not
 * random()): spread over every control and two years of effective dates, uploaded up to three
 * days after that date; 80 % accepted, 10 % awaiting review, 6 % rejected, 4 % withdrawn; half
 * from the API (uploaded by one of 3 tokens), 30 % from the browser and 20 % generated (by one
 * of 6 users); 90 % files (3,000 distinct stored files), 10 % links; every 25th row tied to one
 * or two of 200 features. Each row is its own lineage (version 1). Needs the features seeded.
 */
export async function seedEvidence(db: Db) {
  const started = Date.now();
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
    SELECT gen_random_uuid(), n || '@bench.example', initcap(n), (CASE WHEN n = 'carol' THEN 'COMPLIANCE_LEAD' ELSE 'ENGINEER' END)::"Role", 'x', now()
    FROM unnest(ARRAY['alice', 'bob', 'carol', 'dan', 'erin', 'frank']) AS n`);
  await db.$executeRawUnsafe(`
    INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes)
    SELECT gen_random_uuid(), 'bench ' || n, encode(sha256(convert_to('bench-token-' || n, 'UTF8')), 'hex'), 'att_bench' || n, 'ENGINEER', '{}'
    FROM unnest(ARRAY['github-actions', 'gitlab-ci', 'nightly-export']) AS n`);
  await db.$executeRawUnsafe(`
    INSERT INTO "StoredFile" (sha256, size, "mediaType")
    SELECT encode(sha256(convert_to('bench-file-' || i, 'UTF8')), 'hex'), 1000 + abs(hashint4(i)) % 5000000,
           (ARRAY['application/pdf', 'image/png', 'text/csv', 'application/json'])[1 + i % 4]
    FROM generate_series(1, ${STORED_FILES}) AS i`);
  await db.$executeRawUnsafe(`
    WITH c AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(code ORDER BY code) AS codes FROM "Control"),
         u AS (SELECT array_agg(id ORDER BY email) AS ids FROM "User" WHERE email LIKE '%@bench.example'),
         reviewer AS (SELECT id FROM "User" WHERE email = 'carol@bench.example'),
         t AS (SELECT array_agg(id ORDER BY name) AS ids FROM "ApiToken" WHERE name LIKE 'bench %'),
         g AS (SELECT g, gen_random_uuid() AS id, abs(hashint4(g)) AS h1, abs(hashint4(g + 1000000)) AS h2,
                      abs(hashint4(g + 2000000)) AS h3
               FROM generate_series(1, ${EVIDENCE_ROWS}) AS g),
         r AS (SELECT g.*, (current_date - (h1 % 730))::date AS eff,
                      CASE WHEN h2 % 100 < 80 THEN 'ACCEPTED' WHEN h2 % 100 < 90 THEN 'SUBMITTED'
                           WHEN h2 % 100 < 96 THEN 'REJECTED' ELSE 'WITHDRAWN' END AS st,
                      CASE WHEN h3 % 10 < 5 THEN 'API' WHEN h3 % 10 < 8 THEN 'BROWSER' ELSE 'GENERATED' END AS src,
                      h3 % 100 < 90 AS has_file
               FROM g),
         s AS (SELECT r.*, LEAST(now(), eff + (h2 % 72) * interval '1 hour' + (h1 % 3600000) * interval '1 millisecond') AS up
               FROM r)
    INSERT INTO "Evidence" (id, "lineageId", version, "controlId", title, description, "effectiveDate", source, "commitSha",
                            "fileSha256", "fileName", url, status, "reviewedById", "reviewedAt", "reviewReason",
                            "withdrawnReason", "withdrawnAt", "uploadedById", "uploadedByTokenId", "uploadedAt")
    SELECT s.id, s.id, 1, c.ids[1 + s.g % array_length(c.ids, 1)],
           c.codes[1 + s.g % array_length(c.ids, 1)] || ' evidence ' || s.g || ' (' || to_char(s.eff, 'YYYY-MM-DD') || ')',
           'Export of the ' || to_char(s.eff, 'Month YYYY') || ' run, attached by the benchmark seed.',
           s.eff, s.src::"EvidenceSource", CASE WHEN s.src = 'API' THEN md5(s.g::text) END,
           CASE WHEN s.has_file THEN encode(sha256(convert_to('bench-file-' || (1 + s.h1 % ${STORED_FILES}), 'UTF8')), 'hex') END,
           CASE WHEN s.has_file THEN 'evidence-' || s.g || '.pdf' END,
           CASE WHEN NOT s.has_file THEN 'https://ci.example.com/runs/' || s.g END,
           s.st::"EvidenceStatus",
           CASE WHEN s.st IN ('ACCEPTED', 'REJECTED') THEN reviewer.id END,
           CASE WHEN s.st IN ('ACCEPTED', 'REJECTED') THEN s.up + interval '1 day' END,
           CASE WHEN s.st = 'REJECTED' THEN 'The export is for the wrong period.' END,
           CASE WHEN s.st = 'WITHDRAWN' THEN 'Uploaded by mistake.' END,
           CASE WHEN s.st = 'WITHDRAWN' THEN s.up + interval '2 hours' END,
           CASE WHEN s.src <> 'API' THEN u.ids[1 + s.h2 % array_length(u.ids, 1)] END,
           CASE WHEN s.src = 'API' THEN t.ids[1 + s.h3 % array_length(t.ids, 1)] END,
           s.up
    FROM s, c, u, t, reviewer`);
  await db.$executeRawUnsafe(`
    WITH e AS (SELECT id, row_number() OVER (ORDER BY "uploadedAt", id) AS rn FROM "Evidence"),
         f AS (SELECT array_agg(id ORDER BY slug) AS ids FROM (SELECT id, slug FROM "Feature" ORDER BY slug LIMIT 200) AS first)
    INSERT INTO "EvidenceFeature" ("evidenceId", "featureId")
    SELECT e.id, f.ids[1 + abs(hashint4(e.rn::int + k)) % 200]
    FROM e, f, generate_series(0, 1) AS k
    WHERE e.rn % 25 = 0 AND (k = 0 OR e.rn % 50 = 0)
    ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe("ANALYZE");
  const [counts] = await db.$queryRawUnsafe<{ evidence: number; links: number }[]>(
    `SELECT (SELECT count(*)::int FROM "Evidence") AS evidence, (SELECT count(*)::int FROM "EvidenceFeature") AS links`,
  );
  console.log(
    `seeded ${counts.evidence} evidence rows, ${counts.links} feature links, ${STORED_FILES} stored files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The cursor GET /api/v1/evidence would return after `offset` rows (newest upload first). */
async function cursorAt(db: Db, offset: number): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ uploadedAt: Date; id: string }[]>(
    `SELECT "uploadedAt", id::text FROM "Evidence" ORDER BY "uploadedAt" DESC, id DESC OFFSET ${offset} LIMIT 1`,
  );
  return Buffer.from(`${row.uploadedAt.toISOString()}|${row.id}`).toString("base64url");
}

export async function benchEvidenceTable(db: Db, { listEvidencePage, listEvidenceByCursor }: Queries): Promise<Timing[]> {
  const { EVERYTHING } = await import("@/lib/auth/scope");
  console.log(
    `\nEvidence table at ${EVIDENCE_ROWS.toLocaleString("en")} rows (listEvidencePage: count + one page of 25; target p95 < ${TARGET_MS} ms)`,
  );
  const [busiest] = await db.$queryRawUnsafe<{ slug: string; n: number }[]>(
    `SELECT f.slug, count(*)::int AS n FROM "EvidenceFeature" ef JOIN "Feature" f ON f.id = ef."featureId"
     GROUP BY f.slug ORDER BY n DESC, f.slug LIMIT 1`,
  );
  // With BENCH_EXPLAIN=1, each case's SQL is printed with its plan before it is timed.
  const measure = async (label: string, fn: () => Promise<unknown>) => {
    if (explainEnabled()) await explain(db, label, fn);
    return time(label, fn);
  };
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const page = { sort: "uploaded", dir: "desc", page: 1 } as const;
  const timings = [
    await measure("first page, by upload time", () => listEvidencePage(page, EVERYTHING)),
    await measure("page 2000, by upload time", () => listEvidencePage({ ...page, page: 2000 }, EVERYTHING)),
    await measure("sorted by effective date", () => listEvidencePage({ ...page, sort: "effective" }, EVERYTHING)),
    await measure("filtered: control AI-SEC-05", () => listEvidencePage({ ...page, control: "AI-SEC-05" }, EVERYTHING)),
    await measure("filtered: accepted, 90-180 days ago", () =>
      listEvidencePage({ ...page, status: "ACCEPTED", from: day(180), to: day(90) }, EVERYTHING),
    ),
    await measure(`filtered: feature (${busiest.n} rows)`, () => listEvidencePage({ ...page, feature: busiest.slug }, EVERYTHING)),
    await measure("filtered: uploader 'alice'", () => listEvidencePage({ ...page, uploader: "alice" }, EVERYTHING)),
  ];
  console.log("\nEvidence API list (listEvidenceByCursor: keyset page of 50, newest first)");
  const deep = await cursorAt(db, 50_000);
  timings.push(
    await measure("first page", () => listEvidenceByCursor({ limit: 50 }, EVERYTHING)),
    await measure("cursor 50,000 rows in", () => listEvidenceByCursor({ limit: 50, cursor: deep }, EVERYTHING)),
  );
  const misses = timings.filter((t) => t.p95 >= TARGET_MS);
  console.log(
    `p95 < ${TARGET_MS} ms: ${verdict(misses.length === 0)}${misses.length ? ` (missed: ${misses.map((t) => t.label).join("; ")})` : ""}`,
  );
  return timings;
}
