import { controlWhere, evidenceWhere, type Scope } from "@/lib/auth/scope";
import { awaitingReview } from "@/lib/evidence/queries";
import "server-only";
import { db } from "@/lib/db";
import type { CATEGORIES } from "@/lib/validations/control";

export interface ControlRow {
  code: string;
  title: string;
  category: string;
  frequency: string;
  designStatus: string;
  owner: string | null;
  operatesSince: string | null;
  criteria: string[];
  custom: boolean;
}

export function isoDate(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export interface ControlFilters {
  category?: string;
  designStatus?: string;
  q?: string;
}

export async function listControls(filters: ControlFilters, scope: Scope): Promise<ControlRow[]> {
  const q = filters.q?.trim();
  const rows = await db.control.findMany({
    where: {
      AND: [controlWhere(scope)],
      category: filters.category as never,
      designStatus: filters.designStatus as never,
      ...(q
        ? {
            OR: [
              { code: { contains: q, mode: "insensitive" } },
              { title: { contains: q, mode: "insensitive" } },
              { description: { contains: q, mode: "insensitive" } },
              { owner: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ cat: { sortOrder: "asc" } }, { code: "asc" }],
    include: { criteria: { select: { criterionId: true }, orderBy: { criterion: { sortOrder: "asc" } } } },
  });
  return rows.map((c) => ({
    code: c.code,
    title: c.title,
    category: c.category,
    frequency: c.frequency,
    designStatus: c.designStatus,
    owner: c.owner,
    operatesSince: isoDate(c.operatesSince),
    criteria: c.criteria.map((x) => x.criterionId),
    custom: c.custom,
  }));
}

/** One control, or null: unknown, or outside the caller's scope (not one of an auditor's periods' categories). */
export async function getControl(code: string, scope: Scope) {
  return db.control.findFirst({
    where: { AND: [{ code }, controlWhere(scope)] },
    include: {
      cat: true,
      criteria: { include: { criterion: true }, orderBy: { criterion: { sortOrder: "asc" } } },
    },
  });
}

/** Every control with its category and criteria, in the matrix's order (GET /api/v1/controls). */
export function listControlDetails(scope: Scope) {
  return db.control.findMany({
    where: controlWhere(scope),
    orderBy: [{ cat: { sortOrder: "asc" } }, { code: "asc" }],
    include: { cat: true, criteria: { include: { criterion: true }, orderBy: { criterion: { sortOrder: "asc" } } } },
  });
}

/** The codes of a category's controls (a bulk mapping decision covers them all). */
export async function controlCodesIn(category: (typeof CATEGORIES)[number]): Promise<string[]> {
  const rows = await db.control.findMany({ where: { category }, select: { code: true }, orderBy: { code: "asc" } });
  return rows.map((c) => c.code);
}

/** What the evidence upload form offers: every control, and whether it is a validity control. */
export function uploadControlChoices() {
  return db.control.findMany({ select: { code: true, title: true, frequency: true }, orderBy: { code: "asc" } });
}

export type ControlDetail = NonNullable<Awaited<ReturnType<typeof getControl>>>;

/** The wire shape of the API (docs/product.md, "Wire names"). */
export function controlToJson(c: ControlDetail) {
  return {
    code: c.code,
    title: c.title,
    description: c.description,
    category: c.category,
    criteria: c.criteria.map((x) => x.criterionId),
    expectedEvidence: c.expectedEvidence,
    frequency: c.frequency,
    designStatus: c.designStatus,
    justification: c.justification,
    operatesSince: isoDate(c.operatesSince),
    owner: c.owner,
    notes: c.notes,
    custom: c.custom,
  };
}

/** A control's evidence awaiting review (submitted, the newest of its lineage) that the caller's scope holds, oldest upload first. */
export function controlAwaitingReview(code: string, scope: Scope) {
  return db.evidence.findMany({
    where: { AND: [awaitingReview, { control: { code } }, evidenceWhere(scope)] },
    select: { id: true, title: true, effectiveDate: true, uploadedAt: true, uploadedById: true, uploadedByTokenId: true },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
}
