// Runs once when the server starts (however it is started): uploads that a crash or a kill cut
// short left temp files behind; none of them is evidence, so they go. Then the daily audit-log
// checkpoint timer starts (lib/audit-log/checkpoint-timer.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is served: the client address of every request from its socket (and the
  // configured trusted proxies); a bad ATTEST_TRUSTED_PROXIES stops the server here.
  const { installClientAddressHook } = await import("@/lib/auth/client-address-hook");
  installClientAddressHook();
  const { sweepTemp } = await import("@/lib/evidence/storage");
  const swept = await sweepTemp();
  if (swept) console.log(`[attest] removed ${swept} unfinished upload${swept === 1 ? "" : "s"} from the evidence temp folder`);
  // While no user exists, the setup page asks for a one-time code: print it where the operator
  // who ran `npm start` sees it.
  const { db } = await import("@/lib/db");
  const { announceSetupCode, readOrCreateSetupCode, removeSetupCode } = await import("@/lib/auth/setup-code");
  if ((await db.user.count()) === 0) announceSetupCode(readOrCreateSetupCode().code);
  else removeSetupCode();
  const { startCheckpointTimer } = await import("@/lib/audit-log/checkpoint-timer");
  startCheckpointTimer(db);
}
