// npm run demo, operating part: months of evidence for the demo period, uploaded by the people who
// would upload it and accepted by a reviewer who did not, through the evidence service (files in
// content-addressed storage, audited). A few slots are left missing on purpose, as a real program
// has them: one month of hallucination monitoring (its exception gets a management response, see
// scripts/demo/period.ts), one quarter of tool-server auth tests, last month's SLO report. One
// upload is rejected and uploaded again; this month's first uploads await review.
// Idempotent: evidence whose title exists is not uploaded again.
import { Readable } from "node:stream";
import { userPrincipal, type UserPrincipal } from "@/lib/auth/principal";

type Frequency = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL";

interface Series {
  control: string;
  frequency: Frequency;
  title: string; // "{slot}" is replaced by the slot's label
  file: string; // extension .csv, .md or .txt
  body: string;
  by: "engineer" | "lead";
  features?: string[];
  /** Slots (0 = the period's first) left without evidence. */
  missing?: (index: number, due: number) => boolean;
}

const SERIES: Series[] = [
  {
    control: "AI-SEC-01",
    frequency: "QUARTERLY",
    title: "LLM API key rotation log, {slot}",
    file: "key-rotation.csv",
    by: "engineer",
    body: "key,provider,rotated_on,rotated_by\nanthropic-prod,Anthropic,{date},eve\nopenai-prod,OpenAI,{date},eve\n",
  },
  {
    control: "AI-SEC-02",
    frequency: "QUARTERLY",
    title: "Training data bucket IAM policy export, {slot}",
    file: "training-data-iam.md",
    by: "engineer",
    body: "# contracts-finetune-dataset\nRead: ml-pipeline, data-science-team. Write: ml-pipeline only. Exported {date}.\n",
  },
  {
    control: "AI-SEC-03",
    frequency: "QUARTERLY",
    title: "Tool server per-call auth test, {slot}",
    file: "tool-auth-test.txt",
    by: "engineer",
    body: "mcp-tools-server: 14 tools called without a token, 14 refused (401). Run {date}.\n",
    missing: (i) => i === 1,
  },
  {
    control: "AI-SEC-04",
    frequency: "QUARTERLY",
    title: "Prompt log bucket encryption check, {slot}",
    file: "kms-check.txt",
    by: "engineer",
    body: "prompt-logs-bucket: SSE-KMS with key alias/prompt-logs, rotation on. Checked {date}.\n",
  },
  {
    control: "AI-SEC-05",
    frequency: "QUARTERLY",
    title: "AI access review record, {slot} (spreadsheet, before Attest)",
    file: "access-review.csv",
    by: "lead",
    body: "principal,resource,decision,reviewer\nsvc-support-drafts,anthropic-prod-api-key,KEEP,eve\ncontractor.sam,prompt-logs-bucket,REVOKE,lee\n",
    // The current quarter's record is the access review signed off in Attest (scripts/demo/access-reviews.ts).
    missing: (i, due) => i >= due,
  },
  {
    control: "AI-AVL-01",
    frequency: "SEMI_ANNUAL",
    title: "Provider fallback drill, {slot}",
    file: "fallback-drill.md",
    by: "engineer",
    features: ["demo-support-reply-drafts"],
    body: "# Fallback drill\nAnthropic blocked at the egress proxy for 20 minutes on {date}; drafts fell back to the canned replies; no error reached agents.\n",
  },
  {
    control: "AI-AVL-02",
    frequency: "QUARTERLY",
    title: "Degraded-mode test without the LLM, {slot}",
    file: "degraded-mode.txt",
    by: "engineer",
    body: "Helpdesk with the AI flag off on {date}: ticket routing falls back to rules, drafts hidden, no errors.\n",
  },
  {
    control: "AI-AVL-04",
    frequency: "MONTHLY",
    title: "LLM SLO report, {slot}",
    file: "slo-report.csv",
    by: "engineer",
    body: "slo,target,actual\np95 latency,<4s,3.1s\nerror rate,<1%,0.4%\ncost per 1k calls,<$2.10,$1.85\n",
    missing: (i, due) => i === due - 1,
  },
  {
    control: "AI-PI-03",
    frequency: "MONTHLY",
    title: "Output schema validation failures, {slot}",
    file: "schema-validation.csv",
    by: "engineer",
    features: ["demo-contract-clause-extractor"],
    body: "date,calls,schema_failures,retried_ok\n{date},18234,41,41\n",
  },
  {
    control: "AI-PI-04",
    frequency: "MONTHLY",
    title: "Hallucination and safety review, {slot}",
    file: "safety-review.md",
    by: "engineer",
    features: ["demo-support-reply-drafts"],
    body: "# Monthly safety review\n200 sampled drafts reviewed on {date}: 3 factual errors, 0 unsafe outputs, 1 prompt fix filed.\n",
    missing: (i) => i === 4,
  },
  {
    control: "AI-CONF-01",
    frequency: "MONTHLY",
    title: "Prompt scanning redaction counts, {slot}",
    file: "redactions.csv",
    by: "engineer",
    body: "kind,redacted\nemail,1204\nphone,388\napi_key,3\n",
  },
  {
    control: "AI-PRIV-01",
    frequency: "QUARTERLY",
    title: "AI notice in the helpdesk, {slot}",
    file: "ai-notice.md",
    by: "lead",
    body: "Checked on {date}: the customer portal shows “Replies may be drafted with AI and are reviewed by our team.”\n",
  },
  {
    control: "AI-PRIV-02",
    frequency: "QUARTERLY",
    title: "DSAR log with AI records, {slot}",
    file: "dsar-log.csv",
    by: "lead",
    body: "request,received,closed,prompt_logs_deleted\nDSAR-101,{date},{date},yes\n",
  },
  {
    control: "AI-PRIV-03",
    frequency: "QUARTERLY",
    title: "Training consent records, {slot}",
    file: "training-consent.csv",
    by: "lead",
    body: "tenant,consent,recorded\nacme-eu,opt-in,{date}\nglobex,opt-out,{date}\n",
  },
];

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
      // Filed a few days before the slot ends (this month's: today), never before the slot starts.
      const date = current ? today : addDays(slot.end, -3) < slot.start ? slot.start : addDays(slot.end, -3);
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
