import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dataDir } from "@/lib/config";
import { env } from "@/lib/env";
import { CURRENT_SCHEME, newestMark } from "@/lib/audit-log/chain";
import { checkpointFault, checkpointFileName, signCheckpoint, type Checkpoint } from "@/lib/audit-log/checkpoint";
import { checkpointSigningKey } from "@/lib/audit-log/key";

// Checkpoints on disk: one signed JSON file each, under ATTEST_AUDIT_CHECKPOINT_DIR or
// ATTEST_DATA_DIR/audit-checkpoints, with the public key beside them for offline checks.

export function checkpointDir(): string {
  return path.resolve(/* turbopackIgnore: true */ env().ATTEST_AUDIT_CHECKPOINT_DIR ?? path.join(dataDir(), "audit-checkpoints"));
}

export interface CheckpointFolder {
  /** Valid checkpoints of this database, by seq. */
  checkpoints: Checkpoint[];
  /** Files that claim to be checkpoints and cannot be trusted. */
  faults: { file: string; fault: string }[];
}

export async function currentDatabase(db: PrismaClient): Promise<string> {
  const [{ name }] = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  return name;
}

export function readCheckpoints(database: string): CheckpointFolder {
  const dir = checkpointDir();
  const { publicKey } = checkpointSigningKey();
  const result: CheckpointFolder = { checkpoints: [], faults: [] };
  if (!fs.existsSync(dir)) return result;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    } catch {
      result.faults.push({ file, fault: "it is not valid JSON" });
      continue;
    }
    // Checkpoints of another database in the same folder (a scratch copy, a restore test) are not this log's.
    if (value && typeof value === "object" && (value as { database?: unknown }).database !== database) continue;
    const fault = checkpointFault(value, publicKey);
    if (fault) result.faults.push({ file, fault });
    else result.checkpoints.push(value as Checkpoint);
  }
  return result;
}

/** The newest valid checkpoint of this database, or null. */
export function newestCheckpoint(folder: CheckpointFolder): Checkpoint | null {
  return newestMark(folder.checkpoints);
}

/**
 * Signs the log's current head and writes it to the checkpoint folder; returns the checkpoint, or
 * null when the log is empty. The export (and anything else that must anchor the head) calls this.
 * Refuses when the head is behind an earlier checkpoint: entries are missing, and signing the
 * shortened head would only add a checkpoint that hides nothing (audit:verify still names them).
 */
export async function writeCheckpoint(db: PrismaClient, reason: string): Promise<Checkpoint | null> {
  const database = await currentDatabase(db);
  const head = await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  if (!head) return null;
  const previous = newestCheckpoint(readCheckpoints(database));
  if (previous && BigInt(previous.seq) > head.seq) {
    throw new Error(
      `The audit log ends at entry ${head.seq} but the checkpoint of ${previous.at} recorded seq ${previous.seq}: entries are missing. Run \`npm run audit:verify\` and restore the log from a backup.`,
    );
  }
  // The legacy boundary is recorded once, by the first checkpoint, and then carried forward: the
  // database cannot move it later.
  let legacyThrough = previous?.legacyThrough;
  if (legacyThrough === undefined) {
    const firstKeyed = await db.auditLogEntry.findFirst({
      where: { scheme: CURRENT_SCHEME },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    legacyThrough = (firstKeyed ? firstKeyed.seq - 1n : head.seq).toString();
  }
  const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const key = checkpointSigningKey();
  const checkpoint = signCheckpoint(
    { database, seq: head.seq.toString(), hash: head.hash, legacyThrough, at: now.toISOString(), reason },
    key,
  );
  const dir = checkpointDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const publicKeyFile = path.join(dir, "public-key.pem");
  if (!fs.existsSync(publicKeyFile) || fs.readFileSync(publicKeyFile, "utf8") !== key.publicKeyPem) {
    fs.writeFileSync(publicKeyFile, key.publicKeyPem, { mode: 0o644 });
  }
  const file = path.join(dir, checkpointFileName(checkpoint));
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, "w", 0o644);
  try {
    fs.writeSync(fd, `${JSON.stringify(checkpoint, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return checkpoint;
}

/** The timer's rule: write when there is no checkpoint for a day and the head has moved since the last one. */
export async function writeCheckpointIfDue(db: PrismaClient, now = Date.now(), maxAgeMs = 24 * 3600_000): Promise<Checkpoint | null> {
  const newest = newestCheckpoint(readCheckpoints(await currentDatabase(db)));
  if (newest && now - Date.parse(newest.at) < maxAgeMs) return null;
  const head = await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  if (!head || (newest && newest.seq === head.seq.toString() && newest.hash === head.hash)) return null;
  return writeCheckpoint(db, "daily");
}
