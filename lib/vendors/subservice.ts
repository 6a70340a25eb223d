// Sub-service organisations (the guide's "Vendor Due Diligence"; docs/subservice-organisations.md): whether a
// vendor's SOC 2 reports, with their bridge letters, cover an audit period, and whether each CUEC
// of a carve-out report is addressed by a control. Pure calendar arithmetic on YYYY-MM-DD strings
// (UTC), no I/O, so the rules are unit-tested at their edges.

import { addDays, addMonths } from "@/lib/vendors/package";

export const VENDOR_RELATIONSHIPS = ["VENDOR", "SUBSERVICE"] as const;
export type VendorRelationship = (typeof VENDOR_RELATIONSHIPS)[number];
export const SUBSERVICE_METHODS = ["CARVE_OUT", "INCLUSIVE"] as const;
export type SubserviceMethod = (typeof SUBSERVICE_METHODS)[number];
export const SOC2_REPORT_TYPES = ["TYPE_I", "TYPE_II"] as const;
export type Soc2ReportType = (typeof SOC2_REPORT_TYPES)[number];

export const SCOPE_LABELS = {
  VENDOR: "Vendor",
  CARVE_OUT: "Sub-service organisation, carve-out method",
  INCLUSIVE: "Sub-service organisation, inclusive method",
} as const;
export const REPORT_TYPE_LABELS: Record<Soc2ReportType, string> = { TYPE_I: "Type I", TYPE_II: "Type II" };

export function scopeLabel(v: { relationship: VendorRelationship; subserviceMethod: SubserviceMethod | null }): string {
  return v.relationship === "SUBSERVICE" && v.subserviceMethod ? SCOPE_LABELS[v.subserviceMethod] : SCOPE_LABELS.VENDOR;
}

/** A report ending this many calendar months or less before the audit period's end needs no bridge letter. */
export const BRIDGE_LETTER_AFTER_MONTHS = 3;

export interface DateRange {
  start: string;
  end: string;
}

export interface BridgeLetterFacts {
  accepted: boolean;
  /** The day the letter was issued (its evidence's effective date). */
  effectiveDate: string;
  /** The last day the letter says it covers (its evidence's valid until), if it names one. */
  validUntil: string | null;
}

export interface Soc2ReportFacts {
  type: Soc2ReportType | null;
  accepted: boolean;
  /** The period the report covers: its evidence's valid from / valid until. */
  periodStart: string | null;
  periodEnd: string | null;
  bridgeLetter: BridgeLetterFacts | null;
}

/** A SOC 2 report package item as stored (dates as YYYY-MM-DD): its evidence's validity is the period covered. */
export interface Soc2ReportItem {
  reportType: Soc2ReportType | null;
  evidence: { status: string; validFrom: string | null; validUntil: string | null } | null;
  bridgeLetter: { status: string; effectiveDate: string; validUntil: string | null } | null;
}

export function reportFacts(item: Soc2ReportItem): Soc2ReportFacts {
  return {
    type: item.reportType,
    accepted: item.evidence?.status === "ACCEPTED",
    periodStart: item.evidence?.validFrom ?? null,
    periodEnd: item.evidence?.validUntil ?? null,
    bridgeLetter: item.bridgeLetter
      ? {
          accepted: item.bridgeLetter.status === "ACCEPTED",
          effectiveDate: item.bridgeLetter.effectiveDate,
          validUntil: item.bridgeLetter.validUntil,
        }
      : null,
  };
}

/**
 * More than three months between the report period's end and the audit period's end: the report
 * ends before the audit end minus three calendar months (clamped to the month's last day, so a
 * report ending 2026-09-30 is exactly three months before 2026-12-31, and one ending 2026-02-28
 * exactly three months before 2026-05-31). Exactly three months needs no letter.
 */
export function bridgeLetterNeeded(reportEnd: string, auditEnd: string): boolean {
  return reportEnd < addMonths(auditEnd, -BRIDGE_LETTER_AFTER_MONTHS);
}

/**
 * The last day a bridge letter covers, on the strict reading: only an accepted letter counts, and
 * it vouches for no day after it was issued, whatever end date it names. Null: it covers nothing.
 */
export function bridgeLetterThrough(letter: BridgeLetterFacts | null): string | null {
  if (!letter?.accepted) return null;
  const named = letter.validUntil ?? letter.effectiveDate;
  return named < letter.effectiveDate ? named : letter.effectiveDate;
}

/** A report covers days of operation only when it is an accepted Type II with a known period; a Type I covers none. */
export function operatingPeriod(report: Soc2ReportFacts): DateRange | null {
  if (!report.accepted || report.type !== "TYPE_II" || !report.periodStart || !report.periodEnd) return null;
  return report.periodStart <= report.periodEnd ? { start: report.periodStart, end: report.periodEnd } : null;
}

export interface ReportCoverage {
  /** Days of the audit period no report, bridge letter or allowed lag covers, in order. */
  gaps: DateRange[];
  /** The end of the latest Type II report period, if any. */
  latestReportEnd: string | null;
  bridgeLetterNeeded: boolean;
  /** Why the period is not covered, in words that say what would make it pass. */
  reasons: string[];
}

function whyNotOperating(report: Soc2ReportFacts): string {
  if (report.type === null) return "a SOC 2 report whose type (Type I or Type II) is not recorded";
  if (report.type === "TYPE_I") return "a Type I report, which covers no period of operation";
  if (!report.accepted) return "a Type II report that is not accepted evidence";
  return "a Type II report whose evidence gives no period covered (valid from and valid until)";
}

/**
 * Which days of `audit` the reports leave uncovered. Covered: each accepted Type II report's
 * period; the days its accepted bridge letter carries forward from the day after that period; and,
 * when the latest report ends three months or less before the audit end, the days after it.
 */
export function reportCoverage(audit: DateRange, reports: Soc2ReportFacts[]): ReportCoverage {
  const covered: DateRange[] = [];
  let latestReportEnd: string | null = null;
  for (const report of reports) {
    const period = operatingPeriod(report);
    if (!period) continue;
    covered.push(period);
    if (!latestReportEnd || period.end > latestReportEnd) latestReportEnd = period.end;
    const through = bridgeLetterThrough(report.bridgeLetter);
    if (through && through > period.end) covered.push({ start: addDays(period.end, 1), end: through });
  }
  const needed = latestReportEnd !== null && bridgeLetterNeeded(latestReportEnd, audit.end);
  if (latestReportEnd && !needed && latestReportEnd < audit.end) covered.push({ start: addDays(latestReportEnd, 1), end: audit.end });

  const gaps = uncovered(audit, covered);
  const reasons: string[] = [];
  if (gaps.length) {
    if (latestReportEnd === null) {
      reasons.push(
        reports.length
          ? `only ${[...new Set(reports.map(whyNotOperating))].join(" and ")}: record an accepted Type II report covering ${audit.start} to ${audit.end}`
          : `no SOC 2 Type II report on file: link one covering ${audit.start} to ${audit.end}`,
      );
    } else {
      const head = gaps.filter((g) => g.end < latestReportEnd!);
      if (head.length) reasons.push(`no Type II report covers ${head.map(rangeText).join(", ")}`);
      const tail = gaps.find((g) => g.end >= latestReportEnd!);
      if (tail) {
        reasons.push(
          `the latest report period ends ${latestReportEnd}, more than ${BRIDGE_LETTER_AFTER_MONTHS} months before ${audit.end}: ` +
            `a bridge letter covering ${rangeText(tail)} is needed`,
        );
      }
    }
  }
  return { gaps, latestReportEnd, bridgeLetterNeeded: needed, reasons };
}

const rangeText = (r: DateRange) => (r.start === r.end ? r.start : `${r.start} to ${r.end}`);

/** The parts of `window` that no range in `covered` contains. */
export function uncovered(window: DateRange, covered: DateRange[]): DateRange[] {
  const sorted = covered
    .map((r) => ({ start: r.start > window.start ? r.start : window.start, end: r.end < window.end ? r.end : window.end }))
    .filter((r) => r.start <= r.end)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const gaps: DateRange[] = [];
  let next = window.start;
  for (const r of sorted) {
    if (next > window.end) break;
    if (r.start > next) gaps.push({ start: next, end: addDays(r.start, -1) });
    if (r.end >= next) next = addDays(r.end, 1);
  }
  if (next <= window.end) gaps.push({ start: next, end: window.end });
  return gaps;
}

export interface CuecControl {
  code: string;
  category: string;
  designStatus: string;
}

/**
 * Why a CUEC is not addressed in an audit period, or null when it is: it needs a control, that
 * control must not be marked not applicable, and its category must be in the period's scope.
 */
export function cuecGap(control: CuecControl | null, periodCategories: readonly string[] | null): string | null {
  if (!control) return "no control addresses it";
  if (control.designStatus === "NOT_APPLICABLE") return `its control ${control.code} is marked not applicable`;
  if (periodCategories && !periodCategories.includes(control.category)) {
    return `its control ${control.code} (${control.category}) is outside the period's categories`;
  }
  return null;
}
