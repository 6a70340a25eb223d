// Demo access reviews (called by scripts/demo.ts after the demo users and features exist): this
// quarter's AI access review, decided and signed off in its quarter, whose record is accepted
// AI-SEC-05 evidence for this quarter (the earlier quarters' records were kept in a spreadsheet,
// scripts/demo/operating-evidence.ts); and a second review of this quarter, of the new training
// data and tool server, in progress and partly decided (with the reason a second review of a
// quarter needs). Both go through the app's own service functions, so the record, its SHA-256
// and the audit log are real; sign-off takes the database clock's date, which is why the signed
// review is this quarter's. Idempotent: an access review that already exists (by name) is left
// as it is.
import { cliPrincipal, userPrincipal } from "@/lib/auth/principal";
import type { ItemInput } from "@/lib/validations/access-review";

const LEAD = "lead@demo.attest.local";
const ENGINEER = "engineer@demo.attest.local";
const ADMIN = "admin@demo.attest.local";

type DemoItem = Omit<ItemInput, "source"> & {
  decide?: { decision: "KEEP" | "REVOKE" | "MODIFY"; comment: string; selfJustification?: string };
};

const SIGNED_ITEMS: DemoItem[] = [
  {
    principal: ENGINEER,
    principalKind: "HUMAN",
    resource: "anthropic-prod-api-key",
    resourceKind: "MODEL_API_KEY",
    accessLevel: "Console admin",
    reviewer: ENGINEER,
    decide: {
      decision: "KEEP",
      comment: "On call for the support drafts feature; rotates the key.",
      selfJustification: "I am the feature's on-call owner; the lead confirmed the rota.",
    },
  },
  {
    principal: "svc-support-drafts",
    principalKind: "SERVICE",
    resource: "anthropic-prod-api-key",
    resourceKind: "MODEL_API_KEY",
    accessLevel: "Invoke",
    reviewer: ENGINEER,
    decide: { decision: "KEEP", comment: "The production service account of the feature." },
  },
  {
    principal: "contractor.jo@example.com",
    principalKind: "HUMAN",
    resource: "prompt-logs-bucket",
    resourceKind: "PROMPT_LOGS",
    accessLevel: "Read",
    reviewer: LEAD,
    decide: { decision: "REVOKE", comment: "Contract ended last month." },
  },
  {
    principal: "data-science-team",
    principalKind: "SERVICE",
    resource: "contracts-finetune-dataset",
    resourceKind: "TRAINING_DATA",
    accessLevel: "Read/write",
    reviewer: LEAD,
    decide: { decision: "MODIFY", comment: "Needs read only; write goes through the pipeline." },
  },
];

const OPEN_ITEMS: DemoItem[] = [
  {
    principal: "svc-contract-extractor",
    principalKind: "SERVICE",
    resource: "openai-prod-api-key",
    resourceKind: "MODEL_API_KEY",
    accessLevel: "Invoke",
    reviewer: ENGINEER,
    decide: { decision: "KEEP", comment: "Production job of the clause extractor." },
  },
  {
    principal: ENGINEER,
    principalKind: "HUMAN",
    resource: "openai-prod-api-key",
    resourceKind: "MODEL_API_KEY",
    accessLevel: "Owner",
    reviewer: ENGINEER,
  },
  {
    principal: "ml-intern@example.com",
    principalKind: "HUMAN",
    resource: "prompt-logs-bucket",
    resourceKind: "PROMPT_LOGS",
    accessLevel: "Read",
    reviewer: ENGINEER,
  },
  {
    principal: ADMIN,
    principalKind: "HUMAN",
    resource: "mcp-tools-server",
    resourceKind: "TOOL_SERVER",
    accessLevel: "Deploy",
    reviewer: LEAD,
    decide: { decision: "REVOKE", comment: "Deploys go through CI now." },
  },
  {
    principal: "svc-eval-runner",
    principalKind: "SERVICE",
    resource: "mcp-tools-server",
    resourceKind: "TOOL_SERVER",
    accessLevel: "Call tools",
    reviewer: LEAD,
  },
];

export async function seedAccessReviewDemo(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { createReview, addItems, startReview } = await import("@/lib/access-reviews/service");
  const { decideItem } = await import("@/lib/access-reviews/decisions");
  const { signOffReview } = await import("@/lib/access-reviews/sign-off");

  const users = new Map((await db.user.findMany({ where: { email: { in: [LEAD, ENGINEER, ADMIN] } } })).map((u) => [u.email, u]));
  const lead = users.get(LEAD);
  if (!lead || !users.get(ENGINEER)) throw new Error("The demo users must exist before the demo access reviews.");
  const asUser = (email: string) => userPrincipal(users.get(email)!);
  const system = cliPrincipal("demo");
  const features = (await db.feature.findMany({ where: { slug: { startsWith: "demo-" } }, select: { slug: true } })).map((f) => f.slug);

  // The organisation's quarter, as sign-off dates the record.
  const { organisationToday } = await import("@/lib/org-time");
  const { quarterOf } = await import("@/lib/access-reviews/schedule");
  const current = quarterOf(await organisationToday());

  async function seedReview(name: string, quarter: string, items: DemoItem[], signOff: string | null, reason: string) {
    if (await db.accessReview.findFirst({ where: { name } })) return;
    const review = await createReview(
      {
        name,
        quarter,
        dueDate: undefined,
        features,
        resources: ["MODEL_API_KEY", "PROMPT_LOGS", "TRAINING_DATA", "TOOL_SERVER"],
        // Kept only when the quarter already has an access review (docs/access-reviews.md).
        sameQuarterReason: reason,
      },
      asUser(LEAD),
    );
    await addItems(
      review.id,
      items.map(({ decide: _decide, ...item }) => ({ ...item, source: "Demo IAM export" })),
      system,
      "form",
    );
    await startReview(review.id, asUser(LEAD));
    const rows = await db.accessReviewItem.findMany({ where: { reviewId: review.id }, orderBy: { position: "asc" } });
    for (const [i, row] of rows.entries()) {
      const decide = items[i].decide;
      if (decide && items[i].reviewer)
        await decideItem(review.id, row.id, { selfJustification: undefined, ...decide }, asUser(items[i].reviewer!));
    }
    if (signOff) await signOffReview(review.id, signOff, asUser(LEAD));
  }

  const reason = "Demo access review, loaded beside the access reviews already there.";
  await seedReview(
    `${current} AI access review (demo)`,
    current,
    SIGNED_ITEMS,
    "All access to the model API keys, prompt logs, training data and tool servers in scope was reviewed by the assigned reviewers; revocations are tracked to completion.",
    reason,
  );
  await seedReview(
    `${current} training data and tool server access (demo)`,
    current,
    OPEN_ITEMS,
    null,
    "A second review this quarter: the fine-tuning dataset and the MCP tool server were added after the quarter's AI access review was scoped.",
  );
}
