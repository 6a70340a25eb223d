// npm run audit:checkpoint: signs the audit log's current head (seq, hash) and writes it to the
// checkpoint folder outside the database (ATTEST_DATA_DIR/audit-checkpoints by default).
import { connectForCli } from "@/lib/db/connect-cli";
import { checkpointDir, writeCheckpoint } from "@/lib/audit-log/checkpoint-store";
import { checkpointFileName } from "@/lib/audit-log/checkpoint";

async function main() {
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  const conn = await connectForCli();
  let written = false;
  try {
    const { db } = await import("@/lib/db");
    const checkpoint = await writeCheckpoint(db, "command line");
    if (checkpoint) {
      log(`audit checkpoint written: seq ${checkpoint.seq}, hash ${checkpoint.hash}, ${checkpointDir()}/${checkpointFileName(checkpoint)}`);
    } else {
      log("audit log is empty: nothing to checkpoint");
    }
    written = true;
  } finally {
    await conn.close();
  }
  if (!written) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
