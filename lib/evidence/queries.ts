import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { evidenceWhere, type Scope } from "@/lib/auth/scope";
import { evidenceInclude, evidenceToJson, tokenNamesFor } from "@/lib/evidence/service";
import type { EvidenceListFilters } from "@/lib/validations/evidence";
import { EVIDENCE_PAGE_SIZE, type EvidenceSort } from "@/lib/validations/evidence-table";

// Reading evidence: the API's keyset pages (newest upload first) and the evidence table's
// numbered pages with sorting. Both filter in SQL and fetch one page.

type Filters = Omit<EvidenceListFilters, "cursor" | "limit">;

async function whereFor(f: Filters, scope: Scope): Promise<Prisma.EvidenceWhereInput> {
  const and: Prisma.EvidenceWhereInput[] = scope.all ? [] : [evidenceWhere(scope)];
  if (f.control) and.push({ control: { code: f.control } });
  if (f.feature) and.push({ features: { some: { feature: { slug: f.feature } } } });
  if (f.status) and.push({ status: f.status });
  if (f.source) and.push({ source: f.source });
  if (f.from) and.push({ effectiveDate: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ effectiveDate: { lte: new Date(`${f.to}T00:00:00Z`) } });
  if (f.uploader) {
    const name = f.uploader.replace(/^token:/, "");
    const tokens = await db.apiToken.findMany({ where: { name: { contains: name, mode: "insensitive" } }, select: { id: true } });
    and.push({
      OR: [
        { uploadedBy: { email: { contains: f.uploader, mode: "insensitive" } } },
        { uploadedByTokenId: { in: tokens.map((t) => t.id) } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? "")) {
    throw new AppError("VALIDATION", "cursor: This cursor is not one the API returned; start again without it.");
  }
  return { at: date, id };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

/** GET /api/v1/evidence: newest uploads first, keyset pagination on (uploadedAt, id). */
export async function listEvidenceByCursor(f: EvidenceListFilters, scope: Scope) {
  const where = await whereFor(f, scope);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.AND = [
      ...((where.AND as Prisma.EvidenceWhereInput[]) ?? []),
      // The redundant bound lets the (uploadedAt, id) index start the scan at the cursor.
      { uploadedAt: { lte: c.at } },
      { OR: [{ uploadedAt: { lt: c.at } }, { uploadedAt: c.at, id: { lt: c.id } }] },
    ];
  }
  const rows = await db.evidence.findMany({
    where,
    include: evidenceInclude,
    orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const names = await tokenNamesFor(page);
  const last = page.at(-1);
  return {
    items: page.map((r) => evidenceToJson(r, names)),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.uploadedAt, last.id) : null,
  };
}

export { EVIDENCE_PAGE_SIZE, type EvidenceSort };

const ORDER: Record<EvidenceSort, (dir: "asc" | "desc") => Prisma.EvidenceOrderByWithRelationInput[]> = {
  uploaded: (dir) => [{ uploadedAt: dir }],
  effective: (dir) => [{ effectiveDate: dir }, { uploadedAt: "desc" }],
  control: (dir) => [{ control: { code: dir } }, { effectiveDate: "desc" }],
  title: (dir) => [{ title: dir }],
  status: (dir) => [{ status: dir }, { uploadedAt: "desc" }],
};

/** The evidence table: one page of 25, sorted, with the total for the pager. */
export async function listEvidencePage(f: Filters & { sort: EvidenceSort; dir: "asc" | "desc"; page: number }, scope: Scope) {
  const where = await whereFor(f, scope);
  const [total, rows] = await Promise.all([
    db.evidence.count({ where }),
    db.evidence.findMany({
      where,
      include: evidenceInclude,
      orderBy: [...ORDER[f.sort](f.dir), { id: "asc" }],
      skip: (f.page - 1) * EVIDENCE_PAGE_SIZE,
      take: EVIDENCE_PAGE_SIZE,
    }),
  ]);
  const names = await tokenNamesFor(rows);
  return { total, pageCount: Math.max(1, Math.ceil(total / EVIDENCE_PAGE_SIZE)), items: rows.map((r) => evidenceToJson(r, names)) };
}

/**
 * One piece of evidence with every version of its lineage (`evidence`, the API's wire shape), and
 * who uploaded it (`uploader`, not on the wire: the page asks lib/evidence/ownership.ts with it).
 */
export async function evidenceWithVersions(id: string, scope: Scope) {
  // Evidence outside the caller's scope does not exist for them, nor do its versions outside it.
  const row = await db.evidence.findFirst({ where: { AND: [{ id }, evidenceWhere(scope)] }, include: evidenceInclude });
  if (!row) return null;
  const versions = await db.evidence.findMany({
    where: { AND: [{ lineageId: row.lineageId }, evidenceWhere(scope)] },
    select: { id: true, version: true, status: true, uploadedAt: true },
    orderBy: { version: "asc" },
  });
  return {
    evidence: {
      ...evidenceToJson(row, await tokenNamesFor([row])),
      versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, uploadedAt: v.uploadedAt.toISOString() })),
    },
    uploader: { uploadedById: row.uploadedById, uploadedByTokenId: row.uploadedByTokenId },
  };
}

// Awaiting an evidence review: submitted, and the newest version of its lineage.
export const awaitingReview = { status: "SUBMITTED", supersededBy: null } satisfies Prisma.EvidenceWhereInput;

/** How many wait for review (the navigation's badge). */
export function awaitingReviewCount(scope: Scope) {
  return db.evidence.count({ where: { AND: [awaitingReview, evidenceWhere(scope)] } });
}

const REVIEW_QUEUE_PAGE_SIZE = 20;

/**
 * One page of the review queue, oldest upload first. Each item carries who uploaded it, so the page
 * can ask the service's own segregation-of-duties rule (canReviewEvidence) before offering a review.
 */
export async function reviewQueuePage(page: number) {
  const [total, rows] = await Promise.all([
    db.evidence.count({ where: awaitingReview }),
    db.evidence.findMany({
      where: awaitingReview,
      include: evidenceInclude,
      orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REVIEW_QUEUE_PAGE_SIZE,
      take: REVIEW_QUEUE_PAGE_SIZE,
    }),
  ]);
  const names = await tokenNamesFor(rows);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / REVIEW_QUEUE_PAGE_SIZE)),
    items: rows.map((r) => ({
      ...evidenceToJson(r, names),
      uploader: { uploadedById: r.uploadedById, uploadedByTokenId: r.uploadedByTokenId },
    })),
  };
}

/** The evidence a correction would supersede, with whether it already has a newer version; null when unknown. */
export function evidenceToCorrect(id: string) {
  return db.evidence.findUnique({
    where: { id },
    select: { id: true, title: true, version: true, control: { select: { code: true } }, supersededBy: { select: { id: true } } },
  });
}

/** One piece of evidence with its stored file (null for a link), for a download; null outside the caller's scope. */
export function evidenceWithFile(id: string, scope: Scope) {
  return db.evidence.findFirst({ where: { AND: [{ id }, evidenceWhere(scope)] }, include: { file: true } });
}
