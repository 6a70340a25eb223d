import { createHash, createHmac } from "node:crypto";

// Pure hash-chain logic (no I/O), shared by the writer, the in-app check and audit:verify.
export const GENESIS_HASH = "0".repeat(64);

/** "hmac-sha256": keyed, every entry written now. "sha256": unkeyed, entries from before the key. */
export type HashScheme = "hmac-sha256" | "sha256";
export const CURRENT_SCHEME: HashScheme = "hmac-sha256";
export const LEGACY_SCHEME: HashScheme = "sha256";

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

/** The unkeyed hash of entries written before the audit key existed; anyone can recompute it. */
export function legacyEntryHash(prevHash: string, content: ChainContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

/** HMAC-SHA-256 under the audit key: recomputing it after an edit needs the key, which the database never sees. */
export function entryHash(key: Buffer, prevHash: string, content: ChainContent): string {
  return createHmac("sha256", key)
    .update("attest-audit/hmac-sha256\n")
    .update(prevHash)
    .update("\n")
    .update(canonicalJson(content))
    .digest("hex");
}

export interface StoredEntry extends ChainContent {
  prevHash: string;
  hash: string;
  scheme: string;
}

export interface AuditProblem {
  /** The first entry concerned (for missing entries: the first missing seq). */
  seq: string;
  kind: "missing" | "altered" | "checkpoint";
  message: string;
}

/** The part of a checkpoint the chain is checked against (see checkpoint.ts). */
export interface CheckpointMark {
  seq: string;
  hash: string;
  at: string;
  legacyThrough: string;
}

export const seqRange = (from: bigint, to: bigint) => (from === to ? `entry ${from} is` : `entries ${from}–${to} are`);

/**
 * Walks entries in seq order and returns the first problem. Stateful so that the verifier can feed
 * it page by page; pure otherwise. It checks that seqs are contiguous from 1, that each entry links
 * to the hash before it, that its hash is right for its scheme, that unkeyed legacy entries come
 * only before the first keyed entry and the boundary the checkpoints recorded, and that every entry
 * a checkpoint recorded still has the recorded hash. `finish` then names entries that checkpoints
 * recorded but the log no longer holds.
 */
export class ChainChecker {
  private prev = GENESIS_HASH;
  private nextSeq = 1n;
  private firstKeyed: bigint | null = null;
  private readonly marks: Map<string, CheckpointMark>;
  /** Legacy entries are accepted up to the lowest boundary any checkpoint recorded. */
  private readonly legacyThrough: bigint | null;
  entries = 0;

  constructor(
    private readonly key: Buffer,
    checkpoints: CheckpointMark[] = [],
  ) {
    this.marks = new Map(checkpoints.map((c) => [c.seq, c]));
    this.legacyThrough = checkpoints.length ? checkpoints.map((c) => BigInt(c.legacyThrough)).reduce((a, b) => (a < b ? a : b)) : null;
  }

  check(entry: StoredEntry): AuditProblem | null {
    const seq = BigInt(entry.seq);
    this.entries += 1;
    if (seq > this.nextSeq) {
      return {
        seq: this.nextSeq.toString(),
        kind: "missing",
        message: `${seqRange(this.nextSeq, seq - 1n)} missing: the log goes from ${this.nextSeq === 1n ? "its start" : `entry ${this.nextSeq - 1n}`} to entry ${seq}.`,
      };
    }
    const altered = (why: string): AuditProblem => ({
      seq: entry.seq,
      kind: "altered",
      message: `entry ${entry.seq} was altered: ${why}.`,
    });
    if (seq < this.nextSeq) return altered("its seq repeats or goes backwards");
    if (entry.prevHash !== this.prev)
      return altered(`its previous-hash does not match entry ${seq - 1n} (an entry was rewritten, removed or re-ordered)`);
    const { prevHash, hash, scheme, ...content } = entry;
    if (scheme === CURRENT_SCHEME) {
      if (entryHash(this.key, prevHash, content) !== hash) return altered("its content does not match its HMAC (or the audit key changed)");
      this.firstKeyed ??= seq;
    } else if (scheme === LEGACY_SCHEME) {
      if (this.firstKeyed !== null) {
        return altered(`it claims the unkeyed legacy scheme, accepted only before the first keyed entry (${this.firstKeyed})`);
      }
      if (this.legacyThrough !== null && seq > this.legacyThrough) {
        return altered(`it claims the unkeyed legacy scheme, which the checkpoints accept only up to entry ${this.legacyThrough}`);
      }
      if (legacyEntryHash(prevHash, content) !== hash) return altered("its content does not match its hash");
    } else {
      return altered(`its hash scheme "${scheme}" is unknown`);
    }
    const mark = this.marks.get(entry.seq);
    if (mark && mark.hash !== hash) {
      return {
        seq: entry.seq,
        kind: "checkpoint",
        message: `entry ${entry.seq} does not match the checkpoint (${mark.at}), which recorded hash ${mark.hash}: the entries up to ${entry.seq} were replaced.`,
      };
    }
    this.prev = hash;
    this.nextSeq = seq + 1n;
    return null;
  }

  /** After the last entry: entries that the newest checkpoint recorded and the log no longer holds. */
  finish(): AuditProblem | null {
    const newest = newestMark([...this.marks.values()]);
    if (!newest || BigInt(newest.seq) < this.nextSeq) return null;
    return {
      seq: this.nextSeq.toString(),
      kind: "missing",
      message: `${seqRange(this.nextSeq, BigInt(newest.seq))} missing: the newest checkpoint (${newest.at}) recorded seq ${newest.seq} with hash ${newest.hash}, and the log ends at ${this.nextSeq === 1n ? "no entry" : `entry ${this.nextSeq - 1n}`}.`,
    };
  }
}

export function newestMark<T extends CheckpointMark>(marks: T[]): T | null {
  return marks.reduce<T | null>((a, b) => (!a || BigInt(b.seq) > BigInt(a.seq) || (b.seq === a.seq && b.at > a.at) ? b : a), null);
}
