import { db } from "@/lib/db";
import { Prisma, type DesignStatus, type Frequency } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { calendarProbes, coverageForPeriod, coverageSummary } from "@/lib/coverage/period-coverage";
import type { ControlEvidence, CoverageChange, CoverageControl, VendorUse } from "@/lib/coverage/types";
import { kindCountsFor, PACKAGE_KINDS, VENDOR_DOCUMENT_CONTROLS, type PackageKind } from "@/lib/vendors/package";

// Loads what a period's coverage needs and hands it to the pure engine (lib/coverage):
// the in-scope controls (the period's categories), their accepted evidence, and the changes.

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

// Which accepted evidence counts: in each lineage, the newest accepted version (a correction that
// is accepted replaces what it corrects; one still awaiting review does not take anything away).
// An anti-join rather than DISTINCT ON (lineageId): no sort of every row.
const COUNTS = Prisma.sql`e.status = 'ACCEPTED' AND NOT EXISTS (
  SELECT 1 FROM "Evidence" n WHERE n."lineageId" = e."lineageId" AND n.status = 'ACCEPTED' AND n.version > e.version AND n.version > 1)`;

const CALENDAR: Frequency[] = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"];

type LoadedControl = {
  id: string;
  code: string;
  custom: boolean;
  frequency: Frequency;
  designStatus: DesignStatus;
  operatesSince: string | null;
};

/**
 * A vendor's package item counts only for the control whose requirement its kind evidences
 * (kindCountsFor, docs/control-mapping.md): evidence filed as a package item counts when one of its
 * items is of a kind that counts for its control; evidence that is no package item counts as usual.
 * `pairs` are "controlId kind" for every kind that counts for one of the controls.
 */
const countingPairs = (controls: LoadedControl[]) =>
  controls.flatMap((c) => PACKAGE_KINDS.filter((kind) => kindCountsFor(kind, c)).map((kind) => `${c.id} ${kind}`));
// Leaves out evidence filed as package items none of which counts for its control. The set is
// built once per query (an uncorrelated subquery, hashed): package items are few.
const PACKAGE_ITEM_COUNTS = (pairs: string[]) => Prisma.sql`e.id NOT IN (
  SELECT p."evidenceId" FROM "VendorPackageItem" p JOIN "Evidence" x ON x.id = p."evidenceId"
  GROUP BY p."evidenceId", x."controlId"
  HAVING NOT bool_or((x."controlId"::text || ' ' || p.kind::text) = ANY(${pairs}::text[])))`;

/**
 * The evidence the engine needs. Per-event and validity controls get whole rows (commit, pull
 * request, validity interval). Calendar controls need only effective dates: with `listEvidence`
 * every counting row's date and id (the API and the heatmap list the ids per slot); without, one
 * evidence per covered slot, found by an index probe per slot (calendarProbes: the same states and
 * counts, from a few thousand index lookups instead of reading every row).
 */
async function loadEvidence(period: { start: string; end: string }, controls: LoadedControl[], listEvidence: boolean) {
  const calendar = controls.filter((c) => CALENDAR.includes(c.frequency));
  const other = controls.filter((c) => !CALENDAR.includes(c.frequency)).map((c) => c.id);
  const codeOf = new Map(controls.map((c) => [c.id, c.code]));
  const byId = new Map(controls.map((c) => [c.id, c]));
  const pairs = countingPairs(calendar);
  const evidence: ControlEvidence[] = [];
  const dated = (control: string, effectiveDate: string, id: string): ControlEvidence => ({
    id,
    control,
    effectiveDate,
    validFrom: null,
    validUntil: null,
    commitSha: null,
    pullRequest: null,
  });
  const probes = listEvidence ? [] : calendarProbes(period, calendar);
  // The probes go as three integer arrays (control index, first day, last day as day numbers), in
  // PostgreSQL's array syntax: 12,000 probes are three short strings, not 36,000 bound values.
  const probeControls = `{${calendar.map((c) => c.id).join(",")}}`;
  const controlIndex = new Map(calendar.map((c, i) => [c.code, i + 1]));
  const list = (values: number[]) => `{${values.join(",")}}`;
  const [calendarRows, otherRows] = await Promise.all([
    calendar.length === 0
      ? []
      : listEvidence
        ? // One row per control: "date id,date id,..." (packing keeps 100,000 rows from being decoded one by one).
          db.$queryRaw<{ controlId: string; packed: string }[]>`
            SELECT e."controlId", string_agg(e."effectiveDate"::text || ' ' || e.id::text, ',') AS packed
            FROM "Evidence" e WHERE e."controlId" = ANY(${calendar.map((c) => c.id)}::uuid[]) AND ${COUNTS} AND ${PACKAGE_ITEM_COUNTS(pairs)}
            GROUP BY e."controlId"`
        : probes.length === 0
          ? []
          : db.$queryRaw<{ controlId: string; packed: string }[]>`
            SELECT c.ids[s.n] AS "controlId", string_agg(x.d::text || ' ' || x.id::text, ',') AS packed
            FROM (SELECT ${probeControls}::uuid[] AS ids) c,
                 unnest(${list(probes.map((p) => controlIndex.get(p.control)!))}::int[], ${list(probes.map((p) => p.start))}::int[], ${list(probes.map((p) => p.end))}::int[]) AS s(n, a, b)
            CROSS JOIN LATERAL (
              SELECT e."effectiveDate" AS d, e.id FROM "Evidence" e
              WHERE e."controlId" = c.ids[s.n] AND e."effectiveDate" BETWEEN DATE '1970-01-01' + s.a AND DATE '1970-01-01' + s.b AND ${COUNTS}
                AND ${PACKAGE_ITEM_COUNTS(pairs)}
              ORDER BY e."effectiveDate" LIMIT 1
            ) x
            GROUP BY c.ids[s.n]`,
    other.length === 0
      ? []
      : db.$queryRaw<{ controlId: string; rows: string }[]>`
          SELECT e."controlId", json_agg(json_build_array(e.id, e."effectiveDate", e."validFrom", e."validUntil", e."commitSha", e."pullRequest",
            (SELECT json_agg(json_build_array(v.name, p.kind)) FROM "VendorPackageItem" p JOIN "Vendor" v ON v.id = p."vendorId" WHERE p."evidenceId" = e.id)))::text AS rows
          FROM "Evidence" e WHERE e."controlId" = ANY(${other}::uuid[]) AND ${COUNTS}
          GROUP BY e."controlId"`,
  ]);
  for (const row of calendarRows) {
    const control = codeOf.get(row.controlId)!;
    for (const entry of row.packed.split(",")) evidence.push(dated(control, entry.slice(0, 10), entry.slice(11)));
  }
  for (const row of otherRows) {
    const control = byId.get(row.controlId)!;
    type Row = [string, string, string | null, string | null, string | null, string | null, [string, PackageKind][] | null];
    for (const [id, effectiveDate, validFrom, validUntil, commitSha, pullRequest, items] of JSON.parse(row.rows) as Row[]) {
      const base = { id, control: control.code, effectiveDate, validFrom, validUntil, commitSha, pullRequest };
      if (!items) {
        evidence.push(base);
        continue;
      }
      // A package item: the vendors whose document it is, for the kinds that count for this control.
      const vendors = [...new Set(items.filter(([, kind]) => kindCountsFor(kind, control)).map(([vendor]) => vendor))].sort();
      if (vendors.length) evidence.push({ ...base, vendors });
    }
  }
  return evidence;
}

/**
 * The vendors in use by the period's features in scope (all features when the period lists none,
 * as for changes), for per-vendor validity (docs/coverage.md, "Vendor documents"). A feature–vendor
 * link carries no dates, so the strict reading: a feature depends on the vendors it lists on every
 * day up to and including the day it was retired (organisation's calendar), from before the period
 * on (its creation in Attest records when it was inventoried, not when it started using a vendor).
 */
async function loadVendorUse(featureIds: string[], timeZone: string): Promise<VendorUse[]> {
  const features = await db.feature.findMany({
    where: featureIds.length ? { id: { in: featureIds } } : {},
    select: { retiredAt: true, vendors: { select: { vendor: { select: { name: true } } } } },
  });
  return features.flatMap((f) =>
    f.vendors.map((link) => ({ vendor: link.vendor.name, start: null, end: f.retiredAt ? dateIn(timeZone, f.retiredAt) : null })),
  );
}

/**
 * A period's coverage, per in-scope control. `listEvidence: false` gives the same states and
 * counts without the evidence ids in calendar slots (the dashboard and the heatmap need only the
 * numbers); `controls` narrows it to those codes (the heatmap's one opened cell, with its ids).
 */
export async function periodCoverage(periodId: string, options: { today?: string; listEvidence?: boolean; controls?: string[] } = {}) {
  const listEvidence = options.listEvidence ?? true;
  const [period, timeZone] = await Promise.all([
    db.auditPeriod.findUnique({ where: { id: periodId }, include: { features: { select: { featureId: true } } } }),
    organisationTimeZone(),
  ]);
  if (!period) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  const today = options.today ?? dateIn(timeZone);
  const start = day(period.start)!;
  const end = day(period.end)!;

  const controls = (
    await db.control.findMany({
      where: { category: { in: period.categories }, ...(options.controls ? { code: { in: options.controls } } : {}) },
      select: { id: true, code: true, custom: true, frequency: true, designStatus: true, operatesSince: true },
      orderBy: { code: "asc" },
    })
  ).map((c) => ({ ...c, operatesSince: day(c.operatesSince) }));
  // Changes merged in the period (a day of margin each side for time zones), of the features in
  // scope or of no particular feature.
  const featureIds = period.features.map((f) => f.featureId);
  const needsVendors = controls.some((c) => c.frequency === "VALIDITY" && c.designStatus !== "NOT_APPLICABLE");
  const [evidence, vendorUse, changes] = await Promise.all([
    loadEvidence({ start, end }, controls, listEvidence),
    needsVendors ? loadVendorUse(featureIds, timeZone) : [],
    db.change.findMany({
      where: {
        mergedAt: { gte: new Date(period.start.getTime() - 86_400_000), lt: new Date(period.end.getTime() + 2 * 86_400_000) },
        ...(featureIds.length ? { OR: [{ featureId: null }, { featureId: { in: featureIds } }] } : {}),
      },
      select: { id: true, mergedAt: true, commitSha: true, pullRequest: true },
    }),
  ]);
  // A team's own validity control holding vendor documents is counted per vendor too.
  const vendorDocuments = new Set(evidence.filter((e) => e.vendors?.length).map((e) => e.control));
  const items = coverageForPeriod({
    period: { start, end },
    controls: controls.map((c): CoverageControl => ({
      code: c.code,
      frequency: c.frequency,
      designStatus: c.designStatus,
      operatesSince: c.operatesSince,
      perVendor: c.frequency === "VALIDITY" && (c.custom ? vendorDocuments.has(c.code) : VENDOR_DOCUMENT_CONTROLS.includes(c.code)),
    })),
    vendorUse,
    evidence,
    changes: changes.map((c): CoverageChange => ({
      id: c.id,
      mergedAt: c.mergedAt.toISOString(),
      commitSha: c.commitSha,
      pullRequest: c.pullRequest,
    })),
    today,
    timeZone,
    listEvidence,
  });
  return {
    period: { id: period.id, name: period.name, type: period.type, start, end },
    today,
    timeZone,
    summary: coverageSummary(items),
    items,
  };
}

export interface LatestEvidence {
  id: string;
  control: string;
  title: string;
  effectiveDate: string;
}

/**
 * Per control, the latest accepted evidence that counts (COUNTS: the newest accepted version of its
 * lineage) and belongs to the period's window: effective in it, or a document valid on one of its
 * days (the window of lib/auth/scope.ts evidenceWhere). Latest by effective date, then upload.
 * One query for every control (DISTINCT ON over the (controlId, status, effectiveDate) index).
 */
export async function latestCountingEvidence(
  period: { start: string; end: string },
  controlIds: string[],
  excluded: string[] = [],
): Promise<LatestEvidence[]> {
  if (controlIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string; code: string; title: string; effectiveDate: Date }[]>`
    SELECT DISTINCT ON (e."controlId") e.id, c.code, e.title, e."effectiveDate"
    FROM "Evidence" e JOIN "Control" c ON c.id = e."controlId"
    WHERE e."controlId" = ANY(${controlIds}::uuid[]) AND ${COUNTS} AND NOT (e.id = ANY(${excluded}::uuid[]))
      AND (e."effectiveDate" BETWEEN ${period.start}::date AND ${period.end}::date
        OR (e."validFrom" IS NOT NULL AND e."validFrom" <= ${period.end}::date AND (e."validUntil" IS NULL OR e."validUntil" >= ${period.start}::date)))
    ORDER BY e."controlId", e."effectiveDate" DESC, e."uploadedAt" DESC, e.id`;
  return rows.map((r) => ({ id: r.id, control: r.code, title: r.title, effectiveDate: day(r.effectiveDate)! }));
}
