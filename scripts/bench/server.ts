// The production server for the HTTP benchmarks: `next build` into .next-bench (only when the
// sources changed since the last bench build), then `next start` on a free loopback port against
// the scratch database and data folder.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { staleBuildReason } from "../build/fingerprint";
import { buildApp } from "../build/next-build";
import { freePort } from "./util";
import { pidAlive } from "../process";

export const DIST_DIR = ".next-bench";
const NEXT_BIN = path.resolve("node_modules/.bin/next");

/** Builds into DIST_DIR unless it was built from exactly the current sources (scripts/build/fingerprint.ts). */
export function buildIfStale(): void {
  const stale = staleBuildReason(DIST_DIR);
  if (!stale) {
    console.log(`using the existing ${DIST_DIR} build (made from the current sources)`);
    return;
  }
  console.log(`building the app into ${DIST_DIR} (${stale})…`);
  const started = Date.now();
  buildApp(DIST_DIR, process.env, { quiet: true });
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export interface BenchServer {
  baseUrl: string;
  port: number;
  /** The process that listens on the port (next start may run the server in a child). */
  pid: number;
  /** The `next start` process that the bench spawned. */
  launcherPid: number;
  stop(): Promise<void>;
}

/** The pid that listens on 127.0.0.1:port, from `ss -ltnp`, or else the deepest descendant of root. */
export function listenerPid(port: number, root: number): number {
  const ss = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(ss.stdout ?? "");
  if (match) return Number(match[1]);
  let pid = root;
  for (;;) {
    let children: string[] = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    } catch {
      // no children file: pid is a leaf
    }
    if (children.length !== 1) return pid;
    pid = Number(children[0]);
  }
}

export async function startServer(env: { databaseUrl: string; dataDir: string }): Promise<BenchServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(NEXT_BIN, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      ATTEST_DATA_DIR: env.dataDir,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: DIST_DIR,
      EVIDENCE_MAX_BYTES: String(2 * 1024 ** 3),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    const listener = pid;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    // The listener was started by us (as next start's child, when it is not the same process).
    if (listener && listener !== child.pid && pidAlive(listener)) process.kill(listener, "SIGTERM");
  };

  let pid = 0;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/health within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  pid = listenerPid(port, child.pid!);
  return { baseUrl, port, pid, launcherPid: child.pid!, stop };
}
