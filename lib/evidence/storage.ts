import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";

// Evidence bytes on disk, content-addressed: <ATTEST_DATA_DIR>/evidence/sha256/<ab>/<hash>.
// An upload streams into a temp file while its SHA-256 and size are computed (never held in
// memory), is fsynced, and is renamed into place only once it is complete and valid. A crash
// before the rename leaves a temp file, swept at the next start (and hourly, once stale); a crash after it leaves a file
// that no database row references, which counts for nothing and is reused by the next upload of
// the same bytes. The database row is written after the rename, so a row never points at bytes
// that are not on disk.

/** How many leading bytes are kept to sniff the media type. */
export const HEAD_BYTES = 64 * 1024;

export function evidenceRoot(): string {
  return path.join(dataDir(), "evidence");
}

const tempDir = () => path.join(evidenceRoot(), "tmp");

export function storedPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(evidenceRoot(), "sha256", sha256.slice(0, 2), sha256);
}

export interface StagedFile {
  tempPath: string;
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes, for sniffing. */
  head: Buffer;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than the limit of ${formatBytes(maxBytes)} (EVIDENCE_MAX_BYTES). Split it, compress it, or ask an admin to raise the limit.`,
  );
}

/**
 * Streams `source` into a new temp file, hashing and counting as it goes; refuses (413) as soon
 * as more than `maxBytes` have arrived. The temp file is removed on any failure.
 */
export async function stageStream(source: Readable, maxBytes: number): Promise<StagedFile> {
  await fsp.mkdir(tempDir(), { recursive: true, mode: 0o700 });
  const tempPath = path.join(tempDir(), `${randomUUID()}.part`);
  const hash = createHash("sha256");
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(tooLarge(maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const take = chunk.subarray(0, HEAD_BYTES - headLength);
        headChunks.push(Buffer.from(take));
        headLength += take.length;
      }
      callback(null, chunk);
    },
  });
  const handle = await fsp.open(tempPath, "wx", 0o600);
  try {
    await pipeline(source, meter, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        // A write may be partial; the rest follows before the next chunk.
        for (let offset = 0; offset < chunk.length;) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
      }
    });
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fsp.rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  return { tempPath, sha256: hash.digest("hex"), size, head: Buffer.concat(headChunks) };
}

/** Moves a staged file to its content address (identical bytes already there: the temp file goes). */
export async function commitStaged(staged: StagedFile): Promise<void> {
  const target = storedPath(staged.sha256);
  await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  if (await exists(target)) {
    await fsp.rm(staged.tempPath, { force: true });
    return;
  }
  await fsp.rename(staged.tempPath, target);
  await fsyncDir(path.dirname(target));
}

export async function discardStaged(staged: StagedFile | undefined): Promise<void> {
  if (staged) await fsp.rm(staged.tempPath, { force: true });
}

export function openStored(sha256: string): fs.ReadStream {
  return fs.createReadStream(storedPath(sha256));
}

/** Staged files not written to for this long are uploads that will never finish. */
export const STALE_STAGED_MS = 60 * 60 * 1000;

/**
 * Removes staged temp files: all of them at start (a crash or a kill cut them short; none
 * counts), or, while the server runs, those untouched for `olderThanMs` (a live upload writes
 * every few seconds and is cut off after ATTEST_UPLOAD_IDLE_SECONDS of silence, so a file this
 * stale belongs to no upload). Returns how many went.
 */
export async function sweepTemp(olderThanMs = 0, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(tempDir());
  } catch {
    return 0;
  }
  let swept = 0;
  await Promise.all(
    names
      .filter((n) => n.endsWith(".part"))
      .map(async (n) => {
        const file = path.join(tempDir(), n);
        if (olderThanMs > 0) {
          const stat = await fsp.stat(file).catch(() => null);
          if (!stat || now - stat.mtimeMs < olderThanMs) return;
        }
        await fsp.rm(file, { force: true });
        swept++;
      }),
  );
  return swept;
}

/** Re-hashes a stored file; null when it is missing. */
export async function hashStored(sha256: string): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of openStored(sha256)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return { sha256: hash.digest("hex"), size };
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.access(p);
    return true;
  } catch {
    return false;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
