// npm run demo: loads clearly-marked demo data (a banner shows on every page afterwards): a program
// mid-audit, nine months into a Type II period (scripts/demo/load.ts says what it loads).
// Idempotent: running it twice changes nothing. It refuses to run on a real installation: where
// any user exists that is not one of its own accounts (their passwords are printed below and
// known to everyone who has read this file).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The services the demo goes through (the gap assessment's updateControl, the exceptions'
// management responses) are server code marked "server-only", which Node resolves only under the
// react-server condition, as the app and the services tier run it. `npm run demo` passes it; a
// plain `node --import tsx scripts/demo.ts` runs the script again with it.
const CONDITION = "--conditions=react-server";

async function main() {
  const { connectForCli } = await import("@/lib/db/connect-cli");
  const { assertDemoDatabase, DEMO_USERS, loadDemo } = await import("./demo/load");
  const conn = await connectForCli();
  try {
    // Thrown: the message goes to stderr and the exit code is 1 (main's catch), after the connection closes.
    await assertDemoDatabase();
    await loadDemo();
    console.log("Demo data loaded. Sign in with one of these (demo only, never on a real installation):");
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(16)} ${u.email}  ${u.password}`);
  } finally {
    await conn.close();
  }
}

if (!process.execArgv.includes(CONDITION) && !(process.env.NODE_OPTIONS ?? "").includes(CONDITION)) {
  const run = spawnSync(process.execPath, [CONDITION, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
} else {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
