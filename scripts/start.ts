// `npm start`: the whole app from a fresh clone. Without DATABASE_URL it runs the embedded
// PostgreSQL under ATTEST_DATA_DIR; with it, that server. Either way: migrate, load the
// reference data, build if needed, serve. Ctrl-C stops the app and the database cleanly.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";
import { localSecrets } from "@/lib/local-secrets";
import { applyMigrations } from "@/lib/db/migrate";
import { runningPostmaster, startEmbedded, stopStalePostmaster, type EmbeddedHandle } from "@/lib/db/embedded";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const nextBin = path.resolve("node_modules/.bin/next");

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const secrets = localSecrets();
  process.env.NEXTAUTH_SECRET ??= secrets.nextauthSecret;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  let embedded: EmbeddedHandle | null = null;
  const lockFile = path.join(dataDir(), "attest.pid");
  if (!process.env.DATABASE_URL) {
    const other = fs.existsSync(lockFile) ? Number(fs.readFileSync(lockFile, "utf8")) : 0;
    if (other && other !== process.pid && pidAlive(other)) {
      throw new Error(`Attest is already running with the data folder ${dataDir()} (pid ${other}). Stop it first, or set ATTEST_DATA_DIR.`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
    const stale = runningPostmaster();
    if (stale) await stopStalePostmaster(stale);
    embedded = await startEmbedded();
    process.env.DATABASE_URL = embedded.url;
    console.log(`[attest] embedded PostgreSQL running (data in ${path.join(dataDir(), "postgres")})`);
  }

  const { applied } = await applyMigrations(process.env.DATABASE_URL!);
  if (applied.length) console.log(`[attest] applied migrations: ${applied.join(", ")}`);
  const { db } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/lib/reference/seed");
  const { controlsCreated } = await seedReferenceData(db);
  if (controlsCreated) console.log(`[attest] loaded ${controlsCreated} reference controls`);
  await db.$disconnect();

  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("[attest] building the app (first start only)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed; see the output above.");
  }

  const server = spawn(nextBin, ["start", "-H", host, "-p", String(port)], { stdio: "inherit", env: process.env });
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
}

main().catch((error) => {
  console.error(`[attest] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
