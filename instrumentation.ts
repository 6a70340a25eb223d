// Runs once when the server starts (however it is started): uploads that a crash or a kill cut
// short left temp files behind; none of them is evidence, so they go. Then the daily audit-log
// checkpoint timer starts (lib/audit-log/checkpoint-timer.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sweepTemp } = await import("@/lib/evidence/storage");
  const swept = await sweepTemp();
  if (swept) console.log(`[attest] removed ${swept} unfinished upload${swept === 1 ? "" : "s"} from the evidence temp folder`);
  const { db } = await import("@/lib/db");
  const { startCheckpointTimer } = await import("@/lib/audit-log/checkpoint-timer");
  startCheckpointTimer(db);
}
