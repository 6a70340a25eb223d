import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { after, test } from "node:test";
import yauzl from "yauzl";
import yazl from "yazl";
import { userPrincipal, type Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { createEvidence, reviewEvidence, withdrawEvidence } from "@/lib/evidence/service";
import { stageStream } from "@/lib/evidence/storage";
import { exportPeriod } from "@/lib/export/build";
import type { PackageManifest } from "@/lib/export/manifest";
import { exportSigningKey } from "@/lib/export/signing-key";
import { verifyPackageFile } from "@/lib/export/verify";
import { writeResponse } from "@/lib/exceptions/service";
import { lockPeriod } from "@/lib/periods/lock";
import { scratchPeriod, scratchUser, tag } from "@/lib/testing/scratch";
import { evidenceFieldsSchema } from "@/lib/validations/evidence";

// Issue 13, items 5 and 6 through the real builder: export a scratch period with evidence files to
// a temp file, verify-package passes; one flipped byte in an evidence file inside the ZIP, one in
// the manifest, a file added and a file removed are each caught and named.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "attest-export-int-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function fileEvidence(caller: Principal, control: string, fileName: string, bytes: Buffer, effectiveDate = "2026-02-10") {
  const fields = evidenceFieldsSchema.parse({ control, title: `Export ${fileName} ${tag()}`, effectiveDate });
  const staged = await stageStream(Readable.from([bytes]), 10_000_000);
  return createEvidence(fields, { name: fileName, staged }, caller);
}

async function exportTo(periodId: string, caller: Principal, name: string): Promise<string> {
  const file = path.join(tmp, name);
  const { stream, fileName } = await exportPeriod(periodId, caller);
  assert.match(fileName, /^attest-.+-\d{4}-\d{2}-\d{2}\.zip$/);
  await pipeline(stream, fs.createWriteStream(file));
  return file;
}

/** Every entry of the ZIP: name, raw (possibly compressed) data offset and length, and the uncompressed bytes. */
async function entriesOf(file: string) {
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; bytes: Buffer; compressed: boolean }[] = [];
  for await (const entry of zipfile.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zipfile.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    out.push({ name: entry.fileName, bytes: Buffer.concat(chunks), compressed: entry.compressionMethod !== 0 });
  }
  zipfile.close();
  return out;
}

/** A copy of the ZIP with its entries changed by `edit` (each stored uncompressed, so a flipped byte stays a flipped byte). */
async function rewrite(
  file: string,
  name: string,
  edit: (entries: { name: string; bytes: Buffer }[]) => { name: string; bytes: Buffer }[],
) {
  const zip = new yazl.ZipFile();
  for (const e of edit(await entriesOf(file))) zip.addBuffer(e.bytes, e.name, { compress: false });
  zip.end();
  const target = path.join(tmp, name);
  await pipeline(zip.outputStream, fs.createWriteStream(target));
  return target;
}

/** Flips one byte of `entry`'s data where it sits in the ZIP file itself (its raw bytes, not a rewritten archive). */
async function flipInPlace(file: string, entryName: string, name: string) {
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true });
  let offset = -1;
  let length = 0;
  for await (const entry of zipfile.eachEntry()) {
    if (entry.fileName !== entryName) continue;
    // The local header is 30 bytes plus its name and extra field; the data follows.
    const fd = fs.openSync(file, "r");
    const header = Buffer.alloc(30);
    fs.readSync(fd, header, 0, 30, entry.relativeOffsetOfLocalHeader);
    fs.closeSync(fd);
    offset = entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    length = entry.compressedSize;
  }
  zipfile.close();
  assert.ok(offset > 0 && length > 0, `${entryName} is in the ZIP`);
  const bytes = fs.readFileSync(file);
  bytes[offset + Math.floor(length / 2)] ^= 0x01;
  const target = path.join(tmp, name);
  fs.writeFileSync(target, bytes);
  return target;
}

test("a period's package verifies, and tampering with it is caught and named", async () => {
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const lead = userPrincipal(leadUser);
  const engineer = userPrincipal(await scratchUser("ENGINEER"));
  const period = await scratchPeriod("2026-01-01", "2026-03-31");

  const report = await fileEvidence(
    engineer,
    "AI-SEC-01",
    "Red team report.pdf",
    Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(300_000)]),
  );
  await reviewEvidence(report.id, { decision: "accept" }, lead);
  const rejected = await fileEvidence(engineer, "AI-SEC-01", "wrong-quarter.txt", Buffer.from(`from 2025 ${tag()}\n`));
  await reviewEvidence(rejected.id, { decision: "reject", reason: "From the wrong quarter." }, lead);
  const withdrawn = await fileEvidence(engineer, "AI-SEC-01", "draft.txt", Buffer.from(`draft ${tag()}\n`));
  await withdrawEvidence(withdrawn.id, "Uploaded by mistake.", engineer);
  const outside = await fileEvidence(engineer, "AI-SEC-01", "outside.txt", Buffer.from(`2025 ${tag()}\n`), "2025-06-01");

  const good = await exportTo(period.id, lead, "good.zip");
  const verdict = await verifyPackageFile(good);
  assert.deepEqual(verdict.problems, []);
  // The key an auditor gets out of band (Settings) verifies it too.
  assert.equal((await verifyPackageFile(good, { trustedPublicKeyPem: Buffer.from(exportSigningKey().publicKeyPem) })).ok, true);

  const entries = await entriesOf(good);
  const names = entries.map((e) => e.name);
  const evidencePath = `evidence/AI-SEC-01/${report.id}-Red_team_report.pdf`;
  assert.ok(names.includes(evidencePath), names.join("\n"));
  assert.ok(names.includes(`evidence/AI-SEC-01/${rejected.id}-wrong-quarter.txt`));
  assert.ok(!names.some((n) => n.includes(outside.id)), "evidence outside the window is not in the package");
  for (const required of [
    "csv/controls.csv",
    "csv/evidence.csv",
    "csv/changes.csv",
    "csv/exceptions.csv",
    "csv/readiness-checks.csv",
    "csv/audit-log.csv",
    "csv/access-reviews.csv",
    "csv/access-review-items.csv",
    "csv/vendors.csv",
    "csv/cuecs.csv",
    "oscal/assessment-results.json",
    "index.html",
    "public-key.pem",
  ]) {
    assert.ok(names.includes(required), `${required} is in the package`);
  }
  assert.deepEqual(names.slice(-2), ["manifest.json", "manifest.sig"]);

  const manifest = JSON.parse(entries.find((e) => e.name === "manifest.json")!.bytes.toString()) as PackageManifest;
  assert.equal(manifest.period.id, period.id);
  assert.deepEqual(manifest.lock, { state: "unlocked" });
  const head = await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  assert.deepEqual(manifest.auditLogHead, { seq: head!.seq.toString(), hash: head!.hash });
  assert.ok(manifest.period.controls.includes("AI-SEC-01"));
  assert.equal(manifest.files.length, names.length - 2);

  const exceptions = entries.find((e) => e.name === "csv/exceptions.csv")!.bytes.toString();
  assert.match(exceptions, new RegExp(`EVIDENCE_REJECTED:${rejected.id}`));
  assert.match(exceptions, new RegExp(`EVIDENCE_WITHDRAWN:${withdrawn.id}`));
  const evidenceCsv = entries.find((e) => e.name === "csv/evidence.csv")!.bytes.toString();
  assert.match(evidenceCsv, new RegExp(`${report.id},AI-SEC-01,.*ACCEPTED.*${leadUser.email}`));
  const auditCsv = entries.find((e) => e.name === "csv/audit-log.csv")!.bytes.toString();
  assert.match(auditCsv.split("\r\n")[0], /prev_hash,hash$/);

  // One flipped byte in an evidence file, where it lies in the ZIP: caught and named. (Its bytes are
  // random, so deflate stores them as they are: in a long run of one byte, a flipped bit of the
  // compressed stream can inflate to the very same bytes, which is then rightly no change at all.)
  const flippedEvidence = await verifyPackageFile(await flipInPlace(good, evidencePath, "flipped-evidence.zip"));
  assert.equal(flippedEvidence.ok, false);
  assert.ok(
    flippedEvidence.problems.length > 0 && flippedEvidence.problems.every((p) => p.startsWith(`${evidencePath}: `)),
    flippedEvidence.problems.join("\n"),
  );

  // The same through a rewritten (uncompressed) archive: a changed byte with a valid ZIP around it.
  const changed = await verifyPackageFile(
    await rewrite(good, "changed-evidence.zip", (all) =>
      all.map((e) => (e.name === evidencePath ? { ...e, bytes: Buffer.from(e.bytes.map((b, i) => (i === 5000 ? b ^ 1 : b))) } : e)),
    ),
  );
  assert.equal(changed.problems.length, 1, changed.problems.join("\n"));
  assert.match(
    changed.problems[0],
    new RegExp(`^${evidencePath.replace(/[.]/g, "\\.")}: SHA-256 [0-9a-f]{64} differs from the manifest's`),
  );

  // One flipped byte in manifest.json: the signature no longer holds.
  const flippedManifest = await verifyPackageFile(
    await rewrite(good, "flipped-manifest.zip", (all) =>
      all.map((e) =>
        e.name === "manifest.json"
          ? {
              ...e,
              bytes: Buffer.from(
                e.bytes.toString().replace(`"${period.id}"`, `"${period.id.slice(0, -1)}${period.id.endsWith("0") ? "1" : "0"}"`),
              ),
            }
          : e,
      ),
    ),
  );
  assert.deepEqual(flippedManifest.problems, ["manifest.sig: the signature of manifest.json does not hold under public-key.pem"]);
  const flippedInPlace = await verifyPackageFile(await flipInPlace(good, "manifest.json", "flipped-manifest-raw.zip"));
  assert.equal(flippedInPlace.ok, false);
  // Whatever else the altered manifest now claims, its signature fails first.
  assert.equal(
    flippedInPlace.problems[0],
    "manifest.sig: the signature of manifest.json does not hold under public-key.pem",
    flippedInPlace.problems.join("\n"),
  );

  // A file added, a file removed.
  const extra = await verifyPackageFile(
    await rewrite(good, "extra.zip", (all) => [
      ...all.slice(0, -2),
      { name: "evidence/AI-SEC-01/later.txt", bytes: Buffer.from("x") },
      ...all.slice(-2),
    ]),
  );
  assert.deepEqual(extra.problems, ["evidence/AI-SEC-01/later.txt: in the package but not listed in manifest.json"]);
  const missing = await verifyPackageFile(await rewrite(good, "missing.zip", (all) => all.filter((e) => e.name !== "csv/changes.csv")));
  assert.deepEqual(missing.problems, ["csv/changes.csv: listed in manifest.json but missing from the package"]);
});

test("a locked period's package names its lock and shows its snapshot, whatever was uploaded since", async () => {
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const lead = userPrincipal(leadUser);
  const engineer = userPrincipal(await scratchUser("ENGINEER"));
  // 2015: no other test evidences AI-SEC-05 then, so all of it is one missing run.
  const period = await scratchPeriod("2015-01-01", "2015-12-31");
  const missing = "MISSING_SLOT:AI-SEC-05:2015-01-01";
  await writeResponse(lead, period.id, missing, { response: "No access review was held in 2015." });
  const lock = await lockPeriod(period.id, lead);
  const late = await fileEvidence(engineer, "AI-SEC-05", "q1-review.txt", Buffer.from(`Q1 review ${tag()}\n`), "2015-02-01");
  await reviewEvidence(late.id, { decision: "accept" }, lead);

  const file = await exportTo(period.id, lead, "locked.zip");
  assert.deepEqual((await verifyPackageFile(file)).problems, []);
  const entries = await entriesOf(file);
  const manifest = JSON.parse(entries.find((e) => e.name === "manifest.json")!.bytes.toString()) as PackageManifest;
  assert.deepEqual(manifest.lock, { state: "locked", lockedAt: lock.lockedAt, lockedBy: leadUser.email });
  const exceptions = entries.find((e) => e.name === "csv/exceptions.csv")!.bytes.toString();
  assert.match(exceptions, new RegExp(`${missing}.*No access review was held in 2015\\.`));
  const controls = entries.find((e) => e.name === "csv/controls.csv")!.bytes.toString();
  const sec05 = controls.split("\r\n").find((line) => line.startsWith("AI-SEC-05,"))!;
  assert.ok(sec05, controls);
  const [, expected, covered] = /,(\d+),(\d+),[^,]*,[A-Z_]+$/.exec(sec05)!;
  assert.deepEqual([expected, covered], ["4", "0"], `as frozen at the lock, not Q1 covered since: ${sec05}`);
  // Evidence is immutable: the package carries the late upload's file all the same.
  assert.ok(entries.some((e) => e.name.includes(late.id)));
});

test("an unknown period is a 404 before anything is written", async () => {
  const lead = userPrincipal(await scratchUser("COMPLIANCE_LEAD"));
  await assert.rejects(
    exportPeriod("00000000-0000-4000-8000-000000000000", lead),
    (e: Error & { code?: string }) => e.code === "NOT_FOUND",
  );
});
