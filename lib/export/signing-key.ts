import { createHmac, sign, verify, type KeyObject } from "node:crypto";
import { auditKey } from "@/lib/audit-log/key";
import { publicKeyId, signingKeyFromSeed, type CheckpointSigningKey } from "@/lib/audit-log/checkpoint";

// The installation's export signing key (Ed25519), derived from the audit key with its own label,
// as the checkpoint key is (lib/audit-log/key.ts): one secret to keep and back up, the same on every
// server that shares ATTEST_AUDIT_KEY, generated on first start with the other secrets, and yet a
// key of its own (a signature of one kind never passes as the other's).

export type ExportSigningKey = CheckpointSigningKey;

let cached: { key: Buffer; signing: ExportSigningKey } | undefined;

export function exportSigningKey(): ExportSigningKey {
  const key = auditKey();
  if (cached?.key !== key) {
    cached = { key, signing: signingKeyFromSeed(createHmac("sha256", key).update("attest export package signing key v1").digest()) };
  }
  return cached.signing;
}

/** The SHA-256 of the key's SubjectPublicKeyInfo (DER), hex: `openssl pkey -pubin -in public-key.pem -outform DER | sha256sum`. */
export const publicKeyFingerprint = (publicKey: KeyObject): string => publicKeyId(publicKey);

/** Ed25519 over the exact bytes, base64. */
export function signBytes(bytes: Buffer, privateKey: KeyObject): string {
  return sign(null, bytes, privateKey).toString("base64");
}

export function signatureHolds(bytes: Buffer, signatureBase64: string, publicKey: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64.trim(), "base64");
  if (signature.length !== 64) return false;
  return verify(null, bytes, publicKey, signature);
}
