// Benchmark: a 1 GiB evidence upload through POST /api/v1/evidence on the production server.
// Issue 4's targets: the server's memory grows by less than 100 MB during the upload, and the
// upload runs at least half as fast as `sha256sum` + `cp` of the same file on the same machine.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchServer } from "./server";
import { loadAverage, verdict } from "./util";

type Db = (typeof import("@/lib/db"))["db"];

const GIB = 1024 ** 3;
const MB = 1e6;
const CHUNK = 1024 * 1024;

/** An ENGINEER API token as an admin would create it (the secret's SHA-256 is stored). */
async function insertToken(db: Db): Promise<string> {
  const secret = `att_${randomBytes(32).toString("base64url")}`;
  const tokenHash = createHash("sha256").update(secret).digest("hex");
  await db.$executeRaw`INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt")
    VALUES (gen_random_uuid(), 'bench upload', ${tokenHash}, ${secret.slice(0, 10)}, 'ENGINEER', '{}', now() + interval '1 day')`;
  return secret;
}

/** Writes size random bytes to file in 1 MiB chunks (never all in memory); returns their SHA-256. */
async function writeRandomFile(file: string, size: number): Promise<string> {
  const hash = createHash("sha256");
  const out = fs.createWriteStream(file);
  for (let written = 0; written < size;) {
    const chunk = randomBytes(Math.min(CHUNK, size - written));
    // A recognisable, harmless start: random bytes could begin with "MZ" or "#!" and be refused as an executable.
    if (written === 0) chunk.write("ATTEST-BENCH\n");
    hash.update(chunk);
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(() => resolve());
  });
  return hash.digest("hex");
}

const today = () => new Date().toISOString().slice(0, 10);

/** POSTs file as multipart/form-data, streamed from disk with a Content-Length; resolves with status and body. */
function uploadFile(
  server: BenchServer,
  token: string,
  file: string,
  title: string,
): Promise<{ status: number; body: string; sentAt: number }> {
  const boundary = `----attestbench${randomBytes(12).toString("hex")}`;
  const fields = { control: "AI-SEC-05", title, effectiveDate: today() };
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = fs.statSync(file).size;
  return new Promise((resolve, reject) => {
    let sentAt = 0;
    const req = http.request(`${server.baseUrl}/api/v1/evidence`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": head.length + size + tail.length,
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sentAt }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.on("finish", () => (sentAt = performance.now())); // the last byte is handed to the socket
    req.write(head);
    const source = fs.createReadStream(file, { highWaterMark: CHUNK });
    source.on("error", reject);
    source.on("end", () => req.end(tail));
    source.pipe(req, { end: false });
  });
}

const rssBytes = (pid: number, field: "VmRSS" | "VmHWM" = "VmRSS") => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
};

/** Samples the server's RSS every 50 ms until stopped; the peak also counts VmHWM (reset at the start). */
function sampleRss(pid: number) {
  let peak = rssBytes(pid);
  let samples = 0;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
  } catch {
    // not allowed (another user's process): the 50 ms samples alone
  }
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
    samples++;
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      const hwm = rssBytes(pid, "VmHWM");
      return { peak: Math.max(peak, rssBytes(pid), hwm), sampledPeak: peak, hwm, samples };
    },
  };
}

/** CPU seconds (user + system) that a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Wall time of a command, in seconds; throws when it fails. */
function run(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return (performance.now() - start) / 1000;
}

export interface UploadRun {
  uploadSeconds: number;
  baseline: number;
  peak: number;
  referenceSeconds: number;
  load: string;
}

async function uploadOnce(server: BenchServer, token: string, dataDir: string, index: number): Promise<UploadRun> {
  const dir = path.join(dataDir, "bench-upload");
  const file = path.join(dir, `bench-1g-${index}.bin`);
  const copy = path.join(dir, "copy");
  try {
    const expected = await writeRandomFile(file, GIB);
    run("sync", []); // the generated file's dirty pages are written before anything is timed
    const load = loadAverage();
    const baseline = rssBytes(server.pid);
    const sampler = sampleRss(server.pid);
    const serverCpu = cpuSeconds(server.pid);
    const clientCpu = process.cpuUsage();
    const start = performance.now();
    const res = await uploadFile(server, token, file, `Bench upload ${index}`);
    const end = performance.now();
    const uploadSeconds = (end - start) / 1000;
    const memory = sampler.stop();
    const client = process.cpuUsage(clientCpu);
    const cpu = {
      server: cpuSeconds(server.pid) - serverCpu,
      client: (client.user + client.system) / 1e6,
      afterLastByte: (end - res.sentAt) / 1000,
    };
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.body.slice(0, 500)}`);
    const { sha256, size } = JSON.parse(res.body) as { sha256: string; size: number };
    if (sha256 !== expected) throw new Error(`the server's sha256 ${sha256} is not the file's ${expected}`);
    if (size !== GIB) throw new Error(`the server recorded ${size} bytes, not ${GIB}`);

    run("sync", []);
    const referenceSeconds = run("sha256sum", [file]) + run("cp", [file, copy]);
    console.log(
      `run ${index}: upload ${uploadSeconds.toFixed(2)} s, sha256sum + cp ${referenceSeconds.toFixed(2)} s (ratio ${(referenceSeconds / uploadSeconds).toFixed(2)}), RSS ${mb(baseline)} -> ${mb(memory.peak)} MB ` +
        `(50 ms samples ${memory.samples}, sampled peak ${mb(memory.sampledPeak)} MB, VmHWM ${mb(memory.hwm)} MB), load ${load}\n` +
        `       the response came ${cpu.afterLastByte.toFixed(2)} s after the last byte was sent; CPU during the upload: ` +
        `server ${cpu.server.toFixed(2)} s, this client ${cpu.client.toFixed(2)} s`,
    );
    // The stored copy is scratch data too: remove it so that the next run has the disk to itself.
    fs.rmSync(path.join(dataDir, "evidence", "sha256", sha256.slice(0, 2), sha256), { force: true });
    return { uploadSeconds, baseline, peak: memory.peak, referenceSeconds, load };
  } finally {
    fs.rmSync(file, { force: true });
    fs.rmSync(copy, { force: true });
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `runs` uploads of a fresh 1 GiB random file each (fresh bytes, so none is deduplicated); medians are reported. */
export async function benchEvidenceUpload(db: Db, server: BenchServer, dataDir: string, runs: number) {
  console.log(`\nEvidence upload: 1 GiB through POST /api/v1/evidence (${runs} run${runs === 1 ? "" : "s"})`);
  console.log(`server ${server.baseUrl}: listening pid ${server.pid}, next start pid ${server.launcherPid}`);
  const dir = path.join(dataDir, "bench-upload");
  fs.mkdirSync(dir, { recursive: true });
  try {
    const token = await insertToken(db);
    // Warm-up: the route's first request compiles and loads its modules.
    const small = path.join(dir, "warm-up.bin");
    await writeRandomFile(small, 1024 * 1024);
    const warm = await uploadFile(server, token, small, "Bench warm-up");
    if (warm.status !== 201) throw new Error(`warm-up upload answered ${warm.status}: ${warm.body.slice(0, 500)}`);
    fs.rmSync(small);

    const results: UploadRun[] = [];
    for (let i = 1; i <= runs; i++) results.push(await uploadOnce(server, token, dataDir, i));
    // Medians over the runs; the memory figures are those of the run that grew the most.
    const uploadSeconds = median(results.map((r) => r.uploadSeconds));
    const referenceSeconds = median(results.map((r) => r.referenceSeconds));
    const ratio = median(results.map((r) => r.referenceSeconds / r.uploadSeconds));
    const worst = results.reduce((a, b) => (b.peak - b.baseline > a.peak - a.baseline ? b : a));
    const growth = worst.peak - worst.baseline;
    console.log(`upload                ${(GIB / MB / uploadSeconds).toFixed(0)} MB/s (${uploadSeconds.toFixed(2)} s for 1 GiB)`);
    console.log(`server RSS            baseline ${mb(worst.baseline)} MB, peak ${mb(worst.peak)} MB`);
    console.log(`RSS growth            ${mb(growth)} MB (target < 100 MB): ${verdict(growth < 100 * MB)}`);
    console.log(`sha256sum + cp        ${referenceSeconds.toFixed(2)} s (${(GIB / MB / referenceSeconds).toFixed(0)} MB/s)`);
    console.log(`throughput ratio      ${ratio.toFixed(2)} (target >= 0.5): ${verdict(ratio >= 0.5)}`);
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
