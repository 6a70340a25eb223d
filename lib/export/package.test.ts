import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { after, test } from "node:test";
import yauzl from "yauzl";
import { deriveExceptions } from "@/lib/export/exceptions";
import { fixturePackage } from "@/lib/export/fixture";
import { packageIndexHtml } from "@/lib/export/index-html";
import { MANIFEST_FORMAT, manifestBytes, packageProblems, type PackageManifest } from "@/lib/export/manifest";
import { publicKeyFingerprint, signatureHolds, signBytes } from "@/lib/export/signing-key";
import { verifyPackageFile } from "@/lib/export/verify";
import { PackageZip } from "@/lib/export/zip-writer";

// The manifest and its signature, round trip through a real ZIP written by PackageZip and read by
// verifyPackageFile, with no database: what the services tier checks on a real export, here on
// hand-made files so that every kind of tampering is cheap to try.

const keys = generateKeyPairSync("ed25519");
const publicPem = Buffer.from(keys.publicKey.export({ format: "pem", type: "spki" }).toString());
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "attest-export-unit-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A package of two streamed files and one buffer, signed as the builder signs it; `tamper` edits the entries before the manifest is written. */
async function writeZip(
  name: string,
  options: { extra?: [string, string]; drop?: string; manifestEdit?: (m: PackageManifest) => void; signWith?: typeof keys } = {},
) {
  const zip = new PackageZip(new Date("2026-04-02T10:00:00Z"));
  const file = path.join(tmp, name);
  const written = pipeline(zip.output, fs.createWriteStream(file));
  await zip.addStream("evidence/AI-SEC-01/a-report.pdf", Readable.from([Buffer.from("%PDF-1.7 report "), Buffer.alloc(100_000, 7)]));
  if (options.drop !== "evidence/AI-SEC-05/b-feb.csv")
    await zip.addStream("evidence/AI-SEC-05/b-feb.csv", Readable.from(["a,b\r\n1,2\r\n"]));
  zip.add("public-key.pem", publicPem);
  const manifest: PackageManifest = {
    format: MANIFEST_FORMAT,
    exportedAt: "2026-04-02T10:00:00.000Z",
    exportedBy: "lead@example.test",
    period: fixturePackage().period,
    lock: { state: "unlocked" },
    auditLogHead: { seq: "1", hash: "0".repeat(64) },
    publicKeySha256: publicKeyFingerprint(keys.publicKey),
    files: [...zip.files],
  };
  if (options.drop) manifest.files.push({ path: options.drop, size: 10, sha256: "1".repeat(64) });
  // Added after the manifest took its list: in the ZIP, not in the manifest.
  if (options.extra) zip.add(options.extra[0], options.extra[1]);
  options.manifestEdit?.(manifest);
  const bytes = manifestBytes(manifest);
  zip.addUnlisted("manifest.json", bytes);
  zip.addUnlisted("manifest.sig", signBytes(bytes, (options.signWith ?? keys).privateKey));
  zip.end();
  await written;
  return file;
}

test("a package verifies; its files are in the ZIP in the order written, the manifest and signature last", async () => {
  const file = await writeZip("good.zip");
  const verdict = await verifyPackageFile(file);
  assert.deepEqual(verdict.problems, []);
  assert.equal(verdict.ok, true);
  const names: string[] = [];
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true });
  for await (const entry of zipfile.eachEntry()) names.push(entry.fileName);
  zipfile.close();
  assert.deepEqual(names, [
    "evidence/AI-SEC-01/a-report.pdf",
    "evidence/AI-SEC-05/b-feb.csv",
    "public-key.pem",
    "manifest.json",
    "manifest.sig",
  ]);
  // With the right key given out of band too; a different key is refused.
  assert.equal((await verifyPackageFile(file, { trustedPublicKeyPem: publicPem })).ok, true);
  const other = generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" }).toString();
  const wrongKey = await verifyPackageFile(file, { trustedPublicKeyPem: Buffer.from(other) });
  assert.equal(wrongKey.ok, false);
  assert.ok(
    wrongKey.problems.some((p) => p.startsWith("manifest.sig: the signature of manifest.json does not hold under the public key given")),
  );
  assert.ok(wrongKey.problems.some((p) => p.startsWith("public-key.pem: not the public key given")));
});

test("a manifest that lies about a file, a missing file, an extra file and a foreign signature are each named", async () => {
  const lied = await verifyPackageFile(await writeZip("lied.zip", { manifestEdit: (m) => (m.files[0].sha256 = "f".repeat(64)) }));
  assert.equal(lied.problems.length, 1, lied.problems.join("\n"));
  assert.match(lied.problems[0], /^evidence\/AI-SEC-01\/a-report\.pdf: SHA-256 [0-9a-f]{64} differs from the manifest's f{64}$/);

  const missing = await verifyPackageFile(await writeZip("missing.zip", { drop: "evidence/AI-SEC-05/b-feb.csv" }));
  assert.deepEqual(missing.problems, ["evidence/AI-SEC-05/b-feb.csv: listed in manifest.json but missing from the package"]);

  const extra = await verifyPackageFile(await writeZip("extra.zip", { extra: ["notes.txt", "added later"] }));
  assert.deepEqual(extra.problems, ["notes.txt: in the package but not listed in manifest.json"]);

  const forged = await verifyPackageFile(await writeZip("forged.zip", { signWith: generateKeyPairSync("ed25519") }));
  assert.deepEqual(forged.problems, ["manifest.sig: the signature of manifest.json does not hold under public-key.pem"]);
});

test("packageProblems: no manifest, a bad signature, unsafe and duplicated paths", () => {
  assert.deepEqual(packageProblems({ entries: [] }), ["manifest.json: missing"]);
  const manifest = manifestBytes({
    format: MANIFEST_FORMAT,
    exportedAt: "x",
    exportedBy: "x",
    period: fixturePackage().period,
    lock: { state: "unlocked" },
    auditLogHead: null,
    publicKeySha256: publicKeyFingerprint(keys.publicKey),
    files: [],
  });
  const signature = Buffer.from(signBytes(manifest, keys.privateKey));
  const entries = [
    { path: "../evil", size: 1, sha256: "0".repeat(64) },
    { path: "x", size: 1, sha256: "0".repeat(64) },
    { path: "x", size: 1, sha256: "0".repeat(64) },
  ];
  const problems = packageProblems({ entries, manifest, signature, packagePublicKey: publicPem });
  assert.ok(problems.includes("x: appears more than once in the ZIP"));
  assert.ok(problems.includes("../evil: not a safe path inside a package"));
  // One flipped byte of the manifest breaks the signature.
  const flipped = Buffer.from(manifest);
  flipped[20] ^= 1;
  assert.equal(signatureHolds(flipped, signature.toString(), keys.publicKey), false);
  assert.equal(signatureHolds(manifest, signature.toString(), keys.publicKey), true);
});

test("exceptions: adjacent missing slots are one; rejected evidence and failing checks each one; responses attach by id", () => {
  const pkg = fixturePackage();
  assert.deepEqual(
    pkg.exceptions.map((e) => [e.id, e.start, e.end, e.response]),
    [
      ["MISSING_SLOT:AI-SEC-05:2026-02-01", "2026-02-01", "2026-03-31", ""],
      ["EVIDENCE_REJECTED:0b9d6c1e-1111-4a2b-8c3d-000000000003", "2026-02-15", "2026-02-17", ""],
      ["READINESS_CHECK:incident-plan", "2026-01-01", "2026-03-31", ""],
    ],
  );
  const answered = deriveExceptions(pkg, new Map([["READINESS_CHECK:incident-plan", "Tabletop booked for April."]]));
  assert.equal(answered[2].response, "Tabletop booked for April.");
});

test("index.html needs no network and cannot be broken out of by a title", () => {
  const pkg = fixturePackage();
  pkg.evidence[0].title = "</script><img src=https://evil.test/x>";
  const html = packageIndexHtml(pkg);
  assert.doesNotMatch(html, /<\/script><img/);
  // No absolute URL is loaded: the only http(s) strings are data (the link evidence's URL, shown as text).
  for (const tag of html.match(/<(script|link|img|iframe)[^>]*>/g) ?? []) assert.doesNotMatch(tag, /src=|href=/);
  assert.match(html, /default-src 'none'/);
});
