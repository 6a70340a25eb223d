import "server-only";
import { db } from "@/lib/db";
import { evaluatedChanges } from "@/lib/changes/evaluation";
import { organisationTimeZone, organisationToday } from "@/lib/org-time";
import { cuecsWithoutControl, currentReadinessPeriod, subserviceReportGaps } from "@/lib/readiness/subservice";

// The guide's seven common findings (soc2-ai-controls-guide, "Common Findings And How To Avoid
// Them"), each computed from the data with the items behind it and where to fix them. Each check
// counts every item but returns only the first ITEMS_SHOWN, so a large backlog stays one query.

export const ITEMS_SHOWN = 20;

export interface ReadinessItem {
  label: string;
  href: string;
}
export interface ReadinessCheck {
  id: string;
  title: string;
  guideText: string;
  count: number;
  items: ReadinessItem[];
  fixHref: string;
  fixLabel: string;
}

// The controls whose accepted evidence answers findings 5, 6 and 7 (prisma/reference-data.ts).
export const DATASET_MANIFEST_CONTROLS = ["AI-SEC-02", "AI-PRIV-03"];
export const INCIDENT_RESPONSE_CONTROL = "AI-AVL-03";
export const CONTRACTS_CONTROL = "AI-CONF-05";

const day = (d: Date) => d.toISOString().slice(0, 10);
const changeHref = (mergedAt: Date) => `/changes?from=${day(mergedAt)}&to=${day(mergedAt)}`;
const activeFeature = { status: "ACTIVE" } as const;
// Newest first, so what was just recorded sits at the top of a long list.
const newestFirst = [{ createdAt: "desc" as const }, { slug: "asc" as const }];
const noRetention = { OR: [{ promptLogRetention: null }, { promptLogRetention: "" }] };

async function changesWithoutTicketOrApproval(): Promise<ReadinessCheck> {
  const where = { OR: [{ ticket: null }, { approvedBy: null }] };
  const [count, rows] = await Promise.all([
    db.change.count({ where }),
    db.change.findMany({
      where,
      select: { title: true, mergedAt: true, ticket: true, approvedBy: true },
      orderBy: [{ mergedAt: "desc" }, { id: "asc" }],
      take: ITEMS_SHOWN,
    }),
  ]);
  return {
    id: "change-approval",
    title: "Changes without a ticket or an approval",
    guideText:
      "Model changes bypass the change management process: require PR review and a change ticket for every prompt and model change.",
    count,
    items: rows.map((c) => ({
      label: `${c.title} (${day(c.mergedAt)}): ${[!c.ticket && "no ticket", !c.approvedBy && "no approval"].filter(Boolean).join(", ")}`,
      href: changeHref(c.mergedAt),
    })),
    fixHref: "/changes",
    fixLabel: "Open the changes",
  };
}

async function changesWithoutEvaluation(): Promise<ReadinessCheck> {
  // The change list's own query (lib/changes/evaluation.ts), so the finding and the list agree.
  const { rows, total } = await evaluatedChanges({}, { skip: 0, take: ITEMS_SHOWN }, await organisationTimeZone(), [
    "AFTER_RELEASE",
    "NONE",
  ]);
  const changes = new Map(
    (await db.change.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, title: true, mergedAt: true } })).map(
      (c) => [c.id, c],
    ),
  );
  return {
    id: "change-evaluation",
    title: "Changes without evaluation evidence before release",
    guideText:
      "No evidence of regression testing before release: accepted AI-PI-02 evidence should name each change's commit or pull request, dated on or before the day it merged.",
    count: total,
    items: rows.map((r) => {
      const c = changes.get(r.id)!;
      return {
        label: `${c.title} (${day(c.mergedAt)}): ${r.state === "AFTER_RELEASE" ? "evaluated after release" : "not evaluated"}`,
        href: changeHref(c.mergedAt),
      };
    }),
    fixHref: "/changes?covered=false",
    fixLabel: "Open the uncovered changes",
  };
}

async function promptLogsWithoutRetention(): Promise<ReadinessCheck> {
  const where = { ...activeFeature, logsPrompts: true, ...noRetention };
  const [count, rows] = await Promise.all([
    db.feature.count({ where }),
    db.feature.findMany({ where, select: { slug: true, name: true }, orderBy: newestFirst, take: ITEMS_SHOWN }),
  ]);
  return {
    id: "prompt-log-retention",
    title: "Prompt logs without a retention policy",
    guideText: "Prompt logs retained indefinitely: apply lifecycle rules and document the retention period.",
    count,
    items: rows.map((f) => ({ label: f.name, href: `/inventory/${f.slug}/edit` })),
    fixHref: rows[0] ? `/inventory/${rows[0].slug}/edit` : "/inventory",
    fixLabel: rows[0] ? "Set the retention period" : "Open the inventory",
  };
}

// Vendor checks: a vendor is "in use" while an active feature depends on it.
const vendorInUse = { features: { some: { feature: activeFeature } } };
const vendorSelect = {
  id: true,
  name: true,
  features: {
    where: { feature: activeFeature },
    select: { feature: { select: { slug: true } } },
    orderBy: { feature: { slug: "asc" as const } },
  },
} as const;
const usedBy = (v: { features: { feature: { slug: string } }[] }) => `used by ${v.features.map((f) => f.feature.slug).join(", ")}`;

async function vendorsWithoutDpa(): Promise<ReadinessCheck> {
  // A DPA is on file when a DPA package item links accepted evidence valid today (so an expired DPA counts as none).
  const today = new Date(`${await organisationToday()}T00:00:00Z`);
  const where = {
    ...vendorInUse,
    items: {
      none: {
        kind: "DPA" as const,
        evidence: {
          is: {
            status: "ACCEPTED" as const,
            AND: [
              { OR: [{ validFrom: null }, { validFrom: { lte: today } }] },
              { OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
            ],
          },
        },
      },
    },
  };
  const [count, rows] = await Promise.all([
    db.vendor.count({ where }),
    db.vendor.findMany({ where, select: vendorSelect, orderBy: { name: "asc" }, take: ITEMS_SHOWN }),
  ]);
  const items = rows.map((v) => ({ label: `${v.name} (${usedBy(v)})`, href: `/vendors/${v.id}` }));
  return {
    id: "vendor-dpa",
    title: "Vendors in use without a DPA",
    guideText: "No DPA with the model provider: sign DPAs with every model provider you use, and file them as accepted evidence.",
    count,
    items,
    fixHref: items[0]?.href ?? "/vendors",
    fixLabel: items[0] ? "Open the vendor" : "Open the vendors",
  };
}

async function vendorReviewOverdue(): Promise<ReadinessCheck> {
  // Same rule as lib/vendors/package.ts reviewState: never reviewed, no next date, or that date has passed.
  const today = new Date(`${await organisationToday()}T00:00:00Z`);
  const where = { ...vendorInUse, OR: [{ lastReviewedAt: null }, { nextReviewDue: null }, { nextReviewDue: { lt: today } }] };
  const [count, rows] = await Promise.all([
    db.vendor.count({ where }),
    db.vendor.findMany({
      where,
      select: { ...vendorSelect, lastReviewedAt: true, nextReviewDue: true },
      orderBy: { name: "asc" },
      take: ITEMS_SHOWN,
    }),
  ]);
  const items = rows.map((v) => ({
    label: `${v.name} (${v.lastReviewedAt && v.nextReviewDue ? `review due ${day(v.nextReviewDue)}` : "never reviewed"}; ${usedBy(v)})`,
    href: `/vendors/${v.id}`,
  }));
  return {
    id: "vendor-review",
    title: "Vendor review overdue",
    guideText: "File the vendor package in your vendor management system with an annual review date, and review each vendor in use yearly.",
    count,
    items,
    fixHref: items[0]?.href ?? "/vendors",
    fixLabel: items[0] ? "Open the vendor" : "Open the vendors",
  };
}

async function fineTuningWithoutManifest(): Promise<ReadinessCheck> {
  const where = {
    ...activeFeature,
    usesTrainingData: true,
    evidence: { none: { evidence: { status: "ACCEPTED" as const, control: { code: { in: DATASET_MANIFEST_CONTROLS } } } } },
  };
  const [count, rows] = await Promise.all([
    db.feature.count({ where }),
    db.feature.findMany({ where, select: { slug: true, name: true }, orderBy: newestFirst, take: ITEMS_SHOWN }),
  ]);
  return {
    id: "dataset-manifest",
    title: "Fine-tuning without a dataset manifest",
    guideText:
      "Training data provenance unclear: where the data came from, who approved it and whether PII was removed belong in a dataset manifest.",
    count,
    items: rows.map((f) => ({ label: f.name, href: `/inventory/${f.slug}` })),
    fixHref: `/evidence/upload?control=${DATASET_MANIFEST_CONTROLS[0]}`,
    fixLabel: "Upload a dataset manifest",
  };
}

/** A finding that is one missing document: it passes once any accepted evidence of the control exists. */
async function controlOnFile(code: string, check: Omit<ReadinessCheck, "count" | "items" | "fixHref">, missing: string) {
  const found = await db.evidence.findFirst({ where: { status: "ACCEPTED", control: { code } }, select: { id: true } });
  return {
    ...check,
    count: found ? 0 : 1,
    items: found ? [] : [{ label: missing, href: `/controls/${code}` }],
    fixHref: `/evidence/upload?control=${code}`,
  };
}

const incidentRunbook = () =>
  controlOnFile(
    INCIDENT_RESPONSE_CONTROL,
    {
      id: "incident-runbook",
      title: "No AI incident runbook or tabletop on file",
      guideText: "No incident response plan for AI-specific issues: document the answer and keep a tabletop exercise on file.",
      fixLabel: "Upload the runbook or tabletop record",
    },
    `No accepted evidence for ${INCIDENT_RESPONSE_CONTROL}`,
  );

const contractDisclosure = () =>
  controlOnFile(
    CONTRACTS_CONTROL,
    {
      id: "contract-disclosure",
      title: "Customer contracts that do not disclose AI",
      guideText: "Customer contracts do not disclose AI use: update MSAs and privacy notices so commitments match product behaviour.",
      fixLabel: "Upload the MSA or policy",
    },
    `No accepted evidence for ${CONTRACTS_CONTROL}`,
  );

/** The seven findings, in the guide's order. */
export function readinessChecks(): Promise<ReadinessCheck[]> {
  return Promise.all([
    changesWithoutTicketOrApproval(),
    changesWithoutEvaluation(),
    promptLogsWithoutRetention(),
    vendorsWithoutDpa(),
    fineTuningWithoutManifest(),
    incidentRunbook(),
    contractDisclosure(),
  ]);
}

/** Checks beyond the guide's seven findings: the vendor package's annual review; sub-service organisations in the current period. */
export async function furtherReadinessChecks(): Promise<ReadinessCheck[]> {
  const period = await currentReadinessPeriod();
  return Promise.all([vendorReviewOverdue(), subserviceReportGaps(period), cuecsWithoutControl(period)]);
}
