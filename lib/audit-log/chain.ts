import { createHash } from "node:crypto";

// Pure hash-chain logic (no I/O), shared by the writer, the in-app check and audit:verify.
export const GENESIS_HASH = "0".repeat(64);

export interface ChainContent {
  seq: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, content: ChainContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

export interface StoredEntry extends ChainContent {
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; seq: string; reason: string; entries: number };

/** Checks entries in seq order; `startPrev` is the hash before the first entry given. */
export function verifyEntries(entries: StoredEntry[], startPrev = GENESIS_HASH): ChainVerdict {
  let prev = startPrev;
  for (const entry of entries) {
    if (entry.prevHash !== prev) {
      return { ok: false, seq: entry.seq, reason: "its previous-hash does not match the entry before it", entries: entries.length };
    }
    const { prevHash, hash, ...content } = entry;
    if (entryHash(prevHash, content) !== hash) {
      return { ok: false, seq: entry.seq, reason: "its content does not match its hash (the entry was altered)", entries: entries.length };
    }
    prev = hash;
  }
  return { ok: true, entries: entries.length };
}
