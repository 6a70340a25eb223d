// The demo's loader (npm run demo, scripts/demo.ts): everything it writes, in order, each part
// through the app's own services so that the audit log and the stored files are real (the users
// are inserted here: their published passwords contain the mailbox name, which the user service
// rightly refuses; each insert has its audit entry in the same transaction). Idempotent
// part by part. The caller has connected (connectForCli) and checked that the database is the
// demo's (assertDemoDatabase); the services tier calls it on a scratch database
// (lib/demo/demo.int.test.ts).
import { appendAudit } from "@/lib/audit-log/append";
import { cliPrincipal } from "@/lib/auth/principal";
import type { RoleName } from "@/lib/permissions";

export const DEMO_USERS: { email: string; name: string; role: RoleName; password: string }[] = [
  { email: "admin@demo.attest.local", name: "Ada Admin (demo)", role: "ADMIN", password: "demo-admin-password" },
  { email: "lead@demo.attest.local", name: "Lee Lead (demo)", role: "COMPLIANCE_LEAD", password: "demo-lead-password" },
  { email: "engineer@demo.attest.local", name: "Eve Engineer (demo)", role: "ENGINEER", password: "demo-engineer-password" },
  { email: "auditor@demo.attest.local", name: "Abe Auditor (demo)", role: "AUDITOR", password: "demo-auditor-password" },
];

const DEMO_VENDORS = [
  {
    name: "Anthropic (demo)",
    website: "https://www.anthropic.com",
    zeroRetention: true,
    trainingOptOut: true,
    dataRegion: "US",
  },
  {
    name: "OpenAI (demo)",
    website: "https://openai.com",
    zeroRetention: false,
    trainingOptOut: true,
    dataRegion: "US",
  },
];

const DEMO_FEATURES = [
  {
    slug: "demo-support-reply-drafts",
    name: "Support reply drafts (demo)",
    owner: "Support platform team",
    purpose: "Drafts replies to customer support tickets for an agent to review and send.",
    inputData: ["CUSTOMER_CONFIDENTIAL", "PERSONAL_DATA"] as const,
    outputs: "A draft reply shown to the support agent in the helpdesk; never sent automatically.",
    invokers: ["STAFF"] as const,
    failureImpact: "MEDIUM" as const,
    failureNotes: "A wrong draft could mislead a customer if the agent sends it unchanged.",
    logsPrompts: true,
    promptLogRetention: "30 days, then deleted by the bucket's lifecycle rule",
    userFacing: false,
    vendor: "Anthropic (demo)",
    model: "claude-sonnet",
  },
  {
    slug: "demo-contract-clause-extractor",
    name: "Contract clause extractor (demo)",
    owner: "Legal engineering",
    purpose: "Extracts renewal and liability clauses from uploaded customer contracts into structured fields.",
    inputData: ["CUSTOMER_CONFIDENTIAL"] as const,
    outputs: "JSON fields stored on the contract record and used to schedule renewal reminders.",
    invokers: ["AUTOMATED_JOBS"] as const,
    failureImpact: "HIGH" as const,
    failureNotes: "A missed renewal date causes an automatic renewal the customer did not want.",
    automatedDecisions: true,
    vendor: "OpenAI (demo)",
    model: "gpt-4.1-mini",
  },
];

/** Refuses (throws, saying why and what to do) where any account is not one of the demo's own. */
export async function assertDemoDatabase(): Promise<void> {
  const { db } = await import("@/lib/db");
  const realUsers = await db.user.count({ where: { email: { notIn: DEMO_USERS.map((u) => u.email) } } });
  if (realUsers > 0) {
    throw new Error(
      `npm run demo refuses to run here: this database has ${realUsers} user account${realUsers === 1 ? "" : "s"} that ${realUsers === 1 ? "is" : "are"} not the demo's own, ` +
        "so it is a real installation. The demo would add accounts with published passwords, mix made-up evidence with real " +
        "evidence, and show a demo banner on every page. Load the demo into a fresh installation instead: an empty " +
        "ATTEST_DATA_DIR (npm start creates its database), or a new, empty DATABASE_URL.",
    );
  }
}

export async function loadDemo(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const { organisationToday } = await import("@/lib/org-time");
  const { actor } = cliPrincipal("demo");
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: u.email } })) continue;
    const passwordHash = await hashPassword(u.password);
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash } });
      await appendAudit(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        after: { email: u.email, role: u.role, demo: true },
      });
    });
  }
  // Vendors and features through their services, as the vendors page and the inventory form write them.
  const { createVendor } = await import("@/lib/vendors/service");
  const { vendorCreateSchema } = await import("@/lib/validations/vendor");
  const { createFeature } = await import("@/lib/features/service");
  const { featureSchema } = await import("@/lib/validations/feature");
  const system = cliPrincipal("demo");
  for (const v of DEMO_VENDORS) {
    if (!(await db.vendor.findUnique({ where: { name: v.name }, select: { id: true } })))
      await createVendor(vendorCreateSchema.parse(v), system);
  }
  for (const { vendor, model, ...f } of DEMO_FEATURES) {
    if (await db.feature.findUnique({ where: { slug: f.slug }, select: { id: true } })) continue;
    await createFeature(featureSchema.parse({ ...f, vendors: [{ vendor, model }] }), system);
  }
  await db.setting.upsert({ where: { key: "demo" }, create: { key: "demo", value: true }, update: {} });
  // Vendors' due-diligence packages (files stored as evidence), their sub-service scoping, the
  // access reviews (one signed off in its quarter, one in progress), the readiness records.
  const { seedVendorDemo } = await import("./vendors");
  await seedVendorDemo();
  const { seedSubserviceDemo } = await import("./subservice");
  await seedSubserviceDemo();
  const { seedAccessReviewDemo } = await import("./access-reviews");
  await seedAccessReviewDemo();
  const { seedReadinessDemo } = await import("./readiness");
  await seedReadinessDemo();
  // The program mid-audit: the period (nine months in), the gap assessment and confirmed mappings,
  // months of evidence with a few gaps, the changes and their evaluations, and one exception answered.
  const today = await organisationToday();
  const { seedPeriodDemo, answerExceptionDemo } = await import("./period");
  const period = await seedPeriodDemo(today);
  const { seedGapAssessmentDemo } = await import("./gap-assessment");
  await seedGapAssessmentDemo(period.start);
  const { seedOperatingEvidenceDemo } = await import("./operating-evidence");
  await seedOperatingEvidenceDemo(period, today);
  const { seedChangesDemo } = await import("./changes");
  await seedChangesDemo(today);
  await answerExceptionDemo(period.id);
}
