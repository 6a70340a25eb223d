// `npm start`: the whole app from a fresh clone. Without DATABASE_URL it runs the embedded
// PostgreSQL under ATTEST_DATA_DIR; with it, that server. Either way: migrate and load the
// reference data as the schema owner, grant the app role what it needs, build if needed, and serve
// with the app role (see lib/db/roles.ts). Ctrl-C stops the app and the database cleanly.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { dataDir, insecureHttpRefusal } from "@/lib/config";
import { env } from "@/lib/env";
import { localSecrets } from "@/lib/local-secrets";
import { applyMigrations } from "@/lib/db/migrate";
import { databaseIdentity, EMBEDDED_APP_ROLE, grantAppPrivileges, privilegeWarning, setUpAppRole } from "@/lib/db/roles";
import { runningPostmaster, startEmbedded, stopStalePostmaster, type EmbeddedHandle } from "@/lib/db/embedded";
import { staleBuildReason } from "./build/fingerprint";
import { buildApp } from "./build/next-build";
import { pidAlive } from "./process";

const nextBin = path.resolve("node_modules/.bin/next");

async function main() {
  // Every variable checked before anything starts: a mistyped one is an error naming it.
  const { PORT: port, HOST: host, ATTEST_ALLOW_INSECURE_HTTP, NEXT_DIST_DIR, ...configured } = env();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const publicUrl = configured.NEXTAUTH_URL ?? `http://localhost:${port}`;
  process.env.NEXTAUTH_URL = publicUrl;
  const refusal = insecureHttpRefusal(host, publicUrl, ATTEST_ALLOW_INSECURE_HTTP);
  if (refusal) throw new Error(refusal);
  const secrets = localSecrets();
  // Blank counts as unset (lib/env.ts), here as everywhere: the generated secret then serves.
  if (!configured.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = secrets.nextauthSecret;

  let embedded: EmbeddedHandle | null = null;
  const lockFile = path.join(dataDir(), "attest.pid");
  // ownerUrl migrates and seeds; appUrl is what the web server gets as its DATABASE_URL.
  let ownerUrl: string;
  let appUrl: string;
  if (!configured.DATABASE_URL) {
    await takeOverDataDir(lockFile);
    writeLock(lockFile, null);
    const stale = runningPostmaster();
    if (stale) await stopStalePostmaster(stale);
    embedded = await startEmbedded();
    ownerUrl = embedded.url;
    appUrl = ownerUrl; // until the app role exists, after the migrations below
    process.env.DATABASE_URL = ownerUrl; // for this process only (lib/db reads it at import)
    console.log(`[attest] embedded PostgreSQL running (data in ${path.join(dataDir(), "postgres")})`);
  } else {
    appUrl = configured.DATABASE_URL;
    ownerUrl = configured.ATTEST_MIGRATION_DATABASE_URL ?? appUrl;
  }

  const { applied } = await applyMigrations(ownerUrl);
  if (applied.length) console.log(`[attest] applied migrations: ${applied.join(", ")}`);
  const { createPrismaClient } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/lib/reference/seed");
  const db = createPrismaClient(ownerUrl);
  const { controlsCreated, criteriaCreated, mappingsAdded } = await seedReferenceData(db);
  if (controlsCreated) console.log(`[attest] loaded ${controlsCreated} reference controls`);
  if (criteriaCreated && !controlsCreated) console.log(`[attest] added ${criteriaCreated} Trust Services criteria`);
  if (mappingsAdded) console.log(`[attest] mapped the guide's controls to ${mappingsAdded} more criteria`);
  await db.$disconnect();

  if (embedded) {
    appUrl = await setUpAppRole(ownerUrl, EMBEDDED_APP_ROLE, secrets.dbAppPassword);
  } else if (appUrl !== ownerUrl) {
    const app = await databaseIdentity(appUrl).catch((error: Error) => {
      throw new Error(`Cannot connect with DATABASE_URL (the app's role): ${error.message}`);
    });
    if (!privilegeWarning(app)) await grantAppPrivileges(ownerUrl, app.user);
  }
  const identity = await databaseIdentity(appUrl);
  const warning = privilegeWarning(identity);
  if (warning) console.warn(`[attest] ${warning}`);
  else console.log(`[attest] the app connects to PostgreSQL as "${identity.user}" (no schema changes; audit log insert and read only)`);
  // The server gets the app role's URL only: never the owner's.
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: appUrl };
  delete serverEnv.ATTEST_MIGRATION_DATABASE_URL;

  const rebuild = staleBuildReason(NEXT_DIST_DIR);
  if (rebuild) {
    console.log(`[attest] building the app (${rebuild})…`);
    buildApp(NEXT_DIST_DIR, serverEnv);
  }

  const server = spawn(nextBin, ["start", "-H", host, "-p", String(port)], { stdio: "inherit", env: serverEnv });
  if (embedded) writeLock(lockFile, server.pid ?? null);
  console.log(`[attest] serving http://localhost:${port}`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    if (embedded) {
      await embedded.stop();
      fs.rmSync(lockFile, { force: true });
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 1));
  // If whatever started us is killed (kill -9 of `npm start`), stop cleanly instead of leaving an
  // orphaned server and database behind.
  const launchers = launcherPids();
  setInterval(() => {
    if (launchers.some((pid) => !pidAlive(pid))) void shutdown(0);
  }, 1000).unref();
}

interface Lock {
  pid: number;
  serverPid: number | null;
}

function writeLock(file: string, serverPid: number | null) {
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, serverPid } satisfies Lock));
}

function readLock(file: string): Lock | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Lock;
  } catch {
    return null;
  }
}

/**
 * One Attest per data folder. An earlier run that is still shutting down gets a few seconds; one
 * that was killed outright (kill -9) may have left its Next server running: stop it so the port is free.
 */
async function takeOverDataDir(lockFile: string) {
  const lock = readLock(lockFile);
  if (!lock || lock.pid === process.pid) return;
  for (let i = 0; i < 100 && pidAlive(lock.pid); i++) await new Promise((r) => setTimeout(r, 200));
  if (pidAlive(lock.pid)) {
    throw new Error(
      `Attest is already running with the data folder ${dataDir()} (pid ${lock.pid}). Stop it first, or set ATTEST_DATA_DIR.`,
    );
  }
  if (lock.serverPid && pidAlive(lock.serverPid) && isNextServer(lock.serverPid)) {
    console.log(`[attest] stopping a web server left running by an earlier run (pid ${lock.serverPid})`);
    process.kill(lock.serverPid, "SIGTERM");
    for (let i = 0; i < 50 && pidAlive(lock.serverPid); i++) await new Promise((r) => setTimeout(r, 200));
  }
}

/** Our parent and, when run through `npm start`, the shell and npm above it. */
function launcherPids(): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 3 && pid > 1; depth++) {
    pids.push(pid);
    let stat: string;
    try {
      if (/\bnpm\b/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"))) break;
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      break;
    }
    pid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  }
  return pids;
}

function isNextServer(pid: number): boolean {
  try {
    return /next/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

main().catch((error) => {
  console.error(`[attest] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
