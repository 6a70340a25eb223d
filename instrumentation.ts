// Runs once when the server starts (however it is started): uploads that a crash or a kill cut
// short left temp files behind; none of them is evidence, so they go. While the server runs, a
// sweep every 15 minutes removes staged files untouched for an hour (uploads that never ended).
// Then the setup code (while no user exists) and the daily audit-log checkpoint timer
// (lib/audit-log/checkpoint-timer.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The environment, checked once before anything else: a mistyped number or a missing
  // DATABASE_URL / NEXTAUTH_SECRET stops the server here with the variable's name.
  const { parseServerEnv } = await import("@/lib/env");
  parseServerEnv(process.env);
  // Before any request is served: the client address of every request from its socket (and the
  // configured trusted proxies); a bad ATTEST_TRUSTED_PROXIES stops the server here.
  const { installClientAddressHook } = await import("@/lib/auth/client-address-hook");
  installClientAddressHook();
  const { sweepTemp, STALE_STAGED_MS } = await import("@/lib/evidence/storage");
  const swept = await sweepTemp();
  if (swept) console.log(`[attest] removed ${swept} unfinished upload${swept === 1 ? "" : "s"} from the evidence temp folder`);
  const sweepStale = () =>
    sweepTemp(STALE_STAGED_MS).then(
      (n) => n && console.log(`[attest] removed ${n} stale staged upload${n === 1 ? "" : "s"} from the evidence temp folder`),
      (error) => console.error("[attest] sweeping the evidence temp folder failed:", error),
    );
  setInterval(sweepStale, 15 * 60 * 1000).unref();
  // While no user exists, the setup page asks for a one-time code: print it where the operator
  // who ran `npm start` sees it.
  const { db } = await import("@/lib/db");
  const { announceSetupCode, readOrCreateSetupCode, removeSetupCode } = await import("@/lib/auth/setup-code");
  if ((await db.user.count()) === 0) announceSetupCode(readOrCreateSetupCode().code);
  else removeSetupCode();
  const { startCheckpointTimer } = await import("@/lib/audit-log/checkpoint-timer");
  startCheckpointTimer(db);
}
