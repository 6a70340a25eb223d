import { periodWhere, type Scope } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import type { PeriodInput } from "@/lib/validations/period";
import { readOnlyRoles } from "@/lib/permissions";

// Audit periods: the window a report covers, the categories and features in scope, and the
// auditors who may see it. Each write and its audit entry commit together.

const include = {
  features: { include: { feature: { select: { slug: true } } } },
  auditors: { include: { user: { select: { email: true } } } },
} as const;

type PeriodRow = NonNullable<Awaited<ReturnType<typeof loadPeriod>>>;

export function loadPeriod(tx: Tx | typeof db, id: string) {
  return tx.auditPeriod.findUnique({ where: { id }, include });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The wire shape (docs/product.md, "Wire names"). */
export function periodToJson(p: PeriodRow) {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    start: day(p.start),
    end: day(p.end),
    categories: p.categories,
    features: p.features.map((f) => f.feature.slug).sort(),
    auditors: p.auditors.map((a) => a.user.email).sort(),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type PeriodJson = ReturnType<typeof periodToJson>;

/** Features by slug and auditors by e-mail (who must hold a read-only role: an auditor); unknown ones are named. */
async function resolveScope(tx: Tx, input: PeriodInput) {
  const features = input.features.length
    ? await tx.feature.findMany({ where: { slug: { in: input.features } }, select: { id: true, slug: true } })
    : [];
  const unknownFeatures = input.features.filter((s) => !features.some((f) => f.slug === s));
  if (unknownFeatures.length) {
    throw new AppError("VALIDATION", `Unknown feature: ${unknownFeatures.join(", ")}.`, {
      features: [`Unknown: ${unknownFeatures.join(", ")}`],
    });
  }
  const emails = input.auditors.map((e) => e.toLowerCase());
  const users = emails.length
    ? await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, role: true } })
    : [];
  const problems = emails.flatMap((e) => {
    const u = users.find((x) => x.email === e);
    return !u ? [`${e} has no account`] : !readOnlyRoles().includes(u.role) ? [`${e} is not an auditor`] : [];
  });
  if (problems.length) {
    throw new AppError("VALIDATION", `Auditors: ${problems.join("; ")}. Give access only to accounts with the Auditor role.`, {
      auditors: problems,
    });
  }
  return { featureIds: features.map((f) => f.id), auditorIds: users.map((u) => u.id) };
}

const data = (input: PeriodInput) => ({
  name: input.name,
  type: input.type,
  start: new Date(`${input.start}T00:00:00Z`),
  end: new Date(`${input.end}T00:00:00Z`),
  categories: input.categories,
});

export function createPeriod(input: PeriodInput, { actor }: Principal): Promise<PeriodJson> {
  return db.$transaction(async (tx) => {
    const scope = await resolveScope(tx, input);
    const created = await tx.auditPeriod.create({
      data: {
        ...data(input),
        features: { create: scope.featureIds.map((featureId) => ({ featureId })) },
        auditors: { create: scope.auditorIds.map((userId) => ({ userId })) },
      },
    });
    const after = periodToJson((await loadPeriod(tx, created.id))!);
    await appendAudit(tx, actor, { action: "period.created", entityType: "AuditPeriod", entityId: created.id, after });
    return after;
  });
}

export function updatePeriod(id: string, input: PeriodInput, { actor }: Principal): Promise<PeriodJson> {
  return db.$transaction(async (tx) => {
    const current = await loadPeriod(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `There is no audit period ${id}.`);
    const before = periodToJson(current);
    const scope = await resolveScope(tx, input);
    await tx.auditPeriodFeature.deleteMany({ where: { periodId: id } });
    await tx.auditPeriodAuditor.deleteMany({ where: { periodId: id } });
    await tx.auditPeriod.update({
      where: { id },
      data: {
        ...data(input),
        features: { create: scope.featureIds.map((featureId) => ({ featureId })) },
        auditors: { create: scope.auditorIds.map((userId) => ({ userId })) },
      },
    });
    const after = periodToJson((await loadPeriod(tx, id))!);
    await appendAudit(tx, actor, { action: "period.updated", entityType: "AuditPeriod", entityId: id, before, after });
    return after;
  });
}

/** The periods the scope holds (lib/auth/scope.ts), latest end first. */
export async function listPeriods(scope: Scope): Promise<PeriodJson[]> {
  const rows = await db.auditPeriod.findMany({ where: periodWhere(scope), include, orderBy: [{ end: "desc" }, { name: "asc" }] });
  return rows.map(periodToJson);
}
