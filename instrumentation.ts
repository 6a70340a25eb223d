// Runs once when the server starts (however it is started): uploads that a crash or a kill cut
// short left temp files behind; none of them is evidence, so they go. While the server runs, a
// sweep every 15 minutes removes staged files untouched for an hour (uploads that never ended).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sweepTemp, STALE_STAGED_MS } = await import("@/lib/evidence/storage");
  const swept = await sweepTemp();
  if (swept) console.log(`[attest] removed ${swept} unfinished upload${swept === 1 ? "" : "s"} from the evidence temp folder`);
  const sweepStale = () =>
    sweepTemp(STALE_STAGED_MS).then(
      (n) => n && console.log(`[attest] removed ${n} stale staged upload${n === 1 ? "" : "s"} from the evidence temp folder`),
      (error) => console.error("[attest] sweeping the evidence temp folder failed:", error),
    );
  setInterval(sweepStale, 15 * 60 * 1000).unref();
}
