// Inputs and the wire shape of the coverage engine (docs/product.md, "Coverage" and "Wire names").
// Every date is a calendar date `YYYY-MM-DD` in the organisation's time zone.

export const FREQUENCIES = ["PER_EVENT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL", "VALIDITY"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The frequencies whose slots are calendar windows. */
export type CalendarFrequency = Exclude<Frequency, "PER_EVENT" | "VALIDITY">;

export const DESIGN_STATUSES = ["IN_PLACE", "PARTIAL", "MISSING", "NOT_APPLICABLE"] as const;
export type DesignStatus = (typeof DESIGN_STATUSES)[number];

export const SLOT_STATES = ["COVERED", "MISSING", "NOT_YET_DUE", "NOT_IN_OPERATION"] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const COVERAGE_STATUSES = ["OPERATING", "GAPS", "NOT_OPERATING", "NOT_YET_DUE", "NOT_APPLICABLE"] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** An audit period's inclusive dates; a Type I has start = end. */
export interface CoveragePeriod {
  start: string;
  end: string;
}

export interface CoverageControl {
  code: string;
  frequency: Frequency;
  designStatus: DesignStatus;
  operatesSince: string | null;
  /**
   * A validity control of vendor documents (a DPA, transfer safeguards): a day counts only when
   * every vendor in use that day holds a valid document (see vendorValidityCoverage).
   */
  perVendor?: boolean;
}

/** Accepted evidence of one control (the caller filters out every other review status). */
export interface CoverageEvidence {
  id: string;
  effectiveDate: string;
  validFrom: string | null;
  validUntil: string | null;
  commitSha: string | null;
  pullRequest: string | null;
  /**
   * A vendor's document: the vendors whose document it is (its package items of a kind that counts
   * for the control). Absent or empty: the document of no particular vendor.
   */
  vendors?: readonly string[];
}

/**
 * A vendor in use by a feature in the period's scope, from `start` through `end` inclusive (null:
 * unbounded on that side). One entry per feature and vendor; entries of one vendor may overlap.
 */
export interface VendorUse {
  vendor: string;
  start: string | null;
  end: string | null;
}

/** Accepted evidence of any control, for computing a whole period at once. */
export interface ControlEvidence extends CoverageEvidence {
  control: string;
}

/** A recorded model or prompt change; `mergedAt` is an ISO 8601 instant with an offset or `Z`. */
export interface CoverageChange {
  id: string;
  mergedAt: string;
  commitSha: string | null;
  pullRequest: string | null;
}

export interface CoverageSlot {
  start: string;
  end: string;
  state: SlotState;
  /** Ids of the accepted evidence that covers the slot, sorted. */
  evidence: string[];
  /** Per-event slots: the change the slot stands for. */
  change?: string;
  /** Missing days of a per-vendor validity control: the vendors in use without a valid document, sorted. */
  missingVendors?: string[];
}

export interface CoverageItem {
  control: string;
  /** Slots covered or missing; for validity controls, days. */
  expected: number;
  covered: number;
  /** covered / expected, or null when nothing is due. */
  coverage: number | null;
  status: CoverageStatus;
  slots: CoverageSlot[];
}

export interface CoverageSummary {
  controls: number;
  byStatus: Record<CoverageStatus, number>;
  /** Mean of the controls' coverage ratios (controls with a null coverage left out); null when none has one. */
  coverage: number | null;
}
