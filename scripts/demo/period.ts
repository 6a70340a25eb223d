// npm run demo, period part: a SOC 2 Type II period of twelve months that started nine months
// before the run date (every category, every feature, the demo auditor given it), and the
// management response to one of its exceptions (the month of hallucination monitoring that was
// skipped, scripts/demo/operating-evidence.ts), written through the exceptions service as the
// period page writes it. Idempotent: the period is found by name, a response already there is kept.
import { userPrincipal } from "@/lib/auth/principal";

export const DEMO_PERIOD_NAME = "SOC 2 Type II, first year (demo)";
export const ANSWERED_CONTROL = "AI-PI-04";

/** The period's dates for a run on `today`: nine months back, twelve months long. */
export async function demoPeriodDates(today: string): Promise<{ start: string; end: string }> {
  const { addDays, addMonths } = await import("@/lib/vendors/package");
  const start = addMonths(today, -9);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

async function lead() {
  const { db } = await import("@/lib/db");
  const user = await db.user.findUnique({ where: { email: "lead@demo.attest.local" } });
  if (!user) throw new Error("The demo lead does not exist: run the rest of the demo seed first.");
  return userPrincipal(user);
}

/** The demo period (created when missing); its dates as stored. */
export async function seedPeriodDemo(today: string): Promise<{ id: string; start: string; end: string }> {
  const { db } = await import("@/lib/db");
  const existing = await db.auditPeriod.findFirst({ where: { name: DEMO_PERIOD_NAME } });
  if (existing) {
    return { id: existing.id, start: existing.start.toISOString().slice(0, 10), end: existing.end.toISOString().slice(0, 10) };
  }
  const { createPeriod } = await import("@/lib/periods/service");
  const { start, end } = await demoPeriodDates(today);
  const created = await createPeriod(
    {
      name: DEMO_PERIOD_NAME,
      type: "TYPE_II",
      start,
      end,
      categories: ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"],
      features: [],
      auditors: ["auditor@demo.attest.local"],
    },
    await lead(),
  );
  return { id: created.id, start, end };
}

export async function answerExceptionDemo(periodId: string): Promise<void> {
  const { liveExceptions } = await import("@/lib/exceptions/live");
  const { writeResponse } = await import("@/lib/exceptions/service");
  const { exceptions } = await liveExceptions(periodId);
  const missed = exceptions.find((e) => e.kind === "MISSING_SLOT" && e.control === ANSWERED_CONTROL);
  if (!missed || missed.response) return;
  await writeResponse(await lead(), periodId, missed.id, {
    response:
      `The monthly safety review for ${missed.start} to ${missed.end} was not done: its reviewer was on leave and no backup was named. ` +
      "The drafts sampled that month were reviewed in the following month's review (no unsafe output found), and the rota now names a backup reviewer for every month.",
  });
}
