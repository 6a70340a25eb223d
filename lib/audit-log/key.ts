import { createHmac } from "node:crypto";
import { dataDir } from "@/lib/config";
import { env } from "@/lib/env";
import { ensureLocalSecret } from "@/lib/local-secrets";
import { signingKeyFromSeed, type CheckpointSigningKey } from "@/lib/audit-log/checkpoint";

// The audit key lives outside the database: ATTEST_AUDIT_KEY when set (servers that share one
// database must share it), otherwise `auditKey` in ATTEST_DATA_DIR/secrets.json, added to an older
// file on first use. Whoever can only write to the database cannot compute a valid entry or
// checkpoint without it.

let cached: { source: string; key: Buffer } | undefined;

export function auditKey(): Buffer {
  // Read once per process and place (every append needs it; secrets.json does not change under a running server).
  const configured = env().ATTEST_AUDIT_KEY;
  const source = configured !== undefined ? `env:${configured}` : `dir:${dataDir()}`;
  if (cached?.source === source) return cached.key;
  const raw = configured ?? ensureLocalSecret("auditKey");
  if (raw.length < 32) {
    throw new Error(
      "ATTEST_AUDIT_KEY is too short: use at least 32 random characters, e.g. `openssl rand -base64 32`, the same on every server of one database.",
    );
  }
  cached = { source, key: Buffer.from(raw, "utf8") };
  return cached.key;
}

/** The Ed25519 key that signs checkpoints, derived from the audit key (one secret to keep and back up). */
let signing: { key: Buffer; signing: CheckpointSigningKey } | undefined;

export function checkpointSigningKey(): CheckpointSigningKey {
  const key = auditKey();
  if (signing?.key !== key) {
    signing = { key, signing: signingKeyFromSeed(createHmac("sha256", key).update("attest audit checkpoint signing key v1").digest()) };
  }
  return signing.signing;
}
