import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CURRENT_SCHEME, GENESIS_HASH, entryHash, type ChainContent } from "@/lib/audit-log/chain";
import { auditKey } from "@/lib/audit-log/key";

export interface Actor {
  kind: "user" | "token" | "system";
  id: string | null;
  email: string | null;
  role: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: "system", id: null, email: null, role: null };

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

// Values become plain JSON (dates as ISO strings, bigints as strings) before hashing and storing,
// so that what is hashed is exactly what a verifier reads back.
function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * Appends one entry inside the caller's transaction, so the entry and the change it records
 * commit or roll back together. A transaction-level advisory lock serialises appends: concurrent
 * writers wait for each other instead of forking the chain. The hash is an HMAC under the audit
 * key, which the database never sees (lib/audit-log/key.ts).
 */
export async function appendAudit(tx: Tx, actor: Actor, event: AuditEvent): Promise<void> {
  // Read before taking the lock: a missing key fails the write without holding up other writers.
  const key = auditKey();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
  const last = await tx.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0n) + 1n;
  // The database clock, truncated to what timestamptz(6) stores, so the hash is reproducible.
  const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
  // Who did what to which entity, hashed in the chain content and stored in the row alike. Only
  // users are foreign keys; a token's identity is kept in the actor snapshot (actorEmail).
  const who = {
    actorId: actor.kind === "user" ? actor.id : null,
    actorEmail: actor.email,
    actorRole: actor.role,
    actorKind: actor.kind,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
  };
  const content: ChainContent = {
    seq: seq.toString(),
    at: now.toISOString(),
    ...who,
    before: toJson(event.before),
    after: toJson(event.after),
  };
  await tx.auditLogEntry.create({
    data: {
      seq,
      at: now,
      ...who,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      prevHash,
      hash: entryHash(key, prevHash, content),
      scheme: CURRENT_SCHEME,
    },
  });
}
