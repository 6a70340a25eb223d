// `npm run test:services`: the services tier alone (lib/**/*.int.test.ts, or the files named on the
// command line), on a fresh embedded database or a new database on DATABASE_URL's server, set up
// as `npm test` sets it up (scripts/test-database.ts). Ends with "N passed, N failed".
import path from "node:path";
import { freshDatabase, prepareDatabase, runServicesTier, servicesTestFiles, temporaryDataDir, type Cleanup } from "./test-database";

async function main() {
  const cleanups: Cleanup[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env };
  let counts = { passed: 0, failed: 0 };
  try {
    const dataDir = temporaryDataDir("attest-services-", cleanups);
    const fresh = await freshDatabase(dataDir, env, cleanups);
    const appUrl = await prepareDatabase(fresh);
    const named = process.argv.slice(2).map((f) => path.resolve(f));
    counts = await runServicesTier({ url: fresh.url, appUrl }, env, named.length ? named : servicesTestFiles());
  } catch (error) {
    console.error(`\n[test:services] ${error instanceof Error ? error.stack : String(error)}`);
    counts.failed += 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e) => console.error("[test:services] cleanup:", e));
  }
  console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

void main();
