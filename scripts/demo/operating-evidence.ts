// npm run demo, operating part: months of evidence for the demo period, uploaded by the people who
// would upload it and accepted by a reviewer who did not, through the evidence service (files in
// content-addressed storage, audited). A few slots are left missing on purpose, as a real program
// has them: one month of hallucination monitoring (its exception gets a management response, see
// scripts/demo/period.ts), one quarter of tool-server auth tests, last month's SLO report. One
// upload is rejected and uploaded again; this month's first uploads await review.
// Idempotent: evidence whose title exists is not uploaded again.
import { Readable } from "node:stream";
import { userPrincipal, type UserPrincipal } from "@/lib/auth/principal";
import { SERIES, type Frequency } from "./evidence-series";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function slotLabel(start: string, frequency: Frequency): string {
  const [year, month] = start.split("-").map(Number);
  if (frequency === "MONTHLY") return `${MONTHS[month - 1]} ${year}`;
  if (frequency === "QUARTERLY") return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

export async function seedOperatingEvidenceDemo(period: { start: string; end: string }, today: string): Promise<void> {
  const { db } = await import("@/lib/db");
  const { calendarSlots } = await import("@/lib/coverage/slots");
  const { fromDay, toDayRange } = await import("@/lib/coverage/dates");
  const { addDays } = await import("@/lib/vendors/package");
  const { evidenceMaxBytes } = await import("@/lib/config");
  const { stageStream } = await import("@/lib/evidence/storage");
  const { createEvidence, parseEvidenceFields, reviewEvidence } = await import("@/lib/evidence/service");
  const asActor = async (email: string): Promise<UserPrincipal> => {
    const user = await db.user.findUnique({ where: { email } });
    if (!user) throw new Error(`The demo user ${email} does not exist: run the rest of the demo seed first.`);
    return userPrincipal(user);
  };
  const people = {
    engineer: await asActor("engineer@demo.attest.local"),
    lead: await asActor("lead@demo.attest.local"),
    admin: await asActor("admin@demo.attest.local"),
  };

  async function upload(raw: Record<string, unknown>, by: UserPrincipal, file?: { name: string; text: string }) {
    if (await db.evidence.findFirst({ where: { title: raw.title as string }, select: { id: true } })) return null;
    const fields = await parseEvidenceFields(raw);
    const staged = file ? await stageStream(Readable.from([Buffer.from(file.text)]), evidenceMaxBytes()) : undefined;
    return createEvidence(fields, file && staged ? { name: file.name, staged } : undefined, by);
  }
  const reviewerOf = (by: UserPrincipal) => (by === people.lead ? people.admin : people.lead);

  for (const series of SERIES) {
    const control = await db.control.findUniqueOrThrow({ where: { code: series.control }, select: { operatesSince: true } });
    const since = control.operatesSince?.toISOString().slice(0, 10) ?? period.start;
    const slots = calendarSlots(toDayRange(period, "period"), series.frequency)
      .map((s) => ({ start: fromDay(s.start), end: fromDay(s.end) }))
      .filter((s) => s.end >= since && s.start <= today);
    const due = slots.filter((s) => s.end < today).length;
    for (const [index, slot] of slots.entries()) {
      if (series.missing?.(index, due)) continue;
      const current = slot.end >= today;
      // Only the monthly reports of this month are uploaded yet (awaiting review).
      if (current && series.frequency !== "MONTHLY") continue;
      // Filed a few days before the slot ends (this month's: today), never before the slot starts
      // or the control began operating.
      const first = slot.start < since ? since : slot.start;
      const date = current ? today : addDays(slot.end, -3) < first ? first : addDays(slot.end, -3);
      const by = people[series.by];
      const title = series.title.replace("{slot}", slotLabel(slot.start, series.frequency) + (current ? " (to date)" : ""));
      const evidence = await upload(
        { control: series.control, title, description: "Demo evidence.", effectiveDate: date, features: series.features ?? [] },
        by,
        { name: series.file, text: series.body.replaceAll("{date}", date) },
      );
      // This slot's upload is not due yet: it waits in the review queue.
      if (evidence && !current)
        await reviewEvidence(evidence.id, { decision: "accept", reason: "Matches the control's expected evidence." }, reviewerOf(by));
    }
  }

  // A rejected upload (a screenshot without the date of the test), then the run log accepted.
  const lastQuarter = calendarSlots(toDayRange(period, "period"), "QUARTERLY")
    .map((s) => ({ start: fromDay(s.start), end: fromDay(s.end) }))
    .filter((s) => s.end < today)
    .at(-1);
  if (lastQuarter) {
    const rejected = await upload(
      {
        control: "AI-AVL-02",
        title: `Degraded-mode test screenshot, ${slotLabel(lastQuarter.start, "QUARTERLY")}`,
        description: "Demo evidence.",
        effectiveDate: addDays(lastQuarter.end, -5),
      },
      people.engineer,
      { name: "degraded-mode.txt", text: "Screenshot of the helpdesk with AI off (no date visible).\n" },
    );
    if (rejected)
      await reviewEvidence(
        rejected.id,
        { decision: "reject", reason: "The screenshot does not show when the test ran; upload the run log with its date." },
        people.lead,
      );
  }

  // Validity evidence: the prompt-log retention policy in force over the whole period, and the
  // tenant-isolation test of this year.
  const policy = await upload(
    {
      control: "AI-CONF-03",
      title: "Prompt log retention policy v3 (30 days, then deleted)",
      description: "Demo evidence.",
      effectiveDate: addDays(period.start, -120),
      validFrom: addDays(period.start, -120),
      validUntil: addDays(period.end, 180),
    },
    people.lead,
    { name: "retention-policy.md", text: "# Prompt log retention\nPrompt logs are kept 30 days, then deleted by the lifecycle rule.\n" },
  );
  if (policy) await reviewEvidence(policy.id, { decision: "accept", reason: "Approved policy, in force." }, people.admin);
  const isolation = await upload(
    { control: "AI-CONF-04", title: "Tenant isolation test of AI data", description: "Demo evidence.", effectiveDate: addDays(today, -60) },
    people.engineer,
    {
      name: "tenant-isolation.md",
      text: "# Tenant isolation\nCross-tenant retrieval attempts: 0 of 500 returned another tenant's data.\n",
    },
  );
  if (isolation) await reviewEvidence(isolation.id, { decision: "accept", reason: "External pentest appendix." }, people.lead);

  // Anthropic's SCCs, annexed to its DPA, filed under AI-PRIV-04 (transfer safeguards).
  const anthropic = await db.vendor.findUnique({ where: { name: "Anthropic (demo)" }, select: { id: true } });
  if (anthropic) {
    const sccs = await upload(
      {
        control: "AI-PRIV-04",
        title: "Standard contractual clauses, Anthropic DPA annex (demo)",
        description: "Demo evidence.",
        effectiveDate: addDays(today, -7),
        validFrom: addDays(period.start, -200),
        vendor: anthropic.id,
        vendorItem: "DPA",
      },
      people.lead,
      { name: "sccs-annex.txt", text: "EU SCCs, module 2, annexed to the signed DPA.\n" },
    );
    if (sccs) await reviewEvidence(sccs.id, { decision: "accept", reason: "Signed annex." }, people.admin);
  }
}
