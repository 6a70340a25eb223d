import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { addDays } from "@/lib/coverage/dates";
import { startOfDayIn } from "@/lib/readiness/period";
import { assertPeriodVisible, changeWhere, controlWhere, evidenceWhere, scopeOf } from "@/lib/auth/scope";
import type { Principal } from "@/lib/auth/principal";
import { periodCoverage } from "@/lib/periods/coverage";
import type { SampleKind } from "@/lib/validations/sampling";
import { slotMembers } from "@/lib/sampling/slots";
import type { Population } from "@/lib/sampling/types";

// The population a sample is drawn from (docs/auditors.md, "Sampling"), for a period and one of
// its controls (or all of them). It is the period's, whoever asks: the same for a lead and for an
// auditor given the period, so the same seed draws the same sample for both. The caller's scope
// (lib/auth/scope.ts) narrows every read on top; for an auditor given the period it removes nothing.

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function loadPopulation(
  principal: Principal,
  periodId: string,
  controlCode: string | undefined,
  kind: SampleKind,
): Promise<Population> {
  await assertPeriodVisible(principal, periodId);
  const [scope, period, timeZone] = await Promise.all([
    scopeOf(principal),
    db.auditPeriod.findUnique({ where: { id: periodId }, include: { features: { select: { featureId: true } } } }),
    organisationTimeZone(),
  ]);
  if (!period) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  const start = day(period.start);
  const end = day(period.end);
  const controls = await db.control.findMany({
    where: { AND: [{ category: { in: period.categories } }, controlWhere(scope), controlCode ? { code: controlCode } : {}] },
    select: { id: true, code: true, title: true, frequency: true },
    orderBy: { code: "asc" },
  });
  if (controlCode && controls.length === 0) {
    throw new AppError("NOT_FOUND", `There is no control ${controlCode} in the categories of the period ${period.name}.`);
  }
  const control = controlCode ? controls[0] : null;
  const base = { period: { id: period.id, name: period.name, start, end }, control };
  const featureIds = period.features.map((f) => f.featureId);
  const of = control ? control.code : "every control in the period's categories";
  const window = `${start} to ${end}`;

  if (kind === "slots") {
    const coverage = await periodCoverage(periodId, { controls: controls.map((c) => c.code) });
    const frequencyOf = new Map(controls.map((c) => [c.code, c.frequency]));
    let members = coverage.items.flatMap((item) => slotMembers(item, frequencyOf.get(item.control)!));
    // Evidence the caller cannot open is not named (an auditor's evidence is that of their periods' features).
    if (!scope.all) {
      const ids = [...new Set(members.flatMap((m) => m.evidence))];
      const visible = new Set(
        ids.length === 0
          ? []
          : (await db.evidence.findMany({ where: { AND: [{ id: { in: ids } }, evidenceWhere(scope)] }, select: { id: true } })).map(
              (e) => e.id,
            ),
      );
      members = members.map((m) => ({ ...m, evidence: m.evidence.filter((id) => visible.has(id)) }));
    }
    return {
      ...base,
      kind,
      members,
      today: coverage.today,
      description:
        `The due slots of ${of} in ${period.name} (${window}), as of ${coverage.today}: the coverage's covered and missing slots ` +
        "(validity controls: each due day); slots not yet due or before the control operates are left out.",
    };
  }

  const today = dateIn(timeZone);
  if (kind === "evidence") {
    const rows = await db.evidence.findMany({
      where: { AND: [{ controlId: { in: controls.map((c) => c.id) } }, evidenceOfPeriod(start, end, featureIds), evidenceWhere(scope)] },
      select: {
        id: true,
        title: true,
        effectiveDate: true,
        validFrom: true,
        validUntil: true,
        status: true,
        version: true,
        fileSha256: true,
        uploadedAt: true,
        control: { select: { code: true } },
      },
    });
    return {
      ...base,
      kind,
      today,
      members: rows.map((e) => ({
        id: e.id,
        control: e.control.code,
        title: e.title,
        effectiveDate: day(e.effectiveDate),
        validFrom: e.validFrom ? day(e.validFrom) : null,
        validUntil: e.validUntil ? day(e.validUntil) : null,
        status: e.status,
        version: e.version,
        sha256: e.fileSha256,
        uploadedAt: e.uploadedAt.toISOString(),
      })),
      description:
        `Every piece of evidence of ${of} in ${period.name} (${window}): effective in the window or valid on one of its days, ` +
        "every status (submitted, accepted, rejected, withdrawn) and every version" +
        (featureIds.length ? ", of the period's features or of no feature." : "."),
    };
  }

  // Changes are the population of per-event controls only: each merged change is one of their slots.
  if (control && control.frequency !== "PER_EVENT") {
    const message = `${control.code} is not a per-event control: changes are the population of per-event controls only. Sample its slots or evidence, or choose no control.`;
    throw new AppError("VALIDATION", message, { kind: [message] });
  }
  const startsAt = startOfDayIn(timeZone, start);
  const endsBefore = startOfDayIn(timeZone, addDays(end, 1));
  const rows = await db.change.findMany({
    where: {
      AND: [
        { mergedAt: { gte: startsAt, lt: endsBefore } },
        featureIds.length ? { OR: [{ featureId: null }, { featureId: { in: featureIds } }] } : {},
        changeWhere(scope),
      ],
    },
    select: { id: true, kind: true, title: true, mergedAt: true, commitSha: true, pullRequest: true, feature: { select: { slug: true } } },
  });
  return {
    ...base,
    kind,
    today,
    members: rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      feature: c.feature?.slug ?? null,
      mergedAt: c.mergedAt.toISOString(),
      commitSha: c.commitSha,
      pullRequest: c.pullRequest,
    })),
    description:
      `Every model and prompt change merged in ${period.name} (${window}, ${timeZone})` +
      (featureIds.length ? ", of the period's features or of no feature" : "") +
      (control ? `: the events ${control.code} must evidence.` : "."),
  };
}

/** Evidence of the period: effective in its dates or valid on one of them, of its features (none listed: all) or of none. */
function evidenceOfPeriod(start: string, end: string, featureIds: string[]): Prisma.EvidenceWhereInput {
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  return {
    AND: [
      {
        OR: [
          { effectiveDate: { gte: from, lte: to } },
          { validFrom: { not: null, lte: to }, OR: [{ validUntil: null }, { validUntil: { gte: from } }] },
        ],
      },
      featureIds.length === 0 ? {} : { OR: [{ features: { none: {} } }, { features: { some: { featureId: { in: featureIds } } } }] },
    ],
  };
}

/** What the sample form offers: the period, and the controls in its categories the caller may see. 404 outside the caller's scope. */
export async function sampleChoices(principal: Principal, periodId: string) {
  await assertPeriodVisible(principal, periodId);
  const [scope, period] = await Promise.all([
    scopeOf(principal),
    db.auditPeriod.findUnique({ where: { id: periodId }, select: { id: true, name: true, start: true, end: true, categories: true } }),
  ]);
  if (!period) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  const controls = await db.control.findMany({
    where: { AND: [{ category: { in: period.categories } }, controlWhere(scope)] },
    select: { code: true, title: true, frequency: true },
    orderBy: { code: "asc" },
  });
  return { period: { id: period.id, name: period.name, start: day(period.start), end: day(period.end) }, controls };
}
