// Coverage of a 12-month period with 200 controls and 100,000 accepted evidence rows: the server's
// time for periodCoverage() (load + pure engine), against one hand-written SQL query that computes
// the same expected / covered numbers per control on the same data. The two must agree exactly.
import { time, type Timing } from "./util";

type Db = (typeof import("@/lib/db"))["db"];

export const COVERAGE_CONTROLS = 200;
export const COVERAGE_EVIDENCE = 100_000;
const PERIOD = { start: "2026-01-01", end: "2026-12-31" };
const CALENDAR = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"] as const;

/**
 * 200 controls with calendar frequencies (the guide's 23 plus custom ones; the hand-written SQL
 * covers calendar slots, so per-event and validity controls are set to quarterly here), a third
 * of them operating from a date inside the period, and 100,000 accepted evidence rows spread over
 * the period up to today.
 */
export async function seedCoverage(db: Db, today: string): Promise<string> {
  await db.$executeRawUnsafe(`UPDATE "Control" SET frequency = 'QUARTERLY' WHERE frequency IN ('PER_EVENT', 'VALIDITY')`);
  const existing = await db.control.count();
  await db.$executeRawUnsafe(
    `INSERT INTO "Control" (id, code, title, description, category, frequency, "expectedEvidence", custom, "updatedAt")
     SELECT gen_random_uuid(), 'BENCH-' || lpad(i::text, 3, '0'), 'Bench control ' || i, 'Seeded by npm run bench.',
            (ARRAY['SECURITY','AVAILABILITY','PROCESSING_INTEGRITY','CONFIDENTIALITY','PRIVACY'])[1 + i % 5]::"CategoryCode",
            (ARRAY[${CALENDAR.map((f) => `'${f}'`).join(",")}])[1 + (i * 7) % ${CALENDAR.length}]::"Frequency", 'Anything dated.', true, now()
     FROM generate_series(1, ${COVERAGE_CONTROLS - existing}) i`,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Control" SET "operatesSince" = DATE '2026-01-01' + (abs(hashtext(code)) % 200) WHERE abs(hashtext(code)) % 3 = 0`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, url, status, "uploadedAt")
     SELECT g, g, c.id, 'bench', DATE '${PERIOD.start}' + (abs(hashtext(i::text)) % (DATE '${today}' - DATE '${PERIOD.start}')), 'API',
            'https://bench.example.test/' || i, 'ACCEPTED', now()
     FROM (SELECT i, gen_random_uuid() AS g, (abs(hashtext('c' || i)) % ${COVERAGE_CONTROLS}) AS n FROM generate_series(1, ${COVERAGE_EVIDENCE}) i) e
     JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM "Control") c ON c.n = e.n`,
  );
  await db.$executeRawUnsafe(`ANALYZE`);
  const period = await db.auditPeriod.create({
    data: {
      name: "Bench 2026",
      type: "TYPE_II",
      start: new Date(`${PERIOD.start}T00:00:00Z`),
      end: new Date(`${PERIOD.end}T00:00:00Z`),
      categories: ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"],
    },
  });
  return period.id;
}

/** The same numbers in one query: calendar slots clipped to the window, covered by accepted evidence. */
export function sqlCoverage(db: Db, today: string) {
  return db.$queryRawUnsafe<{ code: string; expected: number; covered: number }[]>(
    `WITH w AS (SELECT DATE '${PERIOD.start}' AS ps, DATE '${PERIOD.end}' AS pe, DATE '${today}' AS today),
     ctl AS (
       SELECT c.id, c.code, c.frequency, GREATEST(w.ps, COALESCE(c."operatesSince", w.ps)) AS ws, w.pe, w.today
       FROM "Control" c, w WHERE c."designStatus" <> 'NOT_APPLICABLE'
     ),
     step AS (
       SELECT ctl.*,
         CASE frequency WHEN 'DAILY' THEN interval '1 day' WHEN 'WEEKLY' THEN interval '7 days' WHEN 'MONTHLY' THEN interval '1 month'
           WHEN 'QUARTERLY' THEN interval '3 months' WHEN 'SEMI_ANNUAL' THEN interval '6 months' ELSE interval '1 year' END AS len,
         CASE frequency WHEN 'DAILY' THEN ws::timestamp WHEN 'WEEKLY' THEN date_trunc('week', ws::timestamp) WHEN 'MONTHLY' THEN date_trunc('month', ws::timestamp)
           WHEN 'QUARTERLY' THEN date_trunc('quarter', ws::timestamp)
           WHEN 'SEMI_ANNUAL' THEN make_date(extract(year FROM ws)::int, CASE WHEN extract(month FROM ws) <= 6 THEN 1 ELSE 7 END, 1)::timestamp
           ELSE date_trunc('year', ws::timestamp) END AS first
       FROM ctl WHERE ws <= pe
     ),
     slots AS (
       SELECT s.code, s.id, GREATEST(g::date, s.ws) AS a, LEAST((g + s.len)::date - 1, s.pe) AS b, s.today
       FROM step s, generate_series(s.first, s.pe::timestamp, s.len) g
     )
     SELECT code,
       count(*) FILTER (WHERE covered OR b < today)::int AS expected,
       count(*) FILTER (WHERE covered)::int AS covered
     FROM (
       SELECT sl.code, sl.b, sl.today, EXISTS (
         SELECT 1 FROM "Evidence" e WHERE e."controlId" = sl.id AND e.status = 'ACCEPTED' AND e."effectiveDate" BETWEEN sl.a AND sl.b
       ) AS covered FROM slots sl
     ) x GROUP BY code ORDER BY code`,
  );
}

export async function benchCoverage(db: Db, periodId: string, today: string): Promise<{ engine: Timing; listed: Timing; sql: Timing }> {
  const { periodCoverage } = await import("@/lib/periods/coverage");
  // First, the two modes and the SQL must agree, control by control.
  const listed = await periodCoverage(periodId, { today });
  const numbers = await periodCoverage(periodId, { today, listEvidence: false });
  const sql = new Map((await sqlCoverage(db, today)).map((r) => [r.code, r]));
  let compared = 0;
  let ids = 0;
  for (const [i, item] of listed.items.entries()) {
    const row = sql.get(item.control) ?? { expected: 0, covered: 0 };
    const other = numbers.items[i];
    if (row.expected !== item.expected || row.covered !== item.covered) {
      throw new Error(`coverage differs for ${item.control}: engine ${item.covered}/${item.expected}, SQL ${row.covered}/${row.expected}`);
    }
    const states = (x: typeof item) => x.slots.map((s) => `${s.start} ${s.end} ${s.state}`).join();
    if (other.control !== item.control || other.status !== item.status || states(other) !== states(item)) {
      throw new Error(`the numbers-only coverage differs from the listed one for ${item.control}`);
    }
    ids += item.slots.reduce((n, s) => n + s.evidence.length, 0);
    compared++;
  }
  console.log(
    `\nCoverage of a 12-month period (${compared} controls, ${COVERAGE_EVIDENCE.toLocaleString("en")} accepted evidence rows); engine (both modes) and SQL agree on every control and slot`,
  );
  const engineTiming = await time("periodCoverage, the numbers (dashboard)", () =>
    periodCoverage(periodId, { today, listEvidence: false }),
  );
  const listedTiming = await time(`periodCoverage, every id listed (API)`, () => periodCoverage(periodId, { today }));
  const sqlTiming = await time("one hand-written SQL query", () => sqlCoverage(db, today));
  const ratio = engineTiming.p50 / sqlTiming.p50;
  console.log(`(the listed mode returns ${ids.toLocaleString("en")} evidence ids in its slots; the SQL and the numbers mode return none)`);
  console.log(
    `ratio numbers / SQL (p50): ${ratio.toFixed(2)} (target ≤ 3) ${ratio <= 3 ? "PASS" : "MISS"}; numbers p95 ${engineTiming.p95.toFixed(0)} ms (target < 300) ${engineTiming.p95 < 300 ? "PASS" : "MISS"}; listed p95 ${listedTiming.p95.toFixed(0)} ms (target < 300) ${listedTiming.p95 < 300 ? "PASS" : "MISS"}`,
  );
  return { engine: engineTiming, listed: listedTiming, sql: sqlTiming };
}
