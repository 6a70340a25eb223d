import "server-only";
import fsp from "node:fs/promises";
import type { Readable } from "node:stream";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { openStored, storedPath } from "@/lib/evidence/storage";
import { packageCsvFiles } from "@/lib/export/csv";
import { packageIndexHtml } from "@/lib/export/index-html";
import {
  MANIFEST_FORMAT,
  MANIFEST_PATH,
  manifestBytes,
  PUBLIC_KEY_PATH,
  SIGNATURE_PATH,
  type PackageManifest,
} from "@/lib/export/manifest";
import { assessmentResults } from "@/lib/export/oscal/assessment-results";
import { loadPeriodPackage } from "@/lib/export/period-data";
import { exportSigningKey, publicKeyFingerprint, signBytes } from "@/lib/export/signing-key";
import type { PeriodPackage } from "@/lib/export/types";
import { PackageZip } from "@/lib/export/zip-writer";

// The auditor package of one period (docs/auditors.md): evidence files first, streamed from the
// store and hashed on the way; then the CSVs, the OSCAL document, index.html and the public key;
// then manifest.json, which lists every one of them with its size and SHA-256, and its signature.
// The manifest can only be written last, and a ZIP is read by its central directory at the end,
// so the order costs the reader nothing.

export interface PeriodExport {
  fileName: string;
  /** The ZIP's bytes, produced as they are read. */
  stream: Readable;
}

/** The ZIP for a loaded package; the caller reads `zip.output`. Rejects (and breaks the stream) if a file cannot be read. */
export async function writePackage(pkg: PeriodPackage, zip: PackageZip): Promise<PackageManifest> {
  for (const e of pkg.evidence) {
    if (!e.packagePath || !e.fileSha256) continue;
    const file = await zip.addStream(e.packagePath, openStored(e.fileSha256));
    // The store is content-addressed: bytes that no longer hash to their address were altered on disk.
    if (file.sha256 !== e.fileSha256) throw new Error(`stored file ${e.fileSha256} of evidence ${e.id} no longer has that SHA-256`);
  }
  for (const [path, csv] of packageCsvFiles(pkg)) zip.add(path, csv);
  zip.add("oscal/assessment-results.json", `${JSON.stringify(assessmentResults(pkg), null, 2)}\n`);
  zip.add("index.html", packageIndexHtml(pkg));
  const key = exportSigningKey();
  zip.add(PUBLIC_KEY_PATH, key.publicKeyPem);
  const manifest: PackageManifest = {
    format: MANIFEST_FORMAT,
    exportedAt: pkg.exportedAt,
    exportedBy: pkg.exportedBy,
    period: pkg.period,
    lock: pkg.lock,
    auditLogHead: pkg.auditLogHead,
    publicKeySha256: publicKeyFingerprint(key.publicKey),
    files: zip.files,
  };
  const bytes = manifestBytes(manifest);
  zip.addUnlisted(MANIFEST_PATH, bytes);
  zip.addUnlisted(SIGNATURE_PATH, `${signBytes(bytes, key.privateKey)}\n`);
  zip.end();
  return manifest;
}

/**
 * Loads the period and starts its package. Every stored file is checked to exist first, so that a
 * missing one is a clear refusal before the first byte is sent rather than a broken download.
 */
export async function exportPeriod(periodId: string, caller: Principal): Promise<PeriodExport> {
  const pkg = await loadPeriodPackage(periodId, caller);
  const missing: string[] = [];
  for (const e of pkg.evidence) {
    if (e.fileSha256 && !(await fsp.stat(storedPath(e.fileSha256)).catch(() => null))) missing.push(e.id);
  }
  if (missing.length) {
    throw new AppError(
      "CONFLICT",
      `The stored file of evidence ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} is missing, so the package would be incomplete. Run \`npm run audit:verify\` and tell an admin.`,
    );
  }
  const zip = new PackageZip(new Date(pkg.exportedAt));
  writePackage(pkg, zip).catch((error: Error) => {
    console.error(`[export] the package of period ${periodId} failed`, error);
    zip.abort(error);
  });
  const day = pkg.exportedAt.slice(0, 10);
  const name = pkg.period.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "period";
  return { fileName: `attest-${name}-${day}.zip`, stream: zip.output };
}
