import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { coverageForPeriod, coverageSummary } from "@/lib/coverage/period-coverage";
import type { ControlEvidence, CoverageChange, CoverageControl } from "@/lib/coverage/types";

// Loads what a period's coverage needs and hands it to the pure engine (lib/coverage):
// the in-scope controls (the period's categories), their accepted evidence, and the changes.

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Which accepted evidence counts: in each lineage, the newest accepted version (a correction that
 * is accepted replaces what it corrects; one still awaiting review does not take anything away).
 */
export async function periodCoverage(periodId: string, options: { today?: string } = {}) {
  const period = await db.auditPeriod.findUnique({ where: { id: periodId }, include: { features: { select: { featureId: true } } } });
  if (!period) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  const timeZone = await organisationTimeZone();
  const today = options.today ?? dateIn(timeZone);
  const start = day(period.start)!;
  const end = day(period.end)!;

  const controls = await db.control.findMany({
    where: { category: { in: period.categories } },
    select: { id: true, code: true, frequency: true, designStatus: true, operatesSince: true },
    orderBy: { code: "asc" },
  });
  // One row per control, its accepted evidence as a JSON array: 200 rows to decode instead of
  // 100,000 (decoding row by row dominated the time at that scale).
  const rows = await db.$queryRaw<{ code: string; evidence: string }[]>`
    SELECT c.code, json_agg(json_build_array(v.id, v."effectiveDate", v."validFrom", v."validUntil", v."commitSha", v."pullRequest"))::text AS evidence
    FROM (
      SELECT DISTINCT ON (e."lineageId") e.id, e."controlId", e."effectiveDate", e."validFrom", e."validUntil", e."commitSha", e."pullRequest"
      FROM "Evidence" e
      WHERE e.status = 'ACCEPTED' AND e."controlId" IN (SELECT id FROM "Control" WHERE category::text = ANY(${period.categories as string[]}))
      ORDER BY e."lineageId", e.version DESC
    ) v JOIN "Control" c ON c.id = v."controlId"
    GROUP BY c.code`;
  const evidence: ControlEvidence[] = [];
  for (const row of rows) {
    for (const [id, effectiveDate, validFrom, validUntil, commitSha, pullRequest] of JSON.parse(row.evidence) as (string | null)[][]) {
      evidence.push({ id: id!, control: row.code, effectiveDate: effectiveDate!, validFrom, validUntil, commitSha, pullRequest });
    }
  }
  // Changes merged in the period (a day of margin each side for time zones), of the features in
  // scope or of no particular feature.
  const featureIds = period.features.map((f) => f.featureId);
  const changes = await db.change.findMany({
    where: {
      mergedAt: { gte: new Date(period.start.getTime() - 86_400_000), lt: new Date(period.end.getTime() + 2 * 86_400_000) },
      ...(featureIds.length ? { OR: [{ featureId: null }, { featureId: { in: featureIds } }] } : {}),
    },
    select: { id: true, mergedAt: true, commitSha: true, pullRequest: true },
  });
  const items = coverageForPeriod({
    period: { start, end },
    controls: controls.map((c): CoverageControl => ({
      code: c.code,
      frequency: c.frequency,
      designStatus: c.designStatus,
      operatesSince: day(c.operatesSince),
    })),
    evidence,
    changes: changes.map((c): CoverageChange => ({
      id: c.id,
      mergedAt: c.mergedAt.toISOString(),
      commitSha: c.commitSha,
      pullRequest: c.pullRequest,
    })),
    today,
    timeZone,
  });
  return {
    period: { id: period.id, name: period.name, type: period.type, start, end },
    today,
    timeZone,
    summary: coverageSummary(items),
    items,
  };
}
