import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";

// Secrets that a local run generates once and keeps under the data folder (mode 0600), so that
// there is never a default secret or password, and restarts keep sessions valid.
export interface LocalSecrets {
  nextauthSecret: string;
  /** The embedded PostgreSQL's superuser (`postgres`): migrations, the reference seed, the CLI. */
  dbPassword: string;
  /** The embedded database's restricted app role (`attest_app`), which the web server connects as. */
  dbAppPassword: string;
  /** Keys the audit log's HMAC chain and signs its checkpoints (lib/audit-log/key.ts). */
  auditKey: string;
}

// One generator per field. A file written by an older version lacks the newer fields: they are
// added on the next read, and the fields already there are never regenerated.
const GENERATORS: { [K in keyof LocalSecrets]: () => string } = {
  nextauthSecret: () => randomBytes(32).toString("base64url"),
  dbPassword: () => randomBytes(24).toString("base64url"),
  dbAppPassword: () => randomBytes(24).toString("base64url"),
  auditKey: () => randomBytes(32).toString("base64url"),
};

function secretsFile(): string {
  return path.join(dataDir(), "secrets.json");
}

function readSecrets(file: string): Partial<LocalSecrets> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LocalSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`${file} cannot be read (${(error as Error).message}). Restore it from your backup of secrets.json.`);
  }
}

const missing = (secrets: Partial<LocalSecrets> | null) =>
  (Object.keys(GENERATORS) as (keyof LocalSecrets)[]).filter((key) => typeof secrets?.[key] !== "string" || !secrets[key]);

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn holding an exclusive lock file beside secrets.json, so concurrent processes agree on one set. */
function withFileLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.closeSync(fs.openSync(lock, "wx", 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock older than 30 s belongs to a process that died while holding it.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30_000) fs.rmSync(lock, { force: true });
      else if (attempt > 400) throw new Error(`${lock} has been held for over 20 s; if no Attest process is running, delete it.`);
      else sleepSync(50);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

export function localSecrets(): LocalSecrets {
  const dir = dataDir();
  const file = secretsFile();
  // 0711: the embedded PostgreSQL runs as the `postgres` user when Attest runs as root, and must be
  // able to reach its own folder inside this one (listing stays private).
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  const current = readSecrets(file);
  if (current && missing(current).length === 0) return current as LocalSecrets;
  return withFileLock(file, () => {
    // Re-read under the lock: another process may have written the file meanwhile.
    const latest = readSecrets(file) ?? {};
    const absent = missing(latest);
    if (absent.length === 0) return latest as LocalSecrets;
    const filled = { ...latest } as LocalSecrets;
    for (const key of absent) filled[key] = GENERATORS[key]();
    // Write beside it and rename: a crash never leaves a half-written secrets.json.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(filled, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
    return filled;
  });
}

/** One field of secrets.json; a file written by an older version gains it on this read. */
export function ensureLocalSecret(field: keyof LocalSecrets): string {
  return localSecrets()[field];
}
