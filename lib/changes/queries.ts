import { featureWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { evaluatedChanges, evaluationsOf, type ChangeEvaluation } from "@/lib/changes/evaluation";
import { EVALUATION_STATES, type EvaluationState } from "@/lib/coverage/evaluation";
import { organisationTimeZone } from "@/lib/org-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANGE_PAGE_SIZE, type ChangeListQuery } from "@/lib/validations/change";

// The change list with its audit-day cross-reference: a change is evaluated when accepted AI-PI-02
// evidence names the same commit or pull request and is effective by its merge day
// (lib/coverage/evaluation.ts is the rule; lib/changes/evaluation.ts computes it in SQL).

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

/** The wire shape (docs/product.md, "Wire names"): `covered` means evaluated before release (lib/coverage/evaluation.ts). */
function changeToJson(c: ChangeRow, evaluation: ChangeEvaluation | undefined) {
  const state = evaluation?.state ?? "NONE";
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
    covered: state === "BEFORE_RELEASE",
    evaluation: state,
    evidence: evaluation?.evidence ?? [],
  };
}
export type ChangeJson = ReturnType<typeof changeToJson>;

/** The states a query asks for: `evaluation`, narrowed by the older `covered` (true = before release). */
export function requestedStates(query: Pick<ChangeListQuery, "covered" | "evaluation">): EvaluationState[] | undefined {
  if (query.evaluation === undefined && query.covered === undefined) return undefined;
  return EVALUATION_STATES.filter(
    (state) =>
      (query.evaluation === undefined || state === query.evaluation) &&
      (query.covered === undefined || (state === "BEFORE_RELEASE") === (query.covered === "true")),
  );
}

/** Rows of the page, in the order of `ids`. */
async function rowsById(ids: string[]): Promise<ChangeRow[]> {
  const byId = new Map((await db.change.findMany({ where: { id: { in: ids } }, select })).map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id)!);
}

/** A page of changes, newest merged first, each with its evaluation computed in the database. */
export async function listChanges(
  query: ChangeListQuery,
  scope: Scope,
): Promise<{ items: ChangeJson[]; total: number; pageCount: number }> {
  const timeZone = await organisationTimeZone();
  const { rows: evaluations, total } = await evaluatedChanges(
    { ...query, scope },
    { skip: (query.page - 1) * CHANGE_PAGE_SIZE, take: CHANGE_PAGE_SIZE },
    timeZone,
    requestedStates(query),
  );
  const rows = await rowsById(evaluations.map((e) => e.id));
  return {
    items: rows.map((c, i) => changeToJson(c, evaluations[i])),
    total,
    pageCount: Math.max(1, Math.ceil(total / CHANGE_PAGE_SIZE)),
  };
}

/** Every change matching the filters (not one page), for the CSV export, newest merged first. */
export async function allChanges(query: Omit<ChangeListQuery, "page">, scope: Scope): Promise<ChangeJson[]> {
  const { rows: evaluations } = await evaluatedChanges(
    { ...query, scope },
    { skip: 0, take: 1_000_000 },
    await organisationTimeZone(),
    requestedStates(query),
  );
  const items: ChangeJson[] = [];
  for (let i = 0; i < evaluations.length; i += 5000) {
    const chunk = evaluations.slice(i, i + 5000);
    const rows = await rowsById(chunk.map((e) => e.id));
    rows.forEach((c, j) => items.push(changeToJson(c, chunk[j])));
  }
  return items;
}

/** Features a change may name (the form's and the import's select), active ones first. */
export function changeFeatureOptions(scope: Scope) {
  return db.feature.findMany({
    where: featureWhere(scope),
    select: { slug: true, name: true, status: true },
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
}

/** One change in the wire shape, or null. */
export async function getChange(id: string): Promise<ChangeJson | null> {
  const row = await db.change.findUnique({ where: { id }, select });
  if (!row) return null;
  const evaluations = await evaluationsOf([row.id], await organisationTimeZone());
  return changeToJson(row, evaluations.get(row.id));
}
