// Benchmark: the auditor package of a period with many evidence files (issue 13: 2 GB in 10,000
// files; BENCH_EXPORT_FILES and BENCH_EXPORT_MB scale it down). Runs the export in this process,
// as the route handler does (exportPeriod, its stream piped to a file), sampling this process's
// RSS every 20 ms; then `zip -r` of the same files on the same disk. Targets: peak RSS growth
// under 150 MB, time at most 1.5x `zip -r`.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import { loadAverage, verdict } from "./util";

type Db = (typeof import("@/lib/db"))["db"];
const MB = 1e6;

export async function benchExport(db: Db, dataDir: string) {
  const files = Number(process.env.BENCH_EXPORT_FILES ?? 10_000);
  const totalBytes = Number(process.env.BENCH_EXPORT_MB ?? 2_000) * MB;
  const size = Math.floor(totalBytes / files);
  const { storedPath } = await import("@/lib/evidence/storage");
  const control = await db.control.findUniqueOrThrow({ where: { code: "AI-SEC-01" } });
  const period = await db.auditPeriod.create({
    data: { name: "Bench export", type: "TYPE_II", start: new Date("2026-01-01"), end: new Date("2026-12-31"), categories: ["SECURITY"] },
  });
  // Random bytes (deflate cannot shrink them: the worst case for time), stored as uploads are, and
  // a plain folder of the same files for `zip -r`.
  const plain = path.join(dataDir, "bench-export-plain");
  fs.mkdirSync(plain, { recursive: true });
  const seedStart = performance.now();
  const rows: { id: string; sha256: string }[] = [];
  for (let i = 0; i < files; i++) {
    const bytes = randomBytes(size);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = storedPath(sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    fs.writeFileSync(path.join(plain, `${i}.bin`), bytes);
    rows.push({ id: randomUUID(), sha256 });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.storedFile.createMany({
      data: chunk.map((r) => ({ sha256: r.sha256, size: BigInt(size), mediaType: "application/octet-stream" })),
    });
    await db.evidence.createMany({
      data: chunk.map((r, j) => ({
        id: r.id,
        lineageId: r.id,
        controlId: control.id,
        title: `Bench evidence ${i + j}`,
        effectiveDate: new Date(Date.UTC(2026, 0, 1 + ((i + j) % 360))),
        source: "API" as const,
        fileSha256: r.sha256,
        fileName: `bench-${i + j}.bin`,
        status: "ACCEPTED" as const,
      })),
    });
  }
  console.log(
    `\nexport: ${files} files of ${(size / 1e3).toFixed(0)} kB (${(totalBytes / MB).toFixed(0)} MB) seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const { exportPeriod } = await import("@/lib/export/build");
  const { cliPrincipal } = await import("@/lib/auth/principal");
  const out = path.join(dataDir, "bench-export.zip");
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const { stream } = await exportPeriod(period.id, cliPrincipal("bench"));
  await pipeline(stream, fs.createWriteStream(out));
  const exportMs = performance.now() - start;
  clearInterval(sampler);
  const exportSize = fs.statSync(out).size;

  const zipOut = path.join(dataDir, "bench-zip-r.zip");
  const zipStart = performance.now();
  const zip = spawnSync("zip", ["-q", "-r", zipOut, "."], { cwd: plain });
  const zipMs = performance.now() - zipStart;
  if (zip.status !== 0) throw new Error(`zip -r failed: ${zip.stderr}`);

  const { verifyPackageFile } = await import("@/lib/export/verify");
  const verifyStart = performance.now();
  const verified = await verifyPackageFile(out);
  const verifyMs = performance.now() - verifyStart;

  const growth = (peak - baseline) / MB;
  const ratio = exportMs / zipMs;
  console.log(
    `export ${(exportMs / 1000).toFixed(1)} s (${(exportSize / MB).toFixed(0)} MB ZIP), zip -r ${(zipMs / 1000).toFixed(1)} s: ratio ${ratio.toFixed(2)} (target <= 1.5) ${verdict(ratio <= 1.5)}`,
  );
  console.log(`peak RSS growth ${growth.toFixed(1)} MB (baseline ${(baseline / MB).toFixed(0)} MB; target < 150) ${verdict(growth < 150)}`);
  console.log(
    `verify-package of it: ${(verifyMs / 1000).toFixed(1)} s, ${verified.ok ? "verified" : `FAILED: ${verified.problems.slice(0, 3).join("; ")}`}`,
  );
  console.log(`load average ${loadAverage()}`);
  for (const f of [out, zipOut]) fs.rmSync(f, { force: true });
  fs.rmSync(plain, { recursive: true, force: true });
}
