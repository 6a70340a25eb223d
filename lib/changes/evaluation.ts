import { changeScopeSql, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { EVALUATION_CONTROL, type EvaluationState } from "@/lib/coverage/evaluation";
import { Prisma } from "@/lib/generated/prisma/client";

// The evaluation cross-reference computed in the database: the SQL form of
// lib/coverage/evaluation.ts (the bench and e2e/changes-evaluation.spec.ts check that both agree).
// A change is matched to accepted evidence of AI-PI-02 naming the same pull request (equal keys)
// or the same commit (equal, or one SHA a 7+ character prefix of the other: both then share their
// first 7 characters, so that is a hash join too); the merge day is the organisation's.

export interface ChangeFilter {
  kind?: string;
  feature?: string;
  /** Inclusive calendar dates, compared with the merge instant in UTC (the list's own columns). */
  from?: string;
  to?: string;
  /** Merged at or after this instant and before `mergedBefore` (an audit period's days in the organisation's time zone). */
  mergedFrom?: Date;
  mergedBefore?: Date;
  /** Changes of these features or of no particular feature (an audit period's scope); absent: every change. */
  featureIds?: readonly string[];
  /** The caller's scope (lib/auth/scope.ts): an auditor's changes are those merged in their periods. */
  scope?: Scope;
}

export interface ChangeEvaluation {
  id: string;
  state: EvaluationState;
  /** Ids of the matching AI-PI-02 evidence: the evaluations before release, or else those after it. */
  evidence: string[];
}

function whereSql(filter: ChangeFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.kind) parts.push(Prisma.sql`c."kind"::text = ${filter.kind}`);
  if (filter.feature) parts.push(Prisma.sql`c."featureId" = (SELECT f.id FROM "Feature" f WHERE f.slug = ${filter.feature})`);
  if (filter.from) parts.push(Prisma.sql`c."mergedAt" >= ${filter.from}::date::timestamp AT TIME ZONE 'UTC'`);
  if (filter.to) parts.push(Prisma.sql`c."mergedAt" < (${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  if (filter.mergedFrom) parts.push(Prisma.sql`c."mergedAt" >= ${filter.mergedFrom}`);
  if (filter.mergedBefore) parts.push(Prisma.sql`c."mergedAt" < ${filter.mergedBefore}`);
  if (filter.featureIds?.length) {
    parts.push(
      Prisma.sql`(c."featureId" IS NULL OR c."featureId" IN (${Prisma.join(filter.featureIds.map((id) => Prisma.sql`${id}::uuid`))}))`,
    );
  }
  if (filter.scope) parts.push(changeScopeSql(filter.scope));
  return Prisma.join(parts, " AND ");
}

const ORDER = Prisma.sql`ORDER BY c."mergedAt" DESC, c."createdAt" DESC, c.id ASC`;

const sameCommit = Prisma.sql`e."commitPrefix" = k.prefix AND (e."commitKey" = k.sha OR (length(e."commitKey") >= 7 AND length(k.sha) >= 7
  AND (starts_with(e."commitKey", k.sha) OR starts_with(k.sha, e."commitKey"))))`;
const isEvaluation = Prisma.sql`e."controlId" = (SELECT id FROM "Control" WHERE code = ${EVALUATION_CONTROL}) AND e.status = 'ACCEPTED'`;

/** The changes that `changes` selects (columns of "Change"), keyed: a CTE `k`. */
function keyed(changes: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`
    WITH c AS (${changes}),
    k AS (
      SELECT c.id, c."mergedAt", c."createdAt", (c."mergedAt" AT TIME ZONE ${timeZone})::date AS merge_day,
             c."commitKey" AS sha, c."commitPrefix" AS prefix, c."pullRequestKey" AS pr
      FROM c
    )`;
}

/**
 * Each change's state and evidence (CTE `s`): a page of changes, each looked up through the
 * indexes on the evidence's keys (a nested loop over a few rows).
 */
function withEvidenceSql(changes: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`${keyed(changes, timeZone)},
    m AS (
      SELECT k.id AS change_id, e.id AS evidence_id, e."effectiveDate" <= k.merge_day AS before
      FROM k JOIN "Evidence" e ON ${isEvaluation} AND (e."pullRequestKey" = k.pr OR (${sameCommit}))
    ),
    w AS (SELECT m.*, bool_or(m.before) OVER (PARTITION BY m.change_id) AS any_before FROM m),
    s AS (
      SELECT k.id, k."mergedAt", k."createdAt",
        CASE WHEN bool_or(w.before) THEN 'BEFORE_RELEASE' WHEN count(w.evidence_id) > 0 THEN 'AFTER_RELEASE' ELSE 'NONE' END AS state,
        COALESCE(array_agg(w.evidence_id::text ORDER BY w.evidence_id::text COLLATE "C") FILTER (WHERE w.before = w.any_before), '{}') AS evidence
      FROM k LEFT JOIN w ON w.change_id = k.id
      GROUP BY k.id, k."mergedAt", k."createdAt"
    )`;
}

/**
 * Each change's state alone (CTE `s`), for every candidate of a filter: two hash joins on the
 * keys over the accepted evaluations, one pass.
 */
function statesSql(changes: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`${keyed(changes, timeZone)},
    e AS (SELECT e.* FROM "Evidence" e WHERE ${isEvaluation} AND (e."commitKey" IS NOT NULL OR e."pullRequestKey" IS NOT NULL)),
    m AS (
      SELECT k.id AS change_id, e."effectiveDate" <= k.merge_day AS before FROM k JOIN e ON e."pullRequestKey" = k.pr
      UNION ALL
      SELECT k.id, e."effectiveDate" <= k.merge_day FROM k JOIN e ON ${sameCommit}
    ),
    st AS (SELECT change_id, bool_or(before) AS any_before FROM m GROUP BY change_id),
    s AS (
      SELECT k.id, k."mergedAt", k."createdAt",
        CASE WHEN st.any_before THEN 'BEFORE_RELEASE' WHEN st.change_id IS NOT NULL THEN 'AFTER_RELEASE' ELSE 'NONE' END AS state
      FROM k LEFT JOIN st ON st.change_id = k.id
    )`;
}

interface Row {
  id: string;
  state: EvaluationState;
  evidence: string[];
}

/**
 * A page of changes matching `filter` (newest merged first) with their evaluation, and the number
 * matching in all. With `states`, only changes in one of those states: the states of every
 * candidate are computed in one query (so the filter and its total are exact), then the page's
 * evidence.
 */
export async function evaluatedChanges(
  filter: ChangeFilter,
  page: { skip: number; take: number },
  timeZone: string,
  states?: readonly EvaluationState[],
): Promise<{ rows: ChangeEvaluation[]; total: number }> {
  const where = whereSql(filter);
  if (!states) {
    // The page first, then its states: no need to evaluate every change to show 25.
    const changes = Prisma.sql`SELECT c.* FROM "Change" c WHERE ${where} ${ORDER} OFFSET ${page.skip} LIMIT ${page.take}`;
    const [rows, [{ total }]] = await Promise.all([
      db.$queryRaw<Row[]>`${withEvidenceSql(changes, timeZone)} SELECT c.id, c.state, c.evidence FROM s AS c ${ORDER}`,
      db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Change" c WHERE ${where}`,
    ]);
    return { rows, total: Number(total) };
  }
  const changes = Prisma.sql`SELECT c.* FROM "Change" c WHERE ${where}`;
  const wanted = Prisma.sql`c.state IN (${Prisma.join([...states])})`;
  // One pass: the page and, beside each row, how many match in all.
  const pageRows = await db.$queryRaw<{ id: string; total: bigint }[]>`${statesSql(changes, timeZone)}
    SELECT c.id, count(*) OVER () AS total FROM s AS c WHERE ${wanted} ${ORDER} OFFSET ${page.skip} LIMIT ${page.take}`;
  let total = Number(pageRows[0]?.total ?? 0);
  if (pageRows.length === 0 && page.skip > 0) {
    // Past the last page: no rows to carry the total, which still has to be told.
    const [count] = await db.$queryRaw<{ total: bigint }[]>`${statesSql(changes, timeZone)}
      SELECT count(*) AS total FROM s AS c WHERE ${wanted}`;
    total = Number(count.total);
  }
  const evaluations = await evaluationsOf(
    pageRows.map((r) => r.id),
    timeZone,
  );
  return { rows: pageRows.map((r) => evaluations.get(r.id)!), total };
}

/** The evaluation of the given changes (any order), by id. */
export async function evaluationsOf(ids: readonly string[], timeZone: string): Promise<Map<string, ChangeEvaluation>> {
  const result = new Map<string, ChangeEvaluation>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const changes = Prisma.sql`SELECT c.* FROM "Change" c WHERE c.id IN (${Prisma.join(chunk.map((id) => Prisma.sql`${id}::uuid`))})`;
    const rows = await db.$queryRaw<Row[]>`${withEvidenceSql(changes, timeZone)} SELECT s.id, s.state, s.evidence FROM s`;
    for (const row of rows) result.set(row.id, row);
  }
  return result;
}

/** Every change's state by the hash-join form (the bench checks it against the page form). */
export async function allStates(timeZone: string): Promise<Map<string, EvaluationState>> {
  const rows = await db.$queryRaw<{ id: string; state: EvaluationState }[]>`${statesSql(Prisma.sql`SELECT c.* FROM "Change" c`, timeZone)}
    SELECT s.id, s.state FROM s`;
  return new Map(rows.map((r) => [r.id, r.state]));
}
