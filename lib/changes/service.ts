import { db, type Tx } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { MIN_SHA_PREFIX, normaliseCommitSha, normalisePullRequest, sameCommit } from "@/lib/coverage/matching";
import type { ChangeRow, RowError } from "@/lib/changes/csv";
import type { ChangeInput } from "@/lib/validations/change";

// Recording model and prompt changes. A change is written once, with its audit entry in the same
// transaction; an import writes every row or none. The same pull request or commit is never
// recorded twice: a duplicate is reported on its row.

const day = (d: Date) => d.toISOString();

/** The audit-log shape of a change (the wire shape without the computed coverage). */
function auditShape(id: string, input: ChangeInput) {
  return {
    id,
    kind: input.kind,
    feature: input.feature ?? null,
    title: input.title,
    pullRequest: input.pullRequest ?? null,
    commitSha: input.commitSha ?? null,
    mergedAt: day(input.mergedAt),
    approvedBy: input.approvedBy ?? null,
    ticket: input.ticket ?? null,
  };
}

type Recorded = { commitSha: string | null; pullRequest: string | null; label: string };

/** Changes already recorded that may share a commit or pull request with the rows (narrowed in SQL, decided in memory). */
async function recordedLike(tx: Tx, rows: readonly ChangeRow[]): Promise<Recorded[]> {
  const prefixes = [...new Set(rows.flatMap((r) => (r.input.commitSha ? [r.input.commitSha.slice(0, MIN_SHA_PREFIX)] : [])))];
  const numbers = [...new Set(rows.flatMap((r) => normalisePullRequest(r.input.pullRequest) ?? []))];
  const or = [
    ...prefixes.map((p) => ({ commitSha: { startsWith: p, mode: "insensitive" as const } })),
    ...numbers.map((n) => ({ pullRequest: { contains: n, mode: "insensitive" as const } })),
  ];
  if (or.length === 0) return [];
  const found = await tx.change.findMany({ where: { OR: or }, select: { title: true, commitSha: true, pullRequest: true } });
  return found.map((c) => ({ commitSha: c.commitSha, pullRequest: c.pullRequest, label: `already recorded (“${c.title}”)` }));
}

type Problem = { field: "feature" | "commitSha" | "pullRequest"; message: string };

function duplicateOf(input: ChangeInput, others: readonly Recorded[]): Problem | null {
  const sha = normaliseCommitSha(input.commitSha);
  const pr = normalisePullRequest(input.pullRequest);
  for (const other of others) {
    const otherSha = normaliseCommitSha(other.commitSha);
    if (sha && otherSha && sameCommit(sha, otherSha))
      return { field: "commitSha", message: `Commit ${input.commitSha} is ${other.label}.` };
    if (pr && pr === normalisePullRequest(other.pullRequest))
      return { field: "pullRequest", message: `Pull request ${input.pullRequest} is ${other.label}.` };
  }
  return null;
}

/** Per-row problems that need the database: an unknown feature, or a duplicate (recorded, or earlier in the same batch). */
async function checkRows(tx: Tx, rows: readonly ChangeRow[]) {
  const slugs = [...new Set(rows.flatMap((r) => r.input.feature ?? []))];
  const features = slugs.length ? await tx.feature.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
  const featureIds = new Map(features.map((f) => [f.slug, f.id]));
  const recorded = await recordedLike(tx, rows);
  const seen: Recorded[] = [];
  const problems: { row: number; problems: Problem[] }[] = [];
  for (const { row, input } of rows) {
    const found: Problem[] = [];
    if (input.feature && !featureIds.has(input.feature))
      found.push({ field: "feature", message: `There is no feature “${input.feature}” in the inventory.` });
    const duplicate = duplicateOf(input, recorded) ?? duplicateOf(input, seen);
    if (duplicate) found.push(duplicate);
    if (found.length) problems.push({ row, problems: found });
    seen.push({ commitSha: input.commitSha ?? null, pullRequest: input.pullRequest ?? null, label: `also on row ${row}` });
  }
  return { problems, featureIds };
}

/** The rows' problems that need the database (for an import preview); writes nothing. */
export async function checkChangeRows(rows: readonly ChangeRow[]): Promise<RowError[]> {
  const { problems } = await db.$transaction((tx) => checkRows(tx, rows));
  return problems.map((p) => ({ row: p.row, messages: p.problems.map((x) => `${x.field}: ${x.message}`) }));
}

/** Thrown when any row is refused: the message names the first, `fieldErrors` every one ("row 3": [...]). */
export function rowsRefused(errors: readonly RowError[], what = "Nothing was imported"): AppError {
  const first = errors[0];
  return new AppError(
    "VALIDATION",
    first.row === 0
      ? `${what}: ${first.messages.join(" ")}`
      : `${what}: ${errors.length} row${errors.length === 1 ? "" : "s"} refused; row ${first.row}: ${first.messages.join(" ")}`,
    Object.fromEntries(errors.map((e) => [e.row === 0 ? "file" : `row ${e.row}`, e.messages])),
  );
}

async function writeRows(tx: Tx, rows: readonly ChangeRow[], featureIds: Map<string, string>, actor: Actor): Promise<string[]> {
  const ids: string[] = [];
  for (const { input } of rows) {
    const created = await tx.change.create({
      data: {
        kind: input.kind,
        featureId: input.feature ? featureIds.get(input.feature)! : null,
        title: input.title,
        pullRequest: input.pullRequest ?? null,
        commitSha: input.commitSha ?? null,
        mergedAt: input.mergedAt,
        approvedBy: input.approvedBy ?? null,
        ticket: input.ticket ?? null,
      },
      select: { id: true },
    });
    await appendAudit(tx, actor, {
      action: "change.created",
      entityType: "Change",
      entityId: created.id,
      after: auditShape(created.id, input),
    });
    ids.push(created.id);
  }
  return ids;
}

/** Records one change; an unknown feature or a duplicate is a VALIDATION error on the field. */
export function createChange(input: ChangeInput, { actor }: Principal): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { problems, featureIds } = await checkRows(tx, [{ row: 1, input }]);
    if (problems.length) {
      const found = problems[0].problems;
      const fieldErrors: Record<string, string[]> = {};
      for (const p of found) (fieldErrors[p.field] ??= []).push(p.message);
      throw new AppError(found[0].field === "feature" ? "VALIDATION" : "CONFLICT", found.map((p) => p.message).join(" "), fieldErrors);
    }
    const [id] = await writeRows(tx, [{ row: 1, input }], featureIds, actor);
    return { id };
  });
}

/** Records every row in one transaction, or none: any refused row throws `rowsRefused`. */
export function importChanges(rows: readonly ChangeRow[], { actor }: Principal): Promise<{ created: number; ids: string[] }> {
  if (rows.length === 0) return Promise.reject(new AppError("VALIDATION", "There are no changes to import."));
  return db.$transaction(
    async (tx) => {
      const { problems, featureIds } = await checkRows(tx, rows);
      if (problems.length) {
        throw rowsRefused(problems.map((p) => ({ row: p.row, messages: p.problems.map((x) => `${x.field}: ${x.message}`) })));
      }
      const ids = await writeRows(tx, rows, featureIds, actor);
      return { created: ids.length, ids };
    },
    { timeout: 60_000 },
  );
}
