// The guide's vendor due-diligence package ("Vendor Due Diligence"): which items a vendor has on
// file on a given day, whether its annual review is overdue, and whether the package is complete.
// Pure calendar arithmetic on YYYY-MM-DD strings (UTC), no I/O, so the rules are unit-tested.

export const PACKAGE_KINDS = [
  "SOC2_REPORT",
  "ISO27001_CERTIFICATE",
  "DPA",
  "DATA_HANDLING_TERMS",
  "INCIDENT_NOTIFICATION",
  "SECURITY_CONTACT",
] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** The ISO 27001 certificate is collected "if available": it never makes a package incomplete. */
export const REQUIRED_KINDS: readonly PackageKind[] = PACKAGE_KINDS.filter((k) => k !== "ISO27001_CERTIFICATE");

export const KIND_LABELS: Record<PackageKind, string> = {
  SOC2_REPORT: "SOC 2 Type II report",
  ISO27001_CERTIFICATE: "ISO 27001 certificate",
  DPA: "DPA",
  DATA_HANDLING_TERMS: "Model data-handling terms",
  INCIDENT_NOTIFICATION: "Incident notification commitment",
  SECURITY_CONTACT: "Security contact",
};

/**
 * The guide's controls whose requirement each kind evidences, and so the only guide controls its
 * package items count for in coverage (docs/control-mapping.md, "Vendor package items"): the DPA
 * answers AI-CONF-02 (model provider DPAs) and, filed under AI-PRIV-04, its transfer safeguards
 * (the SCCs annexed to it). The other kinds evidence no guide control's requirement: a vendor's
 * SOC 2 report is not evidence of a fallback strategy (AI-AVL-01), nor of a DPA.
 */
export const KIND_CONTROLS: Record<PackageKind, readonly string[]> = {
  DPA: ["AI-CONF-02", "AI-PRIV-04"],
  DATA_HANDLING_TERMS: [],
  SOC2_REPORT: [],
  ISO27001_CERTIFICATE: [],
  INCIDENT_NOTIFICATION: [],
  SECURITY_CONTACT: [],
};

/** The guide's validity controls of vendor documents: each vendor in use needs its own valid document. */
export const VENDOR_DOCUMENT_CONTROLS: readonly string[] = ["AI-CONF-02", "AI-PRIV-04"];

/**
 * Whether a package item of `kind`, filed as evidence of `control`, counts for it. A guide control
 * counts the kinds the table gives it; a team's own control counts the kinds that evidence no
 * guide control (a team may add, say, a control for vendors' SOC 2 reports), never a DPA, whose
 * requirement is AI-CONF-02's.
 */
export function kindCountsFor(kind: PackageKind, control: { code: string; custom: boolean }): boolean {
  return control.custom ? KIND_CONTROLS[kind].length === 0 : KIND_CONTROLS[kind].includes(control.code);
}

/**
 * The control an upload of this kind is filed under unless another is chosen. The DPA and the
 * data-handling terms under AI-CONF-02, whose clauses (zero retention, training opt-out) they carry;
 * the rest of the package is the vendor due diligence that auditors test under CC9.2, which among
 * the guide's controls AI-CONF-02 answers, so it is filed there too. Only the DPA counts towards
 * AI-CONF-02's days (KIND_CONTROLS): the rest is on file for the auditor, not coverage.
 */
export function controlForKind(kind: PackageKind): string {
  return KIND_CONTROLS[kind][0] ?? "AI-CONF-02";
}

export const EXPIRING_WITHIN_DAYS = 30;
/** A SOC 2 Type II report covers a past period; it stays the current report for 12 months after that period ends. */
export const SOC2_CURRENT_MONTHS = 12;

export type ItemState = "PRESENT" | "EXPIRING" | "EXPIRED" | "SUBMITTED" | "MISSING";
export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  PRESENT: "Present",
  EXPIRING: "Expiring",
  EXPIRED: "Expired",
  SUBMITTED: "Awaiting review",
  MISSING: "Missing",
};

export interface PackageEvidence {
  kind: PackageKind;
  status: "SUBMITTED" | "ACCEPTED" | "REJECTED" | "WITHDRAWN";
  validFrom: string | null;
  validUntil: string | null;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** Calendar months later; a day the target month lacks becomes its last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return toDay(target);
}

/** The last day an item counts: a SOC 2 report's period end plus 12 months, any other item its "valid until". */
export function currentUntil(item: PackageEvidence): string | null {
  if (!item.validUntil) return null;
  return item.kind === "SOC2_REPORT" ? addMonths(item.validUntil, SOC2_CURRENT_MONTHS) : item.validUntil;
}

/** The state of one kind from the evidence linked for it. Rejected and withdrawn evidence count for nothing. */
export function itemState(items: PackageEvidence[], today: string): ItemState {
  const accepted = items.filter((i) => i.status === "ACCEPTED");
  const current = accepted.filter((i) => {
    const until = currentUntil(i);
    // A SOC 2 report's validFrom is the start of the period it covers, always in the past.
    const started = i.kind === "SOC2_REPORT" || !i.validFrom || i.validFrom <= today;
    return started && (!until || until >= today);
  });
  if (current.length) {
    const horizon = addDays(today, EXPIRING_WITHIN_DAYS);
    return current.some((i) => !currentUntil(i) || currentUntil(i)! > horizon) ? "PRESENT" : "EXPIRING";
  }
  if (items.some((i) => i.status === "SUBMITTED")) return "SUBMITTED";
  if (accepted.some((i) => (currentUntil(i) ?? today) < today)) return "EXPIRED";
  return "MISSING";
}

export interface VendorTerms {
  zeroRetention: boolean | null;
  trainingOptOut: boolean | null;
  dataRegion: string | null;
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
}

export interface ReviewState {
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
  /** Never reviewed and no first-review date missed: a new vendor, still to review (not "overdue"). */
  notReviewed: boolean;
  overdue: boolean;
}

/**
 * Overdue once the next review date has passed, or when a vendor was reviewed but no next date was
 * set. A vendor never reviewed is "not reviewed yet" unless a first-review date was set and has passed:
 * calling a vendor added today "overdue" told users something false. The vendors' "overdue" filter and
 * the readiness check (which lists both, told apart) use this one rule.
 */
export function reviewState(v: Pick<VendorTerms, "lastReviewedAt" | "nextReviewDue">, today: string): ReviewState {
  const missed = v.nextReviewDue !== null && v.nextReviewDue < today;
  const notReviewed = !v.lastReviewedAt && !missed;
  const overdue = missed || (!!v.lastReviewedAt && !v.nextReviewDue);
  return { lastReviewedAt: v.lastReviewedAt, nextReviewDue: v.nextReviewDue, notReviewed, overdue };
}

/** How the review stands, in words: "Not reviewed yet", "Overdue since …", "No next review date" or "Due …". */
export function reviewLabel(v: Pick<ReviewState, "lastReviewedAt" | "nextReviewDue">, today: string): string {
  const state = reviewState(v, today);
  if (state.notReviewed) return "Not reviewed yet";
  if (state.overdue) return state.nextReviewDue ? `Overdue since ${state.nextReviewDue}` : "No next review date";
  return `Due ${state.nextReviewDue}`;
}

export interface PackageState {
  items: Record<PackageKind, ItemState>;
  review: ReviewState;
  complete: boolean;
  reasons: string[];
}

/** The whole package on `today`: each kind's state, the review, and every reason it is incomplete. */
export function packageState(vendor: VendorTerms, evidence: PackageEvidence[], today: string): PackageState {
  const items = Object.fromEntries(
    PACKAGE_KINDS.map((kind) => [
      kind,
      itemState(
        evidence.filter((e) => e.kind === kind),
        today,
      ),
    ]),
  ) as Record<PackageKind, ItemState>;
  const reasons: string[] = [];
  for (const kind of REQUIRED_KINDS) {
    const state = items[kind];
    if (state === "MISSING") reasons.push(`${KIND_LABELS[kind]} missing`);
    else if (state === "EXPIRED") reasons.push(`${KIND_LABELS[kind]} expired`);
    else if (state === "SUBMITTED") reasons.push(`${KIND_LABELS[kind]} awaiting review`);
  }
  const unanswered = [
    vendor.zeroRetention === null && "zero retention",
    vendor.trainingOptOut === null && "training opt-out",
    !vendor.dataRegion?.trim() && "data region",
  ].filter(Boolean);
  if (unanswered.length) reasons.push(`DPA terms not recorded: ${unanswered.join(", ")}`);
  const review = reviewState(vendor, today);
  if (review.notReviewed) reasons.push("Not reviewed yet");
  else if (review.overdue)
    reasons.push(review.nextReviewDue ? `Annual review overdue since ${review.nextReviewDue}` : "No next review date");
  return { items, review, complete: reasons.length === 0, reasons };
}
