import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "@/lib/audit-log/chain";

// Pure checkpoint logic (no file or database I/O): what a checkpoint says, how it is signed and
// how a signature is checked. A checkpoint anchors the audit log's head outside the database, so
// deleting the newest entries (or replacing them) shows as a difference from the checkpoint.
//
// Signed with Ed25519 rather than an HMAC: verifying needs only the public key, so an auditor can
// check checkpoints offline (an export carries them with the public key) without holding anything
// that could forge one.

export const CHECKPOINT_FORMAT = "attest-audit-checkpoint/1";

export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  /** current_database(): one data folder may see several databases (a restore test, scratch copies). */
  database: string;
  seq: string;
  hash: string;
  /** The last entry that may use the unkeyed legacy scheme ("0": none). */
  legacyThrough: string;
  at: string;
  /** "daily", "access-review sign-off", "command line", "export", … */
  reason: string;
  /** SHA-256 of the signing public key (SPKI DER), hex: says which key to check with. */
  keyId: string;
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 over canonicalJson(body), base64. */
  signature: string;
}

export interface CheckpointSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  publicKeyPem: string;
}

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function signingKeyFromSeed(seed: Buffer): CheckpointSigningKey {
  if (seed.length !== 32) throw new Error("An Ed25519 seed is 32 bytes.");
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: publicKeyId(publicKey),
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
}

export function publicKeyId(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("hex");
}

export function signCheckpoint(body: Omit<CheckpointBody, "format" | "keyId">, key: CheckpointSigningKey): Checkpoint {
  const full: CheckpointBody = { format: CHECKPOINT_FORMAT, ...body, keyId: key.keyId };
  return { ...full, signature: sign(null, Buffer.from(canonicalJson(full)), key.privateKey).toString("base64") };
}

/** Why this checkpoint cannot be trusted, or null when it is well-formed and signed by `publicKey`. */
export function checkpointFault(value: unknown, publicKey: KeyObject): string | null {
  if (!value || typeof value !== "object") return "it is not a checkpoint";
  const c = value as Partial<Checkpoint>;
  if (c.format !== CHECKPOINT_FORMAT) return "it is not a checkpoint in a known format";
  const strings = ["database", "seq", "hash", "legacyThrough", "at", "reason", "keyId", "signature"] as const;
  if (strings.some((k) => typeof c[k] !== "string") || !/^\d+$/.test(c.seq!) || !/^\d+$/.test(c.legacyThrough!)) {
    return "it is incomplete";
  }
  if (c.keyId !== publicKeyId(publicKey)) return "it was signed with another key than this installation's audit key";
  const { signature, ...body } = c as Checkpoint;
  const ok = verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(signature, "base64"));
  return ok ? null : "its signature does not verify (it was forged or edited)";
}

/** A file name that sorts by seq, then by time. */
export function checkpointFileName(c: Pick<CheckpointBody, "seq" | "at">): string {
  return `${c.seq.padStart(15, "0")}-${c.at.replace(/[:.]/g, "-")}.json`;
}
