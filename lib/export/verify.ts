import { createHash } from "node:crypto";
import fs from "node:fs";
import yauzl from "yauzl";
import { MANIFEST_PATH, packageProblems, PUBLIC_KEY_PATH, SIGNATURE_PATH, type PackageEntry } from "@/lib/export/manifest";

// Reads a package ZIP (yauzl, one entry at a time: memory stays flat however large it is) and
// checks it: the signature of manifest.json, every file's size and SHA-256, nothing missing and
// nothing extra (lib/export/manifest.ts packageProblems). An entry that cannot even be read
// (corrupt compressed data) is a problem naming it, never a crash.

const KEPT = new Set([MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH]);
const KEPT_MAX_BYTES = 256 * 1024 * 1024;

export interface PackageVerdict {
  ok: boolean;
  problems: string[];
  /** Entries read from the ZIP. */
  entries: number;
}

export async function verifyPackageFile(zipPath: string, options: { trustedPublicKeyPem?: Buffer } = {}): Promise<PackageVerdict> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.openPromise(zipPath, { lazyEntries: true, strictFileNames: false });
  } catch (error) {
    return { ok: false, problems: [`${zipPath}: not a readable ZIP (${(error as Error).message})`], entries: 0 };
  }
  const entries: PackageEntry[] = [];
  const kept = new Map<string, Buffer>();
  // Path -> why it cannot be read.
  const unreadable = new Map<string, string>();
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      const hash = createHash("sha256");
      const chunks: Buffer[] = [];
      const keep = KEPT.has(entry.fileName) && entry.uncompressedSize <= KEPT_MAX_BYTES;
      let size = 0;
      try {
        const stream = await zipfile.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          if (keep) chunks.push(chunk);
        }
      } catch (error) {
        unreadable.set(entry.fileName, `${entry.fileName}: cannot be read from the ZIP (${(error as Error).message})`);
        continue;
      }
      entries.push({ path: entry.fileName, size, sha256: hash.digest("hex") });
      if (keep) kept.set(entry.fileName, Buffer.concat(chunks));
    }
  } catch (error) {
    zipfile.close();
    return {
      ok: false,
      problems: [...unreadable.values(), `${zipPath}: the ZIP is damaged (${(error as Error).message})`],
      entries: entries.length,
    };
  }
  zipfile.close();
  // An unreadable listed file still counts as present (its reading problem names it), not as "missing".
  const problems = [
    ...unreadable.values(),
    ...packageProblems({
      entries,
      manifest: kept.get(MANIFEST_PATH),
      signature: kept.get(SIGNATURE_PATH),
      packagePublicKey: kept.get(PUBLIC_KEY_PATH),
      trustedPublicKey: options.trustedPublicKeyPem,
    }).filter((p) => ![...unreadable.keys()].some((path) => p.startsWith(`${path}: listed in`))),
  ];
  return { ok: problems.length === 0, problems, entries: entries.length + unreadable.size };
}

export const readPublicKeyFile = (file: string) => fs.readFileSync(file);
