import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, verifyEntries, type ChainVerdict, type StoredEntry } from "@/lib/audit-log/chain";

/** Reads the whole chain in pages and verifies it; the first broken entry is reported. */
export async function verifyAuditChain(db: PrismaClient, pageSize = 5000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let cursor = 0n;
  let total = 0;
  for (;;) {
    const rows = await db.auditLogEntry.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: pageSize });
    if (rows.length === 0) return { ok: true, entries: total };
    const entries: StoredEntry[] = rows.map((r) => ({
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
    }));
    const verdict = verifyEntries(entries, prev);
    total += rows.length;
    if (!verdict.ok) return { ...verdict, entries: total };
    prev = rows[rows.length - 1].hash;
    cursor = rows[rows.length - 1].seq;
  }
}
