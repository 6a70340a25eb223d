import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  checkReviewers,
  csvLimitProblem,
  firstErrorMessage,
  indexUsers,
  mapCsvRows,
  mappingProblems,
  matchPrincipal,
  readCsvTable,
  reviewerProblem,
  detectLayout,
  type ColumnMapping,
  type UserIndex,
} from "@/lib/access-reviews/csv";
import { quarterRange } from "@/lib/access-reviews/schedule";
import { futureQuarterProblem, sameQuarterProblem } from "@/lib/access-reviews/quarter-rules";
import { itemAccess } from "@/lib/access-reviews/record";
import { credentialFlags, type IamCredentials } from "@/lib/access-reviews/iam-credentials";
import { organisationToday } from "@/lib/org-time";
import type { AccessReviewInput, ItemInput } from "@/lib/validations/access-review";
import { rolesWith } from "@/lib/permissions";

// Access reviews while they are prepared: create, edit, items by hand, by API or from a
// CSV export, reviewers, start. Each write and its one audit entry commit together. Once started
// (IN_PROGRESS) the items are frozen; decisions and sign-off live in decisions.ts / sign-off.ts.

export const reviewInclude = {
  features: { include: { feature: { select: { slug: true, name: true } } } },
  signedOffBy: { select: { email: true, name: true } },
  createdBy: { select: { email: true, name: true } },
} as const;

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof loadReview>>>;
export type ReviewStatusName = "DRAFT" | "IN_PROGRESS" | "SIGNED_OFF";

/** One access review with its scope (features) and who created / signed it off; null when unknown. */
export function loadReview(tx: Tx | typeof db, id: string) {
  return tx.accessReview.findUnique({ where: { id }, include: reviewInclude });
}

/**
 * Inside a transaction: locks the access review's row (FOR UPDATE) so that a concurrent start, sign-off
 * or import waits, then loads it. Throws NOT_FOUND for an unknown id.
 */
export async function lockReview(tx: Tx, id: string): Promise<ReviewRow> {
  await tx.$queryRaw`SELECT id FROM "AccessReview" WHERE id = ${id}::uuid FOR UPDATE`;
  const review = await loadReview(tx, id);
  if (!review) throw new AppError("NOT_FOUND", `There is no access review ${id}.`);
  return review;
}

const STATUS_WORDS: Record<ReviewStatusName, string> = {
  DRAFT: "still a draft (not started)",
  IN_PROGRESS: "in progress: its items are frozen",
  SIGNED_OFF: "signed off and locked",
};

/** Throws 409 CONFLICT unless the access review is in one of the statuses; `doing` says what was refused. */
export function assertStatus(review: { name: string; status: ReviewStatusName }, allowed: readonly ReviewStatusName[], doing: string) {
  if (!allowed.includes(review.status)) {
    throw new AppError("CONFLICT", `Cannot ${doing}: “${review.name}” is ${STATUS_WORDS[review.status]}. Nothing was changed.`);
  }
}

/** Items can be added, imported, edited or removed only while the access review is a draft. */
export const assertDraft = (review: { name: string; status: ReviewStatusName }, doing: string) => assertStatus(review, ["DRAFT"], doing);

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function reviewToJson(r: ReviewRow, progress: { decided: number; total: number }) {
  return {
    id: r.id,
    name: r.name,
    quarter: r.quarter,
    status: r.status,
    dueDate: day(r.dueDate),
    sameQuarterReason: r.sameQuarterReason,
    resources: r.resources,
    features: r.features.map((f) => f.feature.slug).sort(),
    startedAt: r.startedAt?.toISOString() ?? null,
    signedOffAt: r.signedOffAt?.toISOString() ?? null,
    signedOffBy: r.signedOffBy?.email ?? null,
    signOffName: r.signOffName,
    performedIn: r.performedIn,
    late: r.late,
    evidenceId: r.evidenceId,
    createdBy: r.createdBy?.email ?? null,
    createdAt: r.createdAt.toISOString(),
    progress,
  };
}
export type ReviewJson = ReturnType<typeof reviewToJson>;

/** decided / total for one access review (two counts). */
export async function reviewProgress(tx: Tx | typeof db, reviewId: string) {
  const [total, decided] = await Promise.all([
    tx.accessReviewItem.count({ where: { reviewId } }),
    tx.accessReviewItem.count({ where: { reviewId, decision: { not: null } } }),
  ]);
  return { decided, total };
}

/** Every account, once: the import matches principals and reviewers against it without per-row queries. */
export async function userIndex(tx: Tx | typeof db): Promise<UserIndex> {
  const users = await tx.user.findMany({ select: { id: true, email: true, role: true, disabledAt: true } });
  return indexUsers(users.map((u) => ({ id: u.id, email: u.email, role: u.role, disabled: u.disabledAt !== null })));
}

async function resolveFeatures(tx: Tx, slugs: string[]) {
  const features = slugs.length ? await tx.feature.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
  const unknown = slugs.filter((s) => !features.some((f) => f.slug === s));
  if (unknown.length)
    throw new AppError("VALIDATION", `Unknown feature: ${unknown.join(", ")}.`, { features: [`Unknown: ${unknown.join(", ")}`] });
  return features.map((f) => f.id);
}

/** Throws 422 when the access review's quarter has not started yet (organisation time). */
async function assertQuarterStarted(quarter: string, doing: string) {
  const problem = futureQuarterProblem(quarter, await organisationToday());
  if (problem) throw new AppError("UNPROCESSABLE", `Cannot ${doing}: ${problem} Nothing was changed.`, { quarter: [problem] });
}

/**
 * Checks the quarter rules for an access review being saved (created, or edited when `self` is given)
 * and returns the reason to store: a reason is kept only for a second access review of a quarter.
 * An edit that keeps its quarter is a second access review when an earlier one has that quarter (the
 * first stays the first when others follow); an edit that moves to a quarter with any access review is
 * one. Serialised per quarter (a transaction-scoped advisory lock), so that two access reviews created
 * at once cannot both be "the first" of their quarter.
 */
async function checkQuarter(
  tx: Tx,
  input: AccessReviewInput,
  self: { id: string; quarter: string; createdAt: Date } | null,
): Promise<string | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-review-quarter:${input.quarter}`}::text))`;
  const keeps = self !== null && self.quarter === input.quarter;
  const others = await tx.accessReview.findMany({
    where: {
      quarter: input.quarter,
      ...(self ? { id: { not: self.id } } : {}),
      ...(keeps ? { OR: [{ createdAt: { lt: self.createdAt } }, { createdAt: self.createdAt, id: { lt: self.id } }] } : {}),
    },
    select: { name: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const problem = sameQuarterProblem(input.quarter, others, input.sameQuarterReason);
  if (problem) throw new AppError("UNPROCESSABLE", problem, { sameQuarterReason: [problem] });
  return others.length ? input.sameQuarterReason!.trim() : null;
}

const accessReviewData = (input: AccessReviewInput, sameQuarterReason: string | null) => ({
  name: input.name,
  quarter: input.quarter,
  dueDate: new Date(`${input.dueDate ?? quarterRange(input.quarter).end}T00:00:00Z`),
  resources: [...new Set(input.resources)],
  sameQuarterReason,
});

async function snapshot(tx: Tx, id: string) {
  return reviewToJson((await loadReview(tx, id))!, await reviewProgress(tx, id));
}

export async function createReview(input: AccessReviewInput, { actor }: Principal): Promise<ReviewJson> {
  await assertQuarterStarted(input.quarter, "create the access review");
  return db.$transaction(async (tx) => {
    const featureIds = await resolveFeatures(tx, [...new Set(input.features)]);
    const reason = await checkQuarter(tx, input, null);
    const created = await tx.accessReview.create({
      data: {
        ...accessReviewData(input, reason),
        createdById: actor.kind === "user" ? actor.id : null,
        features: { create: featureIds.map((featureId) => ({ featureId })) },
      },
    });
    const after = await snapshot(tx, created.id);
    await appendAudit(tx, actor, { action: "access-review.created", entityType: "AccessReview", entityId: created.id, after });
    return after;
  });
}

/** Name, quarter, due date and scope; only while a draft. */
export async function updateReview(id: string, input: AccessReviewInput, { actor }: Principal): Promise<ReviewJson> {
  await assertQuarterStarted(input.quarter, "save the access review");
  return db.$transaction(async (tx) => {
    const current = await lockReview(tx, id);
    assertDraft(current, "edit the access review");
    const before = await snapshot(tx, id);
    const featureIds = await resolveFeatures(tx, [...new Set(input.features)]);
    const reason = await checkQuarter(tx, input, current);
    await tx.accessReviewFeature.deleteMany({ where: { reviewId: id } });
    await tx.accessReview.update({
      where: { id },
      data: { ...accessReviewData(input, reason), features: { create: featureIds.map((featureId) => ({ featureId })) } },
    });
    const after = await snapshot(tx, id);
    await appendAudit(tx, actor, { action: "access-review.updated", entityType: "AccessReview", entityId: id, before, after });
    return after;
  });
}

interface NewItem {
  principal: string;
  principalKind: "HUMAN" | "SERVICE" | "ROOT";
  resource: string;
  resourceKind: ItemInput["resourceKind"];
  accessLevel: string;
  source: string;
  reviewer?: string | null;
  raw?: Record<string, string> | null;
  credentials?: IamCredentials | null;
}

const BATCH = 2_000;

/**
 * Inserts items after the access review's last position, in batches of 2,000 (no per-row query):
 * principals are matched to accounts and reviewers resolved from one read of the users.
 * `label(i)` names an entry in errors ("row 4", "item 2"). Returns the number inserted.
 */
async function insertItems(tx: Tx, reviewId: string, items: NewItem[], label: (i: number) => string): Promise<number> {
  const index = await userIndex(tx);
  const problems: string[] = [];
  items.forEach((item, i) => {
    const problem = item.reviewer ? reviewerProblem(item.reviewer, index) : null;
    if (problem) problems.push(`${label(i)}: reviewer: ${problem}`);
  });
  if (problems.length) {
    throw new AppError(
      "VALIDATION",
      `Nothing was added: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`,
      {
        reviewer: problems.slice(0, 50),
      },
    );
  }
  const last = await tx.accessReviewItem.aggregate({ where: { reviewId }, _max: { position: true } });
  const start = (last._max.position ?? -1) + 1;
  // The flags' reference time: the database's time of this import, stored with the facts.
  const [{ asOf }] = await tx.$queryRaw<{ asOf: Date }[]>`SELECT date_trunc('milliseconds', now()) AS "asOf"`;
  const rows: Prisma.AccessReviewItemCreateManyInput[] = items.map((item, i) => ({
    reviewId,
    position: start + i,
    ...itemAccess(item),
    raw: item.raw ?? undefined,
    ...(item.credentials
      ? {
          credentials: item.credentials as unknown as Prisma.InputJsonValue,
          credentialsAsOf: asOf,
          flags: credentialFlags(item.credentials, asOf),
        }
      : { flags: [] }),
    principalUserId: matchPrincipal(item.principal, index)?.id ?? null,
    reviewerId: item.reviewer ? index.byEmail.get(item.reviewer.toLowerCase())!.id : null,
  }));
  // One INSERT ... SELECT FROM jsonb_to_recordset per batch: the rows travel as one JSON parameter.
  // (Measured with `npm run bench -- access-import`: 5,000 rows in about 0.5 s, where createMany
  // with the same batches took about 3.5 s, most of it building the 24,000-parameter statements.)
  for (let i = 0; i < rows.length; i += BATCH) {
    const payload = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.$executeRaw`
      INSERT INTO "AccessReviewItem" (id, "reviewId", position, principal, "principalKind", resource, "resourceKind", "accessLevel", source, raw,
             credentials, "credentialsAsOf", flags, "principalUserId", "reviewerId")
      SELECT gen_random_uuid(), x."reviewId", x.position, x.principal, x."principalKind"::"PrincipalKind", x.resource,
             x."resourceKind"::"ResourceKind", x."accessLevel", x.source, x.raw, x.credentials, x."credentialsAsOf", x.flags::"CredentialFlag"[],
             x."principalUserId", x."reviewerId"
      FROM jsonb_to_recordset(${payload}::jsonb) AS x("reviewId" uuid, position int, principal text, "principalKind" text, resource text,
           "resourceKind" text, "accessLevel" text, source text, raw jsonb, credentials jsonb, "credentialsAsOf" timestamptz, flags text[],
           "principalUserId" uuid, "reviewerId" uuid)`;
  }
  return rows.length;
}

/** Items from the form or the API (a JSON array), all or nothing; one audit entry. */
export function addItems(reviewId: string, items: ItemInput[], { actor }: Principal, via: "form" | "api"): Promise<{ added: number }> {
  return db.$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    assertDraft(review, "add items");
    const added = await insertItems(tx, reviewId, items, (i) => (via === "form" ? "the item" : `item ${i}`));
    await appendAudit(tx, actor, {
      action: "access-review.items-added",
      entityType: "AccessReview",
      entityId: reviewId,
      after: { count: added, via, items: items.length <= 20 ? items : undefined },
    });
    return { added };
  });
}

export interface CsvImportInput {
  text: string;
  fileName: string;
  mapping: ColumnMapping;
  /** The file's bytes as uploaded, when there was a file: the audit entry's SHA-256 is theirs. */
  bytes?: Uint8Array;
}

/** Everything the import checks before writing: the limits, the mapping, each row, the reviewers. */
export function checkCsvImport(input: CsvImportInput, index: UserIndex) {
  const limit = csvLimitProblem(input.text, input.fileName);
  if (limit) throw new AppError("PAYLOAD_TOO_LARGE", limit, { file: [limit] });
  const table = readCsvTable(input.text);
  const fieldProblems = mappingProblems(table.header, input.mapping);
  if (Object.keys(fieldProblems).length) {
    throw new AppError("VALIDATION", `Nothing was imported: ${Object.values(fieldProblems)[0][0]}`, fieldProblems);
  }
  return { table, layout: detectLayout(table.header), ...checkReviewers(mapCsvRows(table, input.mapping), index) };
}

/**
 * A CSV export through a column mapping, all or nothing, in ONE transaction with ONE audit entry
 * (count, file name, SHA-256 of the text). Any bad row: nothing is imported and the message names
 * the first bad row and why.
 */
export function importCsvItems(
  reviewId: string,
  input: CsvImportInput,
  { actor }: Principal,
): Promise<{ imported: number; sha256: string }> {
  return db.$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    assertDraft(review, "import items");
    const checked = checkCsvImport(input, await userIndex(tx));
    if (checked.errors.length)
      throw new AppError("VALIDATION", firstErrorMessage(checked.errors), { file: [firstErrorMessage(checked.errors)] });
    if (checked.items.length === 0) throw new AppError("VALIDATION", "The file has no data rows: nothing to import.");
    const imported = await insertItems(
      tx,
      reviewId,
      checked.items.map((i) => ({ ...i, reviewer: i.reviewerEmail })),
      (i) => `row ${checked.items[i].row}`,
    );
    const sha256 = createHash("sha256")
      .update(input.bytes ?? input.text)
      .digest("hex");
    await appendAudit(tx, actor, {
      action: "access-review.items-imported",
      entityType: "AccessReview",
      entityId: reviewId,
      after: { count: imported, fileName: input.fileName, sha256, layout: checked.layout, mapping: input.mapping },
    });
    return { imported, sha256 };
  });
}

export function removeItem(reviewId: string, itemId: string, { actor }: Principal): Promise<void> {
  return db.$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    assertDraft(review, "remove items");
    const item = await tx.accessReviewItem.findFirst({ where: { id: itemId, reviewId } });
    if (!item) throw new AppError("NOT_FOUND", "That item is not in this access review (already removed?).");
    await tx.accessReviewItem.delete({ where: { id: itemId } });
    await appendAudit(tx, actor, {
      action: "access-review.item-removed",
      entityType: "AccessReview",
      entityId: reviewId,
      before: { id: item.id, principal: item.principal, resource: item.resource, accessLevel: item.accessLevel, source: item.source },
    });
  });
}

export type AssignTarget = { itemIds: string[] } | { unassigned: true };

/**
 * Gives items a reviewer (an enabled engineer, lead or admin): chosen items, or every unassigned
 * one. In a draft any item; in progress only undecided items (a reassignment); never once signed off.
 */
export function assignReviewer(
  reviewId: string,
  target: AssignTarget,
  reviewerEmail: string,
  { actor }: Principal,
): Promise<{ assigned: number; reviewer: string }> {
  return db.$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    assertStatus(review, ["DRAFT", "IN_PROGRESS"], "assign reviewers");
    const index = await userIndex(tx);
    const problem = reviewerProblem(reviewerEmail, index);
    if (problem) throw new AppError("VALIDATION", problem, { reviewer: [problem] });
    const reviewer = index.byEmail.get(reviewerEmail.toLowerCase())!;
    const where: Prisma.AccessReviewItemWhereInput = {
      reviewId,
      ...("unassigned" in target ? { reviewerId: null } : { id: { in: target.itemIds } }),
      ...(review.status === "IN_PROGRESS" ? { decision: null } : {}),
    };
    if (!("unassigned" in target)) {
      const found = await tx.accessReviewItem.count({ where });
      if (found !== target.itemIds.length) {
        throw new AppError(
          review.status === "IN_PROGRESS" ? "CONFLICT" : "NOT_FOUND",
          review.status === "IN_PROGRESS"
            ? "Only undecided items can be given another reviewer; nothing was changed."
            : "Some chosen items are not in this access review; nothing was changed.",
        );
      }
    }
    const { count } = await tx.accessReviewItem.updateMany({ where, data: { reviewerId: reviewer.id } });
    if (count === 0) throw new AppError("CONFLICT", "No item to assign: every item already has a reviewer.");
    await appendAudit(tx, actor, {
      action: "access-review.reviewer-assigned",
      entityType: "AccessReview",
      entityId: reviewId,
      after: {
        reviewer: reviewer.email,
        count,
        ...("unassigned" in target ? { scope: "unassigned" } : { itemIds: target.itemIds.slice(0, 100) }),
      },
    });
    return { assigned: count, reviewer: reviewer.email };
  });
}

/**
 * DRAFT -> IN_PROGRESS: needs at least one item and every item with a reviewer who may decide
 * (an enabled engineer, lead or admin). From then on the items are frozen.
 */
export async function startReview(reviewId: string, { actor }: Principal): Promise<ReviewJson> {
  const today = await organisationToday();
  return db.$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    assertDraft(review, "start the access review");
    // Only an access review saved before the quarter rules can still carry a quarter that has not begun.
    const future = futureQuarterProblem(review.quarter, today);
    if (future) throw new AppError("CONFLICT", `Cannot start the access review: ${future} Edit the access review first.`);
    const total = await tx.accessReviewItem.count({ where: { reviewId } });
    if (total === 0) throw new AppError("CONFLICT", "Add at least one item before starting the access review.");
    const unassigned = await tx.accessReviewItem.count({ where: { reviewId, reviewerId: null } });
    if (unassigned) {
      throw new AppError(
        "CONFLICT",
        `${unassigned} item${unassigned === 1 ? " has" : "s have"} no reviewer yet: assign every item before starting.`,
      );
    }
    const ineligible = await tx.accessReviewItem.count({
      where: { reviewId, reviewer: { OR: [{ role: { notIn: rolesWith("access-reviews:decide") } }, { disabledAt: { not: null } }] } },
    });
    if (ineligible) {
      throw new AppError(
        "CONFLICT",
        `${ineligible} item${ineligible === 1 ? "'s reviewer" : "s' reviewers"} can no longer decide (disabled or an auditor): reassign them before starting.`,
      );
    }
    const before = await snapshot(tx, reviewId);
    const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
    await tx.accessReview.update({ where: { id: reviewId }, data: { status: "IN_PROGRESS", startedAt: now } });
    const after = await snapshot(tx, reviewId);
    const reviewers = await tx.accessReviewItem.groupBy({ by: ["reviewerId"], where: { reviewId } });
    await appendAudit(tx, actor, {
      action: "access-review.started",
      entityType: "AccessReview",
      entityId: reviewId,
      before,
      after: { ...after, reviewers: reviewers.length },
    });
    return after;
  });
}
