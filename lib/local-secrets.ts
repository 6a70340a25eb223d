import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";

// Secrets that a local run generates once and keeps under the data folder (mode 0600), so that
// there is never a default secret or password, and restarts keep sessions valid.
export interface LocalSecrets {
  nextauthSecret: string;
  dbPassword: string;
  /** Keys the audit log's HMAC chain and signs its checkpoints (lib/audit-log/key.ts). */
  auditKey?: string;
}

export function localSecrets(): LocalSecrets {
  const dir = dataDir();
  const file = path.join(dir, "secrets.json");
  // 0711: the embedded PostgreSQL runs as the `postgres` user when Attest runs as root, and must be
  // able to reach its own folder inside this one (listing stays private).
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    dbPassword: randomBytes(24).toString("base64url"),
    auditKey: randomBytes(32).toString("base64url"),
  };
  // wx: if two processes race, one wins and the other reads the winner's file.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  }
  return secrets;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Returns a field of secrets.json, adding it when a file written by an older version lacks it. The
 * other secrets are kept as they are. A lock directory (mkdir is atomic) makes concurrent
 * processes (the server and a CLI command) agree on one value instead of each writing its own.
 */
export function ensureLocalSecret(field: "auditKey", generate: () => string): string {
  const file = path.join(dataDir(), "secrets.json");
  const present = localSecrets()[field];
  if (present) return present;
  const lock = `${file}.lock`;
  for (let waited = 0; ; waited += 50) {
    try {
      fs.mkdirSync(lock, { mode: 0o700 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock older than 10 s was left by a crashed process.
      if (waited > 10_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(50);
    }
  }
  try {
    const current = JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
    if (current[field]) return current[field];
    const updated = { ...current, [field]: generate() };
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(updated, null, 2), { mode: 0o600 });
    fs.renameSync(temp, file);
    return updated[field];
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
