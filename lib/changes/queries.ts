import "server-only";
import { db } from "@/lib/db";
import { changeMatcher } from "@/lib/coverage/matching";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANGE_PAGE_SIZE, type ChangeListQuery } from "@/lib/validations/change";

// The change list with its audit-day cross-reference: a change is covered when accepted evidence
// names the same commit or pull request (lib/coverage/matching.ts decides "the same").

const select = {
  id: true,
  kind: true,
  title: true,
  pullRequest: true,
  commitSha: true,
  mergedAt: true,
  approvedBy: true,
  ticket: true,
  feature: { select: { slug: true } },
} as const;

type ChangeRow = Prisma.ChangeGetPayload<{ select: typeof select }>;

/** The wire shape of PRODUCT.md, with the ids of the accepted evidence that covers it. */
function changeToJson(c: ChangeRow, evidence: string[]) {
  return {
    id: c.id,
    kind: c.kind,
    feature: c.feature?.slug ?? null,
    title: c.title,
    pullRequest: c.pullRequest,
    commitSha: c.commitSha,
    mergedAt: c.mergedAt.toISOString(),
    approvedBy: c.approvedBy,
    ticket: c.ticket,
    covered: evidence.length > 0,
    evidence,
  };
}
export type ChangeJson = ReturnType<typeof changeToJson>;

/** Accepted evidence that names a commit or a pull request, loaded once and indexed. */
export async function acceptedEvidenceMatcher() {
  const evidence = await db.evidence.findMany({
    where: { status: "ACCEPTED", OR: [{ commitSha: { not: null } }, { pullRequest: { not: null } }] },
    select: { id: true, commitSha: true, pullRequest: true },
  });
  const match = changeMatcher(evidence.map((e) => ({ ...e, effectiveDate: "", validFrom: null, validUntil: null })));
  return (c: { id: string; mergedAt: Date; commitSha: string | null; pullRequest: string | null }) =>
    match({ id: c.id, mergedAt: c.mergedAt.toISOString(), commitSha: c.commitSha, pullRequest: c.pullRequest });
}

function where(query: ChangeListQuery): Prisma.ChangeWhereInput {
  const mergedAt: Prisma.DateTimeFilter = {};
  if (query.from) mergedAt.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) mergedAt.lt = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.feature ? { feature: { slug: query.feature } } : {}),
    ...(query.from || query.to ? { mergedAt } : {}),
  };
}

const orderBy: Prisma.ChangeOrderByWithRelationInput[] = [{ mergedAt: "desc" }, { createdAt: "desc" }, { id: "asc" }];

/** A page of changes, newest merged first. Filtering on `covered` matches every candidate in memory, then pages. */
export async function listChanges(query: ChangeListQuery): Promise<{ items: ChangeJson[]; total: number; pageCount: number }> {
  const filter = where(query);
  const skip = (query.page - 1) * CHANGE_PAGE_SIZE;
  const coveredBy = await acceptedEvidenceMatcher();
  let rows: ChangeRow[];
  let total: number;
  if (query.covered === undefined) {
    [rows, total] = await Promise.all([
      db.change.findMany({ where: filter, select, orderBy, skip, take: CHANGE_PAGE_SIZE }),
      db.change.count({ where: filter }),
    ]);
  } else {
    const want = query.covered === "true";
    const candidates = await db.change.findMany({
      where: filter,
      select: { id: true, mergedAt: true, commitSha: true, pullRequest: true },
      orderBy,
    });
    const ids = candidates.filter((c) => coveredBy(c).length > 0 === want).map((c) => c.id);
    total = ids.length;
    const pageIds = ids.slice(skip, skip + CHANGE_PAGE_SIZE);
    const byId = new Map((await db.change.findMany({ where: { id: { in: pageIds } }, select })).map((c) => [c.id, c]));
    rows = pageIds.map((id) => byId.get(id)!);
  }
  return {
    items: rows.map((c) => changeToJson(c, coveredBy(c))),
    total,
    pageCount: Math.max(1, Math.ceil(total / CHANGE_PAGE_SIZE)),
  };
}

/** Features a change may name (the form's and the import's select), active ones first. */
export function changeFeatureOptions() {
  return db.feature.findMany({ select: { slug: true, name: true, status: true }, orderBy: [{ status: "asc" }, { name: "asc" }] });
}

/** One change in the wire shape, or null. */
export async function getChange(id: string): Promise<ChangeJson | null> {
  const row = await db.change.findUnique({ where: { id }, select });
  if (!row) return null;
  return changeToJson(row, (await acceptedEvidenceMatcher())(row));
}
