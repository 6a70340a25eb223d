// npm run demo, changes part: the model and prompt changes of the demo period (AI-PI-01, AI-PI-02),
// recorded through the changes service as the form and the import record them, each with its
// approval record (AI-PI-01) and regression-eval report (AI-PI-02) naming its pull request or
// commit: most evaluated before release, one evaluated only after it (a finding), one hotfix
// with no ticket and no evaluation (a finding), and yesterday's change whose eval report awaits
// review. Idempotent: a change already recorded (its title) is skipped with its evidence.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { userPrincipal } from "@/lib/auth/principal";
import type { ChangeKind } from "@/lib/validations/change";

const REPO = "https://github.com/acme-demo/assist";

interface DemoChange {
  kind: ChangeKind;
  feature: string;
  title: string;
  daysAgo: number;
  pr?: number;
  ticket?: string;
  /** Days from the merge day to the eval report (negative: before release); absent: none. */
  evaluated?: number;
  /** The eval report is uploaded but not yet reviewed. */
  awaitingReview?: boolean;
}

const CHANGES: DemoChange[] = [
  {
    kind: "PROMPT_CHANGE",
    feature: "demo-support-reply-drafts",
    title: "support drafts: tone guidelines v12",
    daysAgo: 240,
    pr: 388,
    ticket: "AI-102",
    evaluated: -1,
  },
  {
    kind: "MODEL_UPGRADE",
    feature: "demo-support-reply-drafts",
    title: "config/models: support drafts to claude-sonnet-4.5",
    daysAgo: 190,
    pr: 402,
    ticket: "AI-117",
    evaluated: -2,
  },
  {
    kind: "FINE_TUNE",
    feature: "demo-ticket-router",
    title: "ticket router: retrain on the second quarter's tickets",
    daysAgo: 130,
    pr: 415,
    ticket: "AI-131",
    evaluated: -1,
  },
  {
    kind: "PROMPT_CHANGE",
    feature: "demo-contract-clause-extractor",
    title: "clause extractor: few-shot examples for renewal clauses",
    daysAgo: 95,
    pr: 431,
    ticket: "AI-140",
    evaluated: 3,
  },
  {
    kind: "CONFIG",
    feature: "demo-support-reply-drafts",
    title: "support drafts: temperature 0.7 to 0.4",
    daysAgo: 60,
    pr: 440,
    ticket: "AI-148",
    evaluated: 0,
  },
  {
    kind: "MODEL_UPGRADE",
    feature: "demo-contract-clause-extractor",
    title: "config/models: clause extractor to gpt-4.1-mini",
    daysAgo: 33,
    pr: 452,
    ticket: "AI-155",
    evaluated: -3,
  },
  { kind: "PROMPT_CHANGE", feature: "demo-support-reply-drafts", title: "hotfix: drafts must not promise refunds", daysAgo: 9 },
  {
    kind: "PROMPT_CHANGE",
    feature: "demo-support-reply-drafts",
    title: "support drafts v14: shorter greetings",
    daysAgo: 1,
    pr: 458,
    ticket: "AI-163",
    evaluated: -1,
    awaitingReview: true,
  },
];

const sha = (title: string) => createHash("sha1").update(`demo ${title}`).digest("hex");

export async function seedChangesDemo(today: string): Promise<void> {
  const { db } = await import("@/lib/db");
  const { createChange } = await import("@/lib/changes/service");
  const { changeSchema } = await import("@/lib/validations/change");
  const { addDays } = await import("@/lib/vendors/package");
  const { evidenceMaxBytes } = await import("@/lib/config");
  const { stageStream } = await import("@/lib/evidence/storage");
  const { createEvidence, parseEvidenceFields, reviewEvidence } = await import("@/lib/evidence/service");
  const users = new Map(
    (await db.user.findMany({ where: { email: { in: ["lead@demo.attest.local", "engineer@demo.attest.local"] } } })).map((u) => [
      u.email,
      userPrincipal(u),
    ]),
  );
  const lead = users.get("lead@demo.attest.local");
  const engineer = users.get("engineer@demo.attest.local");
  if (!lead || !engineer) throw new Error("The demo users must exist before the demo changes.");

  const file = async (name: string, text: string) => ({
    name,
    staged: await stageStream(Readable.from([Buffer.from(text)]), evidenceMaxBytes()),
  });

  for (const c of CHANGES) {
    if (await db.change.findFirst({ where: { title: c.title }, select: { id: true } })) continue;
    const mergeDay = addDays(today, -c.daysAgo);
    const pullRequest = c.pr ? `${REPO}/pull/${c.pr}` : undefined;
    const commitSha = sha(c.title);
    await createChange(
      changeSchema.parse({
        kind: c.kind,
        feature: c.feature,
        title: c.title,
        pullRequest,
        commitSha,
        mergedAt: `${mergeDay}T15:20:00Z`,
        approvedBy: c.ticket ? "Lee Lead (demo)" : undefined,
        ticket: c.ticket,
      }),
      engineer,
    );
    const names = c.pr ? `#${c.pr}` : commitSha.slice(0, 7);
    if (c.ticket) {
      // The approval record (AI-PI-01): the merged pull request with its approving review.
      const fields = await parseEvidenceFields({
        control: "AI-PI-01",
        title: `Change approval: ${names} ${c.title}`,
        description: "Demo evidence: pull request with its approving review and linked ticket.",
        effectiveDate: mergeDay,
        pullRequest,
        commitSha,
        features: [c.feature],
      });
      const approval = await createEvidence(
        fields,
        await file("approval.md", `# ${c.title}\nApproved by Lee Lead, ticket ${c.ticket}.\n`),
        engineer,
      );
      await reviewEvidence(approval.id, { decision: "accept", reason: "Approved before merge." }, lead);
    }
    if (c.evaluated !== undefined) {
      const evalDay = addDays(mergeDay, c.evaluated) > today ? today : addDays(mergeDay, c.evaluated);
      const fields = await parseEvidenceFields({
        control: "AI-PI-02",
        title: `Golden-dataset eval report: ${names} ${c.title}`,
        description: "Demo evidence: CI run of the regression eval on the golden dataset.",
        effectiveDate: evalDay,
        pullRequest,
        commitSha,
        runUrl: `${REPO}/actions/runs/${9_000_000 + (c.pr ?? 0)}`,
        features: [c.feature],
      });
      const report = await createEvidence(
        fields,
        await file("eval-report.json", JSON.stringify({ dataset: "golden-v7", cases: 412, passed: 405, regressions: 0, run: evalDay })),
        engineer,
      );
      if (!c.awaitingReview) await reviewEvidence(report.id, { decision: "accept", reason: "Pass rate above the 97% threshold." }, lead);
    }
  }
}
