// The one way Attest runs `next build`: `npm run build`, `npm start` (when the build is stale),
// `npm test` and the benchmarks all come here, so every build records the sources it was made from
// (scripts/build/fingerprint.ts) and a later `npm start` serves it without building again.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { recordBuild, sourceFingerprint } from "./fingerprint";

/**
 * Builds into distDir with env (no database or secret needed). The fingerprint is taken before the
 * build starts, so a source edited while it runs makes the next start build again. `quiet` keeps
 * next's output unless the build fails.
 */
export function buildApp(distDir: string, env: NodeJS.ProcessEnv, { quiet = false, root = "." } = {}): void {
  const fingerprint = sourceFingerprint(root);
  // next build may add its dist folder's types to tsconfig.json, a build input: put it back as it was.
  const tsconfigFile = path.join(root, "tsconfig.json");
  const tsconfig = fs.readFileSync(tsconfigFile, "utf8");
  const build = spawnSync(path.resolve(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    env: { ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (fs.readFileSync(tsconfigFile, "utf8") !== tsconfig) fs.writeFileSync(tsconfigFile, tsconfig);
  if (build.status !== 0) {
    if (quiet) console.error(build.stdout, build.stderr);
    throw new Error("next build failed; see the output above.");
  }
  recordBuild(path.resolve(root, distDir), root, fingerprint);
}
