// npm run demo, readiness part (docs/readiness.md): a fine-tuned feature with its dataset manifest
// (finding 5 passes), and the AI incident runbook and a tabletop exercise as accepted AI-AVL-03
// evidence marked as such (finding 6 passes). The demo leaves AI-CONF-05 (customer contracts)
// without evidence, so finding 7 shows what to fix. The period itself is scripts/demo/period.ts's.
// Idempotent: each part is skipped when it is already there. Expects scripts/demo.ts to have
// connected (connectForCli) and created the demo users.
import { Readable } from "node:stream";
import { userPrincipal, type UserPrincipal } from "@/lib/auth/principal";

const FEATURE = {
  slug: "demo-ticket-router",
  name: "Ticket router, fine-tuned (demo)",
  owner: "Support platform team",
  purpose: "Routes incoming support tickets to the right queue with a fine-tuned classifier.",
  inputData: ["CUSTOMER_CONFIDENTIAL" as const],
  outputs: "A queue name stored on the ticket.",
  invokers: ["AUTOMATED_JOBS" as const],
  failureImpact: "LOW" as const,
  usesTrainingData: true,
  vendors: [{ vendor: "OpenAI (demo)", model: "gpt-4.1-mini", fallbackStrategy: "Route to the general queue." }],
};

export async function seedReadinessDemo(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { organisationToday } = await import("@/lib/org-time");
  const { createFeature } = await import("@/lib/features/service");
  const { setDatasets } = await import("@/lib/features/datasets");
  const { setIncidentRecord } = await import("@/lib/readiness/incident-records");
  const { evidenceMaxBytes } = await import("@/lib/config");
  const { stageStream } = await import("@/lib/evidence/storage");
  const { createEvidence, parseEvidenceFields, reviewEvidence } = await import("@/lib/evidence/service");
  const { addDays, addMonths } = await import("@/lib/vendors/package");

  const today = await organisationToday();
  // The runbook was written before the period began; the datasets were approved before the fine-tune.
  const runbookDay = addMonths(today, -11);
  const asActor = async (email: string): Promise<UserPrincipal> => {
    const user = await db.user.findUnique({ where: { email } });
    if (!user) throw new Error(`The demo user ${email} does not exist: run the rest of the demo seed first.`);
    return userPrincipal(user);
  };
  const lead = await asActor("lead@demo.attest.local");
  const engineer = await asActor("engineer@demo.attest.local");

  if (!(await db.feature.findUnique({ where: { slug: FEATURE.slug } }))) {
    await createFeature(
      {
        ...FEATURE,
        status: "ACTIVE",
        automatedDecisions: false,
        irreversibleActions: false,
        exposesToolServers: false,
        logsPrompts: false,
        userFacing: false,
      },
      lead,
    );
    await setDatasets(
      FEATURE.slug,
      {
        datasets: [
          {
            name: "Resolved tickets, last twelve months (demo)",
            source: "Helpdesk export of resolved tickets with their final queue, EU tenant",
            approvedBy: "Dana Privacy, DPO (demo)",
            approvedOn: addMonths(today, -5),
            piiRemoved: true,
            notes: "Names, e-mail addresses and phone numbers replaced by placeholders before export.",
          },
          {
            name: "Synthetic edge cases (demo)",
            source: "Written by the support team for rare queues",
            approvedBy: "Sam Support, head of support (demo)",
            approvedOn: today,
            piiRemoved: true,
            notes: null,
          },
        ],
      },
      today,
      lead,
    );
  }

  // A tabletop within the last month.
  const tabletopDay = addDays(today, -30);
  const incident = [
    {
      title: "AI incident runbook: PII in model output, provider outage (demo)",
      text: "Demo runbook: detect, contain and notify when the model outputs customer PII; fail over when the provider is down.",
      effectiveDate: runbookDay,
      validUntil: addMonths(runbookDay, 24),
      kind: "PLAN" as const,
      scenarios: ["CUSTOMER_PII_IN_OUTPUT", "PROVIDER_OUTAGE"] as ("CUSTOMER_PII_IN_OUTPUT" | "PROVIDER_OUTAGE")[],
    },
    {
      title: "Tabletop exercise: the model outputs customer PII (demo)",
      text: "Demo tabletop record: scenario, participants, timeline, follow-ups.",
      effectiveDate: tabletopDay,
      validUntil: undefined,
      kind: "TABLETOP" as const,
      scenarios: ["CUSTOMER_PII_IN_OUTPUT"] as ("CUSTOMER_PII_IN_OUTPUT" | "PROVIDER_OUTAGE")[],
    },
  ];
  for (const item of incident) {
    if (await db.evidence.findFirst({ where: { title: item.title } })) continue;
    const fields = await parseEvidenceFields({
      control: "AI-AVL-03",
      title: item.title,
      description: "Demo incident response evidence.",
      effectiveDate: item.effectiveDate,
      validUntil: item.validUntil,
    });
    const staged = await stageStream(Readable.from([Buffer.from(`${item.text}\n`)]), evidenceMaxBytes());
    const evidence = await createEvidence(fields, { name: `${item.kind.toLowerCase()}-demo.txt`, staged }, engineer);
    await reviewEvidence(evidence.id, { decision: "accept", reason: "Demo review." }, lead);
    await setIncidentRecord({ evidence: evidence.id, kind: item.kind, scenarios: item.scenarios }, lead);
  }
}
