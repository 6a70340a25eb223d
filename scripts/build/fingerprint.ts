// Whether a `next build` output still matches the sources: `npm start` rebuilds when it does not,
// so `git pull && npm ci && npm start` serves the new code instead of the last build. The
// fingerprint is a hash of every file that goes into the build (sources, the lockfile, the
// configuration), written next to the build after it succeeds and compared on the next start.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What a build is made of, relative to the project's root: folders are walked. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Generated or not part of the build: the Prisma client comes from prisma/schema.prisma, which is hashed. */
const SKIPPED = new Set(["node_modules", "generated"]);
const isTest = (name: string) => /\.(test|int\.test)\.tsx?$/.test(name);

export const BUILD_RECORD = "attest-build.json";

function files(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return isTest(entry) ? [] : [entry];
  return fs
    .readdirSync(full)
    .filter((name) => !SKIPPED.has(name) && !name.startsWith("."))
    .flatMap((name) => files(root, path.posix.join(entry, name)));
}

/** A hash of every build input's path and content under root. */
export function sourceFingerprint(root = "."): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap((entry) => files(root, entry)).sort()) {
    hash.update(`${file}\0`);
    hash.update(
      createHash("sha256")
        .update(fs.readFileSync(path.join(root, file)))
        .digest("hex"),
    );
    hash.update("\n");
  }
  return hash.digest("hex");
}

function recordedFingerprint(distDir: string): string | null {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(distDir, BUILD_RECORD), "utf8")) as { fingerprint?: unknown };
    return typeof record.fingerprint === "string" ? record.fingerprint : null;
  } catch {
    return null;
  }
}

/** Why distDir must be built again, or null when it was built from exactly these sources. */
export function staleBuildReason(distDir: string, root = "."): string | null {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) return "no build yet";
  const recorded = recordedFingerprint(distDir);
  if (!recorded) return "the build does not say which sources it was made from";
  if (recorded !== sourceFingerprint(root)) return "the sources or the lockfile changed since the last build";
  return null;
}

/** After a successful build: remember which sources it was made from (as fingerprinted when it began). */
export function recordBuild(distDir: string, root = ".", fingerprint = sourceFingerprint(root)): void {
  const record = { fingerprint, builtAt: new Date().toISOString() };
  fs.writeFileSync(path.join(distDir, BUILD_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}
