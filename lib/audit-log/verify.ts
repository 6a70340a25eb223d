import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ChainChecker, type AuditProblem, type StoredEntry } from "@/lib/audit-log/chain";
import { currentDatabase, newestCheckpoint, readCheckpoints } from "@/lib/audit-log/checkpoint-store";
import { auditKey } from "@/lib/audit-log/key";

export interface AuditVerdict {
  ok: boolean;
  /** Entries read from the database. */
  entries: number;
  /** The newest valid checkpoint the log was checked against. */
  checkpoint: { seq: string; hash: string; at: string; reason: string } | null;
  /** What is missing or altered, each naming the entries; empty when ok. */
  problems: AuditProblem[];
  /** One sentence for people: the page, the API and audit:verify all show it. */
  message: string;
}

export function verdictMessage(v: Omit<AuditVerdict, "message">): string {
  if (!v.ok) return `Audit log broken: ${v.problems.map((p) => p.message).join(" ")}`;
  const entries = `${v.entries} ${v.entries === 1 ? "entry" : "entries"}`;
  return v.checkpoint
    ? `Chain intact: ${entries}, matching the newest checkpoint (${v.checkpoint.at}, seq ${v.checkpoint.seq}).`
    : `Chain intact: ${entries}; no checkpoint yet (run npm run audit:checkpoint).`;
}

/**
 * The one audit-log check, used by audit:verify, the page's "Verify chain" and the API: reads the
 * whole chain in pages against the key and the checkpoint folder. Writes nothing.
 */
export async function verifyAuditLog(db: PrismaClient, pageSize = 5000): Promise<AuditVerdict> {
  const database = await currentDatabase(db);
  const folder = readCheckpoints(database);
  const checker = new ChainChecker(auditKey(), folder.checkpoints);
  const problems: AuditProblem[] = folder.faults.map(({ file, fault }) => ({
    seq: "",
    kind: "checkpoint" as const,
    message: `checkpoint file ${file} cannot be trusted: ${fault}.`,
  }));
  let cursor = 0n;
  let broken = false;
  walk: for (;;) {
    const rows = await db.auditLogEntry.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: pageSize });
    if (rows.length === 0) break;
    for (const r of rows) {
      const entry: StoredEntry = {
        seq: r.seq.toString(),
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorEmail: r.actorEmail,
        actorRole: r.actorRole,
        actorKind: r.actorKind,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before ?? null,
        after: r.after ?? null,
        prevHash: r.prevHash,
        hash: r.hash,
        scheme: r.scheme,
      };
      const problem = checker.check(entry);
      // The first break is named; what follows it cannot be trusted link by link.
      if (problem) {
        problems.push(problem);
        broken = true;
        break walk;
      }
    }
    cursor = rows[rows.length - 1].seq;
  }
  if (!broken) {
    const truncated = checker.finish();
    if (truncated) problems.push(truncated);
  }
  const newest = newestCheckpoint(folder);
  const base = {
    ok: problems.length === 0,
    entries: problems.length ? await db.auditLogEntry.count() : checker.entries,
    checkpoint: newest && { seq: newest.seq, hash: newest.hash, at: newest.at, reason: newest.reason },
    problems,
  };
  return { ...base, message: verdictMessage(base) };
}
