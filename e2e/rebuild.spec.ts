import { expect, test } from "./fixtures";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./support/ports";

// `git pull && npm ci && npm start` must serve the new code (issue 12, item 7). In a scratch copy
// of the project: a first `npm start` serves a page, the page's text is changed, and the next
// `npm start` rebuilds and serves the new text. The copy starts with the build that npm test just
// made (and recorded the fingerprint of), so only the second start builds: one build, not two.
test.describe.configure({ timeout: 1_200_000 });

const ROOT = process.cwd();
const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const PAGE = "app/(auth)/setup/page.tsx";
const OLD_TEXT = "<h1>Set up Attest</h1>";
// Left out of the copy: dependencies (hard-linked below), builds, data and test output.
const NOT_COPIED = new Set(["node_modules", ".git", "data", "tmp", "test-results", "playwright-report"]);

interface Run {
  child: ChildProcess;
  log: () => string;
  exited: Promise<void>;
}

test("npm start rebuilds when a page changed since the last build, and serves the new text", async () => {
  // Inside the project (its tmp/ is ignored by git) so that node_modules can be hard-linked:
  // same file system, a few seconds instead of copying the dependencies.
  fs.mkdirSync(path.join(ROOT, "tmp"), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(ROOT, "tmp", "rebuild-"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-rebuild-data-"));
  // Run as root, the embedded PostgreSQL drops to its own user, which must reach its binaries and data.
  fs.chmodSync(scratch, 0o755);
  fs.chmodSync(dataDir, 0o711);
  const runs: Run[] = [];
  try {
    // Entry by entry: fs.cpSync refuses to copy a folder into its own subfolder, filter or not.
    for (const entry of fs.readdirSync(ROOT)) {
      if (NOT_COPIED.has(entry) || entry.startsWith("test-results")) continue;
      // The suite's own build, with its compiler cache (copied, not linked: the rebuild writes to it).
      if (entry.startsWith(".next") && entry !== DIST) continue;
      fs.cpSync(path.join(ROOT, entry), path.join(scratch, entry), { recursive: true });
    }
    const link = spawn("cp", ["-al", path.join(ROOT, "node_modules"), path.join(scratch, "node_modules")], { stdio: "inherit" });
    await new Promise<void>((resolve, reject) =>
      link.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`cp -al: ${code}`)))),
    );

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ATTEST_DATA_DIR: dataDir,
      PORT: String(port),
      ATTEST_EMBEDDED_DB_PORT: String(await freePort()),
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // As a user runs it: the embedded database, generated secrets, the default public URL.
    for (const key of [
      "DATABASE_URL",
      "APP_DATABASE_URL",
      "ATTEST_MIGRATION_DATABASE_URL",
      "NEXTAUTH_URL",
      "NEXTAUTH_SECRET",
      "BASE_URL",
    ]) {
      delete env[key];
    }

    const start = (): Run => {
      let output = "";
      const child = spawn("npm", ["start"], { cwd: scratch, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.on("data", (chunk) => (output += chunk));
      child.stderr!.on("data", (chunk) => (output += chunk));
      const run = { child, log: () => output, exited: new Promise<void>((resolve) => child.once("exit", () => resolve())) };
      runs.push(run);
      return run;
    };
    const setupPage = async (run: Run): Promise<string> => {
      const until = Date.now() + 600_000;
      while (Date.now() < until) {
        if (run.child.exitCode !== null) throw new Error(`npm start exited early:\n${run.log()}`);
        const html = await fetch(`http://127.0.0.1:${port}/setup`)
          .then((response) => (response.ok ? response.text() : ""))
          .catch(() => "");
        if (html) return html;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`npm start did not serve /setup:\n${run.log()}`);
    };
    const stop = async (run: Run) => {
      process.kill(-run.child.pid!, "SIGINT");
      await run.exited;
    };

    const first = start();
    expect(await setupPage(first)).toContain(OLD_TEXT);
    expect(first.log(), "the copied build matches the copied sources: no build on the first start").not.toContain("building the app");
    await stop(first);

    const page = path.join(scratch, PAGE);
    const newText = `<h1>Set up Attest, rebuilt ${Date.now()}</h1>`;
    fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace(OLD_TEXT, newText));

    const second = start();
    const html = await setupPage(second);
    expect(second.log()).toContain("building the app (the sources or the lockfile changed since the last build)");
    expect(html).toContain(newText.replace("</h1>", ""));
    expect(html).not.toContain(OLD_TEXT);
    await stop(second);
  } finally {
    for (const run of runs) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        process.kill(-run.child.pid!, "SIGKILL");
        await run.exited;
      }
    }
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
