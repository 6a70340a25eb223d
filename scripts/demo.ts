// npm run demo: loads clearly-marked demo data (a banner shows on every page afterwards).
// Idempotent: running it twice changes nothing. It refuses to run on a real installation: where
// any user exists that is not one of its own accounts (their passwords are printed below and
// known to everyone who has read this file).
import { randomUUID } from "node:crypto";
import { connectForCli } from "@/lib/db/connect-cli";
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
    models: ["claude-sonnet"],
    zeroRetention: true,
    trainingOptOut: true,
    dataRegion: "US",
  },
  {
    name: "OpenAI (demo)",
    website: "https://openai.com",
    models: ["gpt-4.1-mini", "text-embedding-3-small"],
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
    userFacing: false,
    vendor: "Anthropic (demo)",
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
  },
];

const DEMO_EVIDENCE = [
  {
    control: "AI-PI-02",
    title: "Golden-dataset eval report, support drafts v14 (demo)",
    description: "CI run of the regression eval before the prompt change went live.",
    effectiveDate: "2026-10-06",
    url: "https://ci.example.com/runs/1234/artifacts/eval-report.json",
  },
  {
    control: "AI-CONF-01",
    title: "Redaction hit counts, October (demo)",
    description: "Dashboard export of prompt-scanning redaction counts for the month.",
    effectiveDate: "2026-10-31",
    url: "https://grafana.example.com/d/redaction?from=2026-10-01&to=2026-10-31",
  },
];

async function main() {
  const conn = await connectForCli();
  try {
    const { db } = await import("@/lib/db");
    const { hashPassword } = await import("@/lib/auth/password");
    const realUsers = await db.user.count({ where: { email: { notIn: DEMO_USERS.map((u) => u.email) } } });
    if (realUsers > 0) {
      // Thrown: the message goes to stderr and the exit code is 1 (main's catch), after the connection closes.
      throw new Error(
        `npm run demo refuses to run here: this database has ${realUsers} user account${realUsers === 1 ? "" : "s"} that ${realUsers === 1 ? "is" : "are"} not the demo's own, ` +
          "so it is a real installation. The demo would add accounts with published passwords, mix made-up evidence with real " +
          "evidence, and show a demo banner on every page. Load the demo into a fresh installation instead: an empty " +
          "ATTEST_DATA_DIR (npm start creates its database), or a new, empty DATABASE_URL.",
      );
    }
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
    await db.$transaction(async (tx) => {
      for (const v of DEMO_VENDORS) {
        if (await tx.vendor.findUnique({ where: { name: v.name } })) continue;
        const vendor = await tx.vendor.create({
          data: {
            name: v.name,
            website: v.website,
            zeroRetention: v.zeroRetention,
            trainingOptOut: v.trainingOptOut,
            dataRegion: v.dataRegion,
            models: { create: v.models.map((name) => ({ name })) },
          },
        });
        await appendAudit(tx, actor, {
          action: "vendor.created",
          entityType: "Vendor",
          entityId: vendor.id,
          after: { name: v.name, demo: true },
        });
      }
      for (const f of DEMO_FEATURES) {
        if (await tx.feature.findUnique({ where: { slug: f.slug } })) continue;
        const vendor = await tx.vendor.findUniqueOrThrow({ where: { name: f.vendor }, include: { models: true } });
        const { vendor: _vendorName, inputData, invokers, ...rest } = f;
        const feature = await tx.feature.create({
          data: {
            ...rest,
            inputData: [...inputData],
            invokers: [...invokers],
            vendors: { create: [{ vendorId: vendor.id, modelId: vendor.models[0]?.id }] },
          },
        });
        await appendAudit(tx, actor, {
          action: "feature.created",
          entityType: "Feature",
          entityId: feature.id,
          after: { slug: f.slug, demo: true },
        });
      }
      // Link evidence (a URL, no file) until file uploads arrive; submitted, awaiting review.
      const engineer = await tx.user.findUniqueOrThrow({ where: { email: DEMO_USERS[2].email } });
      for (const e of DEMO_EVIDENCE) {
        if (await tx.evidence.findFirst({ where: { title: e.title } })) continue;
        const control = await tx.control.findUniqueOrThrow({ where: { code: e.control } });
        const id = randomUUID();
        const evidence = await tx.evidence.create({
          data: {
            id,
            lineageId: id,
            controlId: control.id,
            title: e.title,
            description: e.description,
            effectiveDate: new Date(`${e.effectiveDate}T00:00:00Z`),
            source: "BROWSER",
            url: e.url,
            uploadedById: engineer.id,
          },
        });
        await appendAudit(tx, actor, {
          action: "evidence.submitted",
          entityType: "Evidence",
          entityId: evidence.id,
          after: { title: e.title, control: e.control, demo: true },
        });
      }
      await tx.setting.upsert({ where: { key: "demo" }, create: { key: "demo", value: true }, update: {} });
    });
    // Vendors' due-diligence packages (files stored as evidence), then the access reviews: one
    // signed off (its record accepted as AI-SEC-05 evidence), one in progress.
    const { seedVendorDemo } = await import("./demo/vendors");
    await seedVendorDemo();
    const { seedSubserviceDemo } = await import("./demo/subservice");
    await seedSubserviceDemo();
    const { seedAccessReviewDemo } = await import("./demo/access-reviews");
    await seedAccessReviewDemo();
    const { seedReadinessDemo } = await import("./demo/readiness");
    await seedReadinessDemo();
    console.log("Demo data loaded. Sign in with one of these (demo only, never on a real installation):");
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(16)} ${u.email}  ${u.password}`);
  } finally {
    await conn.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
