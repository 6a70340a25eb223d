import { createPublicKey, randomUUID, type KeyObject } from "node:crypto";
import { publicKeyFingerprint, signatureHolds } from "@/lib/export/signing-key";

// The package's table of contents and what it claims (docs/auditors.md). Pure: the builder writes
// it, verify-package and the unit tests read it back, all through these functions. The signature
// covers manifest.json's exact bytes, so an auditor checks them with openssl and no JSON parser.

export const MANIFEST_FORMAT = "attest-export-package/1";
export const MANIFEST_PATH = "manifest.json";
export const SIGNATURE_PATH = "manifest.sig";
export const PUBLIC_KEY_PATH = "public-key.pem";

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

/** Whether the period's coverage and exceptions are frozen, and since when by whom (docs/periods-lock.md). */
export type LockState = { state: "unlocked" } | { state: "locked"; lockedAt: string; lockedBy: string };

export interface PackageManifest {
  format: typeof MANIFEST_FORMAT;
  exportedAt: string;
  exportedBy: string;
  period: {
    id: string;
    name: string;
    type: string;
    start: string;
    end: string;
    categories: string[];
    /** Features in scope by slug; empty: every feature. */
    features: string[];
    /** The controls of the period's categories, by code. */
    controls: string[];
  };
  lock: LockState;
  /** The audit log's newest entry when the package was made; null when the log is empty. */
  auditLogHead: { seq: string; hash: string } | null;
  publicKeySha256: string;
  /** Every file of the package but manifest.json and manifest.sig, in the order written. */
  files: ManifestFile[];
}

/**
 * The manifest's bytes: indented JSON with each file on a line of its own, fields in the order
 * path, size, sha256, so that an auditor with only sed and sha256sum can turn it into a checksum
 * list (docs/auditors.md).
 */
export function manifestBytes(manifest: PackageManifest): Buffer {
  const { files, ...rest } = manifest;
  const lines = files.map((f) => `    ${JSON.stringify({ path: f.path, size: f.size, sha256: f.sha256 })}`);
  const list = lines.length ? `[\n${lines.join(",\n")}\n  ]` : "[]";
  // The key comes last; a random marker cannot be a value the period's name could spell by chance.
  const marker = `files-${randomUUID()}`;
  const text = JSON.stringify({ ...rest, files: marker }, null, 2).replace(`"${marker}"`, () => list);
  return Buffer.from(`${text}\n`, "utf8");
}

/** A path inside the package: relative, forward slashes, no `..`, no empty or dot segments. */
export function isSafePackagePath(path: string): boolean {
  if (!path || path.length > 400 || path.startsWith("/") || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** What a reader found in the ZIP: each entry's path with its size and SHA-256. */
export interface PackageEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface PackageCheckInput {
  entries: PackageEntry[];
  /** The bytes of manifest.json, manifest.sig and public-key.pem as read (absent: not in the ZIP). */
  manifest?: Buffer;
  signature?: Buffer;
  packagePublicKey?: Buffer;
  /** A public key the auditor received out of band (PEM); when given, it is the one trusted. */
  trustedPublicKey?: Buffer;
}

function readKey(pem: Buffer, label: string): KeyObject | string {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === "ed25519" ? key : `${label} is a ${key.asymmetricKeyType} key, not Ed25519`;
  } catch {
    return `${label} is not a PEM public key`;
  }
}

function parseManifest(bytes: Buffer): PackageManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    return `${MANIFEST_PATH}: not JSON`;
  }
  const m = value as Partial<PackageManifest>;
  if (m?.format !== MANIFEST_FORMAT) return `${MANIFEST_PATH}: format is not ${MANIFEST_FORMAT}`;
  const wellFormed = (f: Partial<ManifestFile>) =>
    typeof f?.path === "string" && Number.isSafeInteger(f.size) && typeof f.sha256 === "string" && /^[0-9a-f]{64}$/.test(f.sha256);
  if (!Array.isArray(m.files) || !m.files.every(wellFormed)) return `${MANIFEST_PATH}: its file list is malformed`;
  return m as PackageManifest;
}

/**
 * Every reason not to trust the package, each naming the file concerned; empty when the signature
 * holds (against the trusted key, else the package's own), every listed file is there with its size
 * and SHA-256, and nothing else is.
 */
export function packageProblems(input: PackageCheckInput): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const e of input.entries) (seen.has(e.path) ? duplicates : seen).add(e.path);
  for (const d of duplicates) problems.push(`${d}: appears more than once in the ZIP`);
  for (const e of input.entries) if (!isSafePackagePath(e.path)) problems.push(`${e.path}: not a safe path inside a package`);
  if (!input.manifest) return [...problems, `${MANIFEST_PATH}: missing`];
  if (!input.signature) problems.push(`${SIGNATURE_PATH}: missing`);

  const keyBytes = input.trustedPublicKey ?? input.packagePublicKey;
  const keyLabel = input.trustedPublicKey ? "the public key given" : PUBLIC_KEY_PATH;
  const key = keyBytes ? readKey(keyBytes, keyLabel) : `${PUBLIC_KEY_PATH}: missing`;
  if (typeof key === "string") problems.push(key);
  else if (input.signature && !signatureHolds(input.manifest, input.signature.toString("utf8"), key)) {
    problems.push(`${SIGNATURE_PATH}: the signature of ${MANIFEST_PATH} does not hold under ${keyLabel}`);
  }
  if (input.trustedPublicKey && input.packagePublicKey) {
    const own = readKey(input.packagePublicKey, PUBLIC_KEY_PATH);
    if (typeof own === "string") problems.push(own);
    else if (typeof key !== "string" && publicKeyFingerprint(own) !== publicKeyFingerprint(key)) {
      problems.push(`${PUBLIC_KEY_PATH}: not the public key given`);
    }
  }

  const manifest = parseManifest(input.manifest);
  if (typeof manifest === "string") return [...problems, manifest];
  if (typeof key !== "string" && manifest.publicKeySha256 !== publicKeyFingerprint(key)) {
    problems.push(`${MANIFEST_PATH}: publicKeySha256 is not the fingerprint of ${keyLabel}`);
  }
  const found = new Map(input.entries.map((e) => [e.path, e]));
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const entry = found.get(file.path);
    if (!entry) problems.push(`${file.path}: listed in ${MANIFEST_PATH} but missing from the package`);
    else if (entry.size !== file.size) problems.push(`${file.path}: ${entry.size} bytes, the manifest says ${file.size}`);
    else if (entry.sha256 !== file.sha256)
      problems.push(`${file.path}: SHA-256 ${entry.sha256} differs from the manifest's ${file.sha256}`);
  }
  for (const path of [MANIFEST_PATH, SIGNATURE_PATH]) {
    if (listed.has(path)) problems.push(`${path}: listed in ${MANIFEST_PATH}, which cannot list itself or its signature`);
  }
  for (const entry of input.entries) {
    if (!listed.has(entry.path) && entry.path !== MANIFEST_PATH && entry.path !== SIGNATURE_PATH) {
      problems.push(`${entry.path}: in the package but not listed in ${MANIFEST_PATH}`);
    }
  }
  return problems;
}
