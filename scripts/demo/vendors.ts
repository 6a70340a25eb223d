// npm run demo, vendor part: the demo vendors' due-diligence packages. One vendor with a complete
// package (small real files stored as evidence through the evidence service, accepted) and one
// with an incomplete package (no DPA, data terms awaiting review, annual review overdue).
// Idempotent: a vendor that already has package items is left as it is. Expects scripts/demo.ts
// to have connected (connectForCli) and created the demo users, vendors and features.
import { Readable } from "node:stream";
import { userPrincipal, type UserPrincipal } from "@/lib/auth/principal";
import type { PackageKind } from "@/lib/vendors/package";

interface DemoItem {
  kind: PackageKind;
  title: string;
  text: string;
  validFrom?: number; // months from today
  validUntil?: number;
  accept: boolean;
}

interface DemoVendor {
  name: string;
  website: string;
  terms: Record<string, string | boolean>;
  lastReviewed: number; // months from today
  items: DemoItem[];
}

const VENDORS: DemoVendor[] = [
  {
    name: "Anthropic (demo)",
    website: "https://www.anthropic.com",
    terms: {
      securityContact: "security@anthropic.example (demo)",
      zeroRetention: true,
      trainingOptOut: true,
      dataRegion: "US",
      transferSafeguards: "EU SCCs (module 2) and a transfer impact assessment, 2025 (demo).",
      incidentNotification: "Notifies customers of a security incident affecting their data within 72 hours (demo).",
    },
    lastReviewed: -2,
    items: [
      {
        kind: "SOC2_REPORT",
        title: "SOC 2 Type II report (demo)",
        text: "Demo SOC 2 Type II report summary.",
        validFrom: -14,
        validUntil: -2,
        accept: true,
      },
      {
        kind: "ISO27001_CERTIFICATE",
        title: "ISO 27001 certificate (demo)",
        text: "Demo ISO 27001 certificate.",
        validUntil: 10,
        accept: true,
      },
      {
        kind: "DPA",
        title: "Signed DPA with annexes (demo)",
        text: "Demo data processing agreement, signed.",
        validFrom: -20,
        accept: true,
      },
      {
        kind: "DATA_HANDLING_TERMS",
        title: "Zero-retention addendum (demo)",
        text: "Demo zero-retention and training opt-out terms.",
        validFrom: -20,
        accept: true,
      },
      {
        kind: "INCIDENT_NOTIFICATION",
        title: "Incident notification clause (demo)",
        text: "Demo: 72-hour notification commitment.",
        accept: true,
      },
      { kind: "SECURITY_CONTACT", title: "Security contact page (demo)", text: "Demo: security@anthropic.example.", accept: true },
    ],
  },
  {
    name: "OpenAI (demo)",
    website: "https://openai.com",
    terms: { securityContact: "security@openai.example (demo)", dataRegion: "US" },
    lastReviewed: -14, // so the next review fell due two months ago
    items: [
      {
        kind: "SOC2_REPORT",
        title: "SOC 2 Type II report, OpenAI (demo)",
        text: "Demo SOC 2 report.",
        validFrom: -13,
        validUntil: -1,
        accept: true,
      },
      { kind: "DATA_HANDLING_TERMS", title: "API data usage policy (demo)", text: "Demo data usage terms.", validFrom: -6, accept: false },
    ],
  },
];

export async function seedVendorDemo(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { appendAudit } = await import("@/lib/audit-log/append");
  const { organisationToday } = await import("@/lib/org-time");
  const { evidenceMaxBytes } = await import("@/lib/config");
  const { stageStream } = await import("@/lib/evidence/storage");
  const { createEvidence, parseEvidenceFields, reviewEvidence } = await import("@/lib/evidence/service");
  const { addMonths, addDays } = await import("@/lib/vendors/package");

  const today = await organisationToday();
  const month = (n: number | undefined) => (n === undefined ? undefined : addMonths(today, n));
  const asActor = async (email: string): Promise<UserPrincipal> => {
    const user = await db.user.findUnique({ where: { email } });
    if (!user) throw new Error(`The demo user ${email} does not exist: run the rest of the demo seed first.`);
    return userPrincipal(user);
  };
  const lead = await asActor("lead@demo.attest.local");
  const admin = await asActor("admin@demo.attest.local");

  for (const v of VENDORS) {
    const existing = await db.vendor.findUnique({ where: { name: v.name }, include: { items: { select: { id: true } } } });
    if (existing?.items.length) continue;
    const lastReviewedAt = addMonths(today, v.lastReviewed);
    const vendor = await db.$transaction(async (tx) => {
      const data = {
        website: v.website,
        ...v.terms,
        lastReviewedAt: new Date(`${lastReviewedAt}T00:00:00Z`),
        nextReviewDue: new Date(`${addMonths(lastReviewedAt, 12)}T00:00:00Z`),
      };
      const row = existing
        ? await tx.vendor.update({ where: { id: existing.id }, data })
        : await tx.vendor.create({ data: { name: v.name, ...data } });
      await appendAudit(tx, lead.actor, {
        action: existing ? "vendor.updated" : "vendor.created",
        entityType: "Vendor",
        entityId: row.id,
        after: { name: v.name, ...v.terms, lastReviewedAt, demo: true },
      });
      return row;
    });
    for (const item of v.items) {
      const fields = await parseEvidenceFields({
        title: item.title,
        description: "Demo vendor package item.",
        effectiveDate: addDays(today, -7),
        validFrom: month(item.validFrom),
        validUntil: month(item.validUntil),
        vendor: vendor.id,
        vendorItem: item.kind,
      });
      const staged = await stageStream(Readable.from([Buffer.from(`${item.text}\n`)]), evidenceMaxBytes());
      const evidence = await createEvidence(fields, { name: `${item.kind.toLowerCase().replace(/_/g, "-")}-demo.txt`, staged }, lead);
      if (item.accept) await reviewEvidence(evidence.id, { decision: "accept", reason: "Demo review." }, admin);
    }
  }
}
