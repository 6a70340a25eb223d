import { db, type Tx } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { MIN_SHA_PREFIX, normaliseCommitSha, normalisePullRequest, sameCommit } from "@/lib/coverage/matching";
import type { ChangeRow, RowError } from "@/lib/changes/csv";
import type { ChangeInput } from "@/lib/validations/change";

// Recording model and prompt changes. A change is written once, with its audit entry in the same
// transaction; an import writes every row it does not skip, or none. The same pull request or commit
// is never recorded twice: one change recorded again is refused (409); an import skips the rows
// already recorded and says how many (docs/changes-import.md), and refuses a row repeating an
// earlier row of the same import.

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

/** A row already recorded: not written again, and said so. */
export interface SkippedRow {
  row: number;
  message: string;
}

/**
 * Per-row problems that need the database: an unknown feature, or a duplicate (recorded, or earlier
 * in the same batch). With `skipRecorded` (an import), a row already recorded is no problem but
 * skipped: "already there" is the same pull request key or the same commit key (one a 7+
 * character prefix of the other), as the evaluation cross-reference matches them.
 */
async function checkRows(tx: Tx, rows: readonly ChangeRow[], { skipRecorded = false } = {}) {
  const slugs = [...new Set(rows.flatMap((r) => r.input.feature ?? []))];
  const features = slugs.length ? await tx.feature.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
  const featureIds = new Map(features.map((f) => [f.slug, f.id]));
  const recorded = await recordedLike(tx, rows);
  const seen: Recorded[] = [];
  const problems: { row: number; problems: Problem[] }[] = [];
  const skipped: SkippedRow[] = [];
  for (const { row, input } of rows) {
    const there = skipRecorded ? duplicateOf(input, recorded) : null;
    if (there) {
      skipped.push({ row, message: there.message });
      continue;
    }
    const found: Problem[] = [];
    if (input.feature && !featureIds.has(input.feature))
      found.push({ field: "feature", message: `There is no feature “${input.feature}” in the inventory.` });
    const duplicate = duplicateOf(input, recorded) ?? duplicateOf(input, seen);
    if (duplicate) found.push(duplicate);
    if (found.length) problems.push({ row, problems: found });
    seen.push({ commitSha: input.commitSha ?? null, pullRequest: input.pullRequest ?? null, label: `also on row ${row}` });
  }
  return { problems, featureIds, skipped };
}

/** The rows' problems that need the database, and the rows an import would skip as already recorded (for a preview); writes nothing. */
export async function checkChangeRows(rows: readonly ChangeRow[]): Promise<{ errors: RowError[]; skipped: SkippedRow[] }> {
  const { problems, skipped } = await db.$transaction((tx) => checkRows(tx, rows, { skipRecorded: true }));
  return { errors: problems.map((p) => ({ row: p.row, messages: p.problems.map((x) => `${x.field}: ${x.message}`) })), skipped };
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

export interface ChangesImported {
  created: number;
  ids: string[];
  /** How many rows were already recorded and so not written again. */
  skipped: number;
  skippedRows: SkippedRow[];
}

/**
 * Records every row not already recorded in one transaction, or none: any refused row throws
 * `rowsRefused`. Rows already recorded are skipped and counted (a list overlapping what is
 * recorded, such as last month's `gh pr list` again, imports only what is new).
 */
export function importChanges(rows: readonly ChangeRow[], { actor }: Principal): Promise<ChangesImported> {
  if (rows.length === 0) return Promise.reject(new AppError("VALIDATION", "There are no changes to import."));
  return db.$transaction(
    async (tx) => {
      const { problems, featureIds, skipped } = await checkRows(tx, rows, { skipRecorded: true });
      if (problems.length) {
        throw rowsRefused(problems.map((p) => ({ row: p.row, messages: p.problems.map((x) => `${x.field}: ${x.message}`) })));
      }
      const skip = new Set(skipped.map((s) => s.row));
      const ids = await writeRows(
        tx,
        rows.filter((r) => !skip.has(r.row)),
        featureIds,
        actor,
      );
      return { created: ids.length, ids, skipped: skipped.length, skippedRows: skipped };
    },
    { timeout: 60_000 },
  );
}
