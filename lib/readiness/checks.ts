import "server-only";
import { db } from "@/lib/db";
import { evaluatedChanges } from "@/lib/changes/evaluation";
import { INCIDENT_RESPONSE_CONTROL } from "@/lib/readiness/incident-records";
import { describeRange, tabletopWindow, uncoveredDays, withinTabletopWindow, type DateRange } from "@/lib/readiness/period";
import type { ReadinessScope } from "@/lib/readiness/scope";
import { reviewLabel } from "@/lib/vendors/package";
import { cuecsWithoutControl, subserviceReportGaps } from "@/lib/readiness/subservice";
import { AI_INCIDENT_SCENARIOS, AI_INCIDENT_SCENARIO_LABELS } from "@/lib/validations/readiness";

export type { ReadinessPeriod } from "@/lib/readiness/period";
export type { ReadinessScope } from "@/lib/readiness/scope";
export { INCIDENT_RESPONSE_CONTROL };

// The guide's seven common findings (soc2-ai-controls-guide, "Common Findings And How To Avoid
// Them"), each computed for one audit period (docs/readiness.md): only changes merged in it, only
// features in its scope, and only accepted evidence valid over its elapsed days count. Each check
// counts every item but returns only the first ITEMS_SHOWN, so a large backlog stays one query,
// and says what would make it pass (`remedy`) with a link there (`fixHref`). Each also says how
// many records it examined (`checked`), so a check with nothing to check reads "nothing recorded
// yet" rather than "passes".

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
  /**
   * How many records the check examined (its population: the period's changes, the features in
   * scope, the vendors in use...). 0 with no failing item is "nothing recorded yet", never a pass
   * (lib/readiness/state.ts).
   */
  checked: number;
  items: ReadinessItem[];
  /** Exactly what would make the check pass ("" when it passes). */
  remedy: string;
  fixHref: string;
  fixLabel: string;
}

// The controls whose accepted evidence answers findings 3, 6 and 7 (prisma/reference-data.ts).
export const RETENTION_CONTROL = "AI-CONF-03";
export const CONTRACTS_CONTROL = "AI-CONF-05";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** "not reviewed yet", "review overdue since …" or "no next review date", as of `asOf`. */
function reviewItemLabel(v: { lastReviewedAt: Date | null; nextReviewDue: Date | null }, asOf: string): string {
  const label = reviewLabel(
    { lastReviewedAt: v.lastReviewedAt && day(v.lastReviewedAt), nextReviewDue: v.nextReviewDue && day(v.nextReviewDue) },
    asOf,
  );
  return label.startsWith("Overdue") ? `review ${label.toLowerCase()}` : label.charAt(0).toLowerCase() + label.slice(1);
}
const changeHref = (mergedAt: Date) => `/changes?from=${day(mergedAt)}&to=${day(mergedAt)}`;
const uploadHref = (code: string) => `/evidence/upload?control=${code}`;
// Newest first, so what was just recorded sits at the top of a long list.
const newestFirst = [{ createdAt: "desc" as const }, { slug: "asc" as const }];
const noRetention = { OR: [{ promptLogRetention: null }, { promptLogRetention: "" }] };
const gapsText = (gaps: DateRange[]) => gaps.map(describeRange).join(", ");

/** Active features in the period's scope that existed by its end. */
function scopedFeatures(scope: ReadinessScope) {
  return {
    status: "ACTIVE" as const,
    createdAt: { lt: scope.endsBefore },
    ...(scope.featureIds.length ? { id: { in: scope.featureIds } } : {}),
  };
}

/** Changes merged in the period, of a feature in its scope or of no particular feature. */
function periodChanges(scope: ReadinessScope) {
  return {
    mergedAt: { gte: scope.startsAt, lt: scope.endsBefore },
    ...(scope.featureIds.length ? { OR: [{ featureId: null }, { featureId: { in: scope.featureIds } }] } : {}),
  };
}

interface Document {
  id: string;
  lineageId: string;
  version: number;
  effectiveDate: Date;
  validFrom: Date | null;
  validUntil: Date | null;
}
const documentSelect = { id: true, lineageId: true, version: true, effectiveDate: true, validFrom: true, validUntil: true } as const;

/** In each lineage only the newest accepted version counts (as in coverage: an accepted correction replaces what it corrects). */
function counting<T extends Document>(accepted: readonly T[]): T[] {
  const newest = new Map<string, number>();
  for (const d of accepted) newest.set(d.lineageId, Math.max(newest.get(d.lineageId) ?? 0, d.version));
  return accepted.filter((d) => newest.get(d.lineageId) === d.version);
}
const validity = (d: Document) => ({
  effectiveDate: day(d.effectiveDate),
  validFrom: d.validFrom && day(d.validFrom),
  validUntil: d.validUntil && day(d.validUntil),
});

/** The elapsed days of the period on which no accepted evidence of `code` is valid. */
async function controlGaps(code: string, scope: ReadinessScope): Promise<DateRange[]> {
  const accepted = await db.evidence.findMany({ where: { status: "ACCEPTED", control: { code } }, select: documentSelect });
  return uncoveredDays(scope.elapsed, counting(accepted).map(validity));
}

async function changesWithoutTicketOrApproval(scope: ReadinessScope): Promise<ReadinessCheck> {
  const where = { AND: [periodChanges(scope), { OR: [{ ticket: null }, { approvedBy: null }] }] };
  const [checked, count, rows] = await Promise.all([
    db.change.count({ where: periodChanges(scope) }),
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
    checked,
    items: rows.map((c) => ({
      label: `${c.title} (${day(c.mergedAt)}): ${[!c.ticket && "no ticket", !c.approvedBy && "no approval"].filter(Boolean).join(", ")}`,
      href: changeHref(c.mergedAt),
    })),
    remedy: count
      ? `Every model and prompt change merged from ${scope.startDate} to ${scope.endDate} needs a change ticket and a named approver: record them on the ${count === 1 ? "change" : `${count} changes`} listed.`
      : "",
    fixHref: `/changes?from=${scope.startDate}&to=${scope.endDate}`,
    fixLabel: "Open the period's changes",
  };
}

async function changesWithoutEvaluation(scope: ReadinessScope): Promise<ReadinessCheck> {
  // The change list's own query (lib/changes/evaluation.ts), so the finding and the list agree.
  const { rows, total } = await evaluatedChanges(
    { mergedFrom: scope.startsAt, mergedBefore: scope.endsBefore, featureIds: scope.featureIds },
    { skip: 0, take: ITEMS_SHOWN },
    scope.timeZone,
    ["AFTER_RELEASE", "NONE"],
  );
  const checked = await db.change.count({ where: periodChanges(scope) });
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
    checked,
    items: rows.map((r) => {
      const c = changes.get(r.id)!;
      return {
        label: `${c.title} (${day(c.mergedAt)}): ${r.state === "AFTER_RELEASE" ? "evaluated after release" : "not evaluated"}`,
        href: changeHref(c.mergedAt),
      };
    }),
    remedy: total
      ? `Each change listed needs accepted AI-PI-02 evaluation evidence naming its commit or pull request, dated on or before the day it merged. An evaluation dated later stays a finding.`
      : "",
    fixHref: `/changes?covered=false&from=${scope.startDate}&to=${scope.endDate}`,
    fixLabel: "Open the uncovered changes",
  };
}

async function promptLogsWithoutRetention(scope: ReadinessScope): Promise<ReadinessCheck> {
  const logging = { ...scopedFeatures(scope), logsPrompts: true };
  const where = { ...logging, ...noRetention };
  const [checked, count, rows, anyLogging] = await Promise.all([
    db.feature.count({ where: scopedFeatures(scope) }),
    db.feature.count({ where }),
    db.feature.findMany({ where, select: { slug: true, name: true }, orderBy: newestFirst, take: ITEMS_SHOWN }),
    db.feature.findFirst({ where: logging, select: { id: true } }),
  ]);
  // With prompt logs in scope, the documented retention (AI-CONF-03) must be valid over the period's elapsed days.
  const gaps = anyLogging ? await controlGaps(RETENTION_CONTROL, scope) : [];
  const items = rows.map((f) => ({ label: `${f.name}: no retention period stated`, href: `/inventory/${f.slug}/edit` }));
  if (gaps.length)
    items.push({ label: `No accepted ${RETENTION_CONTROL} retention policy valid ${gapsText(gaps)}`, href: uploadHref(RETENTION_CONTROL) });
  const remedy = [
    count ? `State the prompt-log retention period of each feature listed (its edit page).` : "",
    gaps.length
      ? `Upload the retention policy or lifecycle rules as ${RETENTION_CONTROL} evidence valid ${gapsText(gaps)} (or from ${scope.elapsed.start} on, open-ended), and accept it.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    id: "prompt-log-retention",
    title: "Prompt logs without a retention policy",
    guideText: "Prompt logs retained indefinitely: apply lifecycle rules and document the retention period.",
    count: count + (gaps.length ? 1 : 0),
    // Every feature in scope is examined (does it log prompts?): none in scope is nothing recorded.
    checked,
    items: items.slice(0, ITEMS_SHOWN),
    remedy,
    fixHref: rows[0] ? `/inventory/${rows[0].slug}/edit` : gaps.length ? uploadHref(RETENTION_CONTROL) : "/inventory",
    fixLabel: rows[0] ? "Set the retention period" : gaps.length ? `Upload ${RETENTION_CONTROL} evidence` : "Open the inventory",
  };
}

// Vendor checks: a vendor is "in use" while a feature in the period's scope depends on it.
// Features by name: the finding is read by people; the link goes to the vendor.
const usedBy = (v: { features: { feature: { name: string } }[] }) => `used by ${v.features.map((f) => f.feature.name).join(", ")}`;
function vendorsInUse(scope: ReadinessScope) {
  const inScope = scopedFeatures(scope);
  return {
    where: { features: { some: { feature: inScope } } },
    select: {
      id: true,
      name: true,
      features: {
        where: { feature: inScope },
        select: { feature: { select: { name: true } } },
        orderBy: { feature: { name: "asc" as const } },
      },
    },
  };
}

/**
 * A vendor in use needs a DPA over the period's elapsed days: DPA package items linking accepted
 * evidence whose validity, together, covers every one of those days (strict: a DPA valid on some
 * day of the period only is a finding, with the days it misses).
 */
async function vendorsWithoutDpa(scope: ReadinessScope): Promise<ReadinessCheck> {
  const { where, select } = vendorsInUse(scope);
  const vendors = await db.vendor.findMany({
    where,
    select: {
      ...select,
      items: { where: { kind: "DPA", evidence: { is: { status: "ACCEPTED" } } }, select: { evidence: { select: documentSelect } } },
    },
    orderBy: { name: "asc" },
  });
  const failing = vendors.flatMap((v) => {
    const docs = counting(v.items.flatMap((i) => (i.evidence ? [i.evidence] : [])));
    const gaps = uncoveredDays(scope.elapsed, docs.map(validity));
    return gaps.length ? [{ v, gaps }] : [];
  });
  const items = failing.slice(0, ITEMS_SHOWN).map(({ v, gaps }) => ({
    label: `${v.name} (${usedBy(v)}): no DPA valid ${gapsText(gaps)}`,
    href: `/vendors/${v.id}`,
  }));
  return {
    id: "vendor-dpa",
    title: "Vendors in use without a DPA",
    guideText: "No DPA with the model provider: sign DPAs with every model provider you use, and file them as accepted evidence.",
    count: failing.length,
    checked: vendors.length,
    items,
    remedy: failing.length
      ? `Each vendor listed needs an accepted DPA, linked in its vendor package, valid on every day from ${scope.elapsed.start} to ${scope.elapsed.end}.`
      : "",
    fixHref: items[0]?.href ?? "/vendors",
    fixLabel: items[0] ? "Open the vendor" : "Open the vendors",
  };
}

/**
 * As of the period's last elapsed day: reviews overdue (reviewState's rule, as the vendors' "overdue"
 * filter) and vendors in use not reviewed yet. Both are gaps, but the item says which: a vendor
 * never reviewed is "not reviewed yet", not "overdue".
 */
async function vendorReviewOverdue(scope: ReadinessScope): Promise<ReadinessCheck> {
  const asOf = new Date(`${scope.elapsed.end}T00:00:00Z`);
  const inUse = vendorsInUse(scope);
  const where = { ...inUse.where, OR: [{ lastReviewedAt: null }, { nextReviewDue: null }, { nextReviewDue: { lt: asOf } }] };
  const [checked, count, rows] = await Promise.all([
    db.vendor.count({ where: inUse.where }),
    db.vendor.count({ where }),
    db.vendor.findMany({
      where,
      select: { ...inUse.select, lastReviewedAt: true, nextReviewDue: true },
      orderBy: { name: "asc" },
      take: ITEMS_SHOWN,
    }),
  ]);
  const items = rows.map((v) => ({
    label: `${v.name} (${reviewItemLabel(v, scope.elapsed.end)}; ${usedBy(v)})`,
    href: `/vendors/${v.id}`,
  }));
  return {
    id: "vendor-review",
    title: "Vendor review overdue or not done yet",
    guideText: "File the vendor package in your vendor management system with an annual review date, and review each vendor in use yearly.",
    count,
    checked,
    items,
    remedy: count ? `Record a review of each vendor listed, with its next review date after ${scope.elapsed.end}.` : "",
    fixHref: items[0]?.href ?? "/vendors",
    fixLabel: items[0] ? "Open the vendor" : "Open the vendors",
  };
}

/** Features using training data need a dataset manifest: at least one dataset approved by the period's end. */
async function fineTuningWithoutManifest(scope: ReadinessScope): Promise<ReadinessCheck> {
  const end = new Date(`${scope.endDate}T00:00:00Z`);
  const where = { ...scopedFeatures(scope), usesTrainingData: true, datasets: { none: { approvedOn: { lte: end } } } };
  const [checked, count, rows] = await Promise.all([
    db.feature.count({ where: scopedFeatures(scope) }),
    db.feature.count({ where }),
    db.feature.findMany({ where, select: { slug: true, name: true }, orderBy: newestFirst, take: ITEMS_SHOWN }),
  ]);
  const items = rows.map((f) => ({ label: `${f.name}: no dataset approved by ${scope.endDate}`, href: `/inventory/${f.slug}#datasets` }));
  return {
    id: "dataset-manifest",
    title: "Fine-tuning without a dataset manifest",
    guideText:
      "Training data provenance unclear: where the data came from, who approved it and whether PII was removed belong in a dataset manifest.",
    count,
    // Every feature in scope is examined (does it use training data?): none in scope is nothing recorded.
    checked,
    items,
    remedy: count
      ? `On the page of each feature listed, record its training datasets in the dataset manifest: source, approver, a date approved on or before ${scope.endDate}, and whether PII was removed.`
      : "",
    fixHref: items[0]?.href ?? "/inventory",
    fixLabel: items[0] ? "Record the dataset manifest" : "Open the inventory",
  };
}

/**
 * An incident plan for AI-specific incidents: for each scenario (the model outputs customer PII, a
 * provider outage), accepted AI-AVL-03 evidence marked as the plan covering it, valid over the
 * period's elapsed days; and a tabletop exercise (accepted AI-AVL-03 evidence marked as one, with
 * at least one AI scenario) dated in the twelve months ending on the period's last day.
 */
async function incidentPlan(scope: ReadinessScope): Promise<ReadinessCheck> {
  const records = await db.incidentRecord.findMany({
    where: { evidence: { status: "ACCEPTED", control: { code: INCIDENT_RESPONSE_CONTROL } } },
    select: { kind: true, scenarios: true, evidence: { select: documentSelect } },
  });
  // The newest accepted version of each lineage among all accepted AI-AVL-03 evidence (a correction without the mark replaces it).
  const accepted = await db.evidence.findMany({
    where: {
      status: "ACCEPTED",
      control: { code: INCIDENT_RESPONSE_CONTROL },
      lineageId: { in: records.map((r) => r.evidence.lineageId) },
    },
    select: documentSelect,
  });
  const current = new Set(counting(accepted).map((d) => d.id));
  const live = records.filter((r) => current.has(r.evidence.id));
  const href = "/readiness/incident-response";
  const items: ReadinessItem[] = [];
  const missing: string[] = [];
  for (const scenario of AI_INCIDENT_SCENARIOS) {
    const plans = live.filter((r) => r.kind === "PLAN" && r.scenarios.includes(scenario));
    const gaps = uncoveredDays(
      scope.elapsed,
      plans.map((r) => validity(r.evidence)),
    );
    if (gaps.length) {
      items.push({ label: `No incident plan covering “${AI_INCIDENT_SCENARIO_LABELS[scenario]}” valid ${gapsText(gaps)}`, href });
      missing.push(`“${AI_INCIDENT_SCENARIO_LABELS[scenario]}”`);
    }
  }
  const window = tabletopWindow(scope.endDate);
  const tabletop = live.some(
    (r) => r.kind === "TABLETOP" && r.scenarios.length > 0 && withinTabletopWindow(day(r.evidence.effectiveDate), scope.endDate),
  );
  if (!tabletop) items.push({ label: `No AI tabletop exercise dated ${describeRange(window)}`, href });
  const remedy = [
    missing.length
      ? `Mark accepted ${INCIDENT_RESPONSE_CONTROL} evidence as the incident plan covering ${missing.join(" and ")}, valid from ${scope.elapsed.start} to ${scope.elapsed.end}.`
      : "",
    tabletop
      ? ""
      : `Mark accepted ${INCIDENT_RESPONSE_CONTROL} evidence of a tabletop exercise of an AI scenario, dated (its effective date) from ${window.start} to ${window.end}.`,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    id: "incident-runbook",
    title: "No AI incident plan or tabletop on file",
    guideText:
      "No incident response plan for AI-specific issues: “what happens if the model outputs customer PII?” needs a documented answer and a tabletop exercise on file.",
    count: items.length,
    // What is checked is a requirement (a plan per scenario, a tabletop), never empty: with nothing on file it fails.
    checked: AI_INCIDENT_SCENARIOS.length + 1,
    items,
    remedy: remedy ? `${remedy} Upload it first if it is not on file.` : "",
    fixHref: href,
    fixLabel: "Mark the incident plan and tabletop",
  };
}

async function contractDisclosure(scope: ReadinessScope): Promise<ReadinessCheck> {
  const gaps = await controlGaps(CONTRACTS_CONTROL, scope);
  return {
    id: "contract-disclosure",
    title: "Customer contracts that do not disclose AI",
    guideText: "Customer contracts do not disclose AI use: update MSAs and privacy notices so commitments match product behaviour.",
    count: gaps.length ? 1 : 0,
    // A requirement (the disclosure on file), never empty: with nothing on file it fails.
    checked: 1,
    items: gaps.length
      ? [{ label: `No accepted ${CONTRACTS_CONTROL} evidence valid ${gapsText(gaps)}`, href: `/controls/${CONTRACTS_CONTROL}` }]
      : [],
    remedy: gaps.length
      ? `Upload the MSA, privacy notice or policy that discloses AI use as ${CONTRACTS_CONTROL} evidence valid ${gapsText(gaps)} (its valid-from date on or before ${gaps[0].start}), and accept it.`
      : "",
    fixHref: uploadHref(CONTRACTS_CONTROL),
    fixLabel: "Upload the MSA or policy",
  };
}

/** The seven findings, in the guide's order, for one audit period. */
export function readinessChecks(scope: ReadinessScope): Promise<ReadinessCheck[]> {
  return Promise.all([
    changesWithoutTicketOrApproval(scope),
    changesWithoutEvaluation(scope),
    promptLogsWithoutRetention(scope),
    vendorsWithoutDpa(scope),
    fineTuningWithoutManifest(scope),
    incidentPlan(scope),
    contractDisclosure(scope),
  ]);
}

/** Checks beyond the guide's seven findings, for one audit period: the vendor package's annual review, and sub-service organisations (their SOC 2 reports and CUECs). */
export function furtherReadinessChecks(scope: ReadinessScope): Promise<ReadinessCheck[]> {
  return Promise.all([vendorReviewOverdue(scope), subserviceReportGaps(scope), cuecsWithoutControl(scope)]);
}
