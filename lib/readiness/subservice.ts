import "server-only";
import { db } from "@/lib/db";
import { ITEMS_SHOWN, type ReadinessCheck } from "@/lib/readiness/checks";
import type { ReadinessScope } from "@/lib/readiness/scope";
import { cuecGap, reportCoverage, reportFacts } from "@/lib/vendors/subservice";

// The two sub-service organisation findings (issue 11 item 5, docs/subservice-organisations.md), each for one
// audit period: a carve-out CUEC that no control in the period addresses, and a sub-service
// organisation whose SOC 2 reports leave days of the period uncovered without a bridge letter.
// Every vendor scoped as a sub-service organisation is checked: the scoping says it is part of
// the system the report describes. Tens of vendors, so the rules run in memory on their facts.

const day = (d: Date) => d.toISOString().slice(0, 10);
const dayOrNull = (d: Date | null) => (d ? day(d) : null);
const periodText = (p: ReadinessScope) => `${p.name} (${p.startDate} to ${p.endDate})`;

function fixFor(items: { href: string }[]): Pick<ReadinessCheck, "fixHref" | "fixLabel"> {
  return { fixHref: items[0]?.href ?? "/vendors", fixLabel: items[0] ? "Open the vendor" : "Open the vendors" };
}

/** CUECs of carve-out sub-service organisations that no applicable control in the period's categories addresses. */
export async function cuecsWithoutControl(period: ReadinessScope): Promise<ReadinessCheck> {
  const categories = period.categories;
  const cuecs = await db.cuec.findMany({
    where: { vendor: { relationship: "SUBSERVICE", subserviceMethod: "CARVE_OUT" } },
    select: {
      id: true,
      text: true,
      vendor: { select: { id: true, name: true } },
      control: { select: { code: true, category: true, designStatus: true } },
    },
    orderBy: [{ vendor: { name: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  const failing = cuecs.flatMap((c) => {
    const gap = cuecGap(c.control, categories);
    const text = c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text;
    return gap
      ? [{ label: `${c.vendor.name}: “${text}”: ${gap}; link the control that addresses it`, href: `/vendors/${c.vendor.id}#cuecs` }]
      : [];
  });
  return {
    id: "subservice-cuec",
    title: "CUECs no control addresses",
    guideText:
      "A carve-out sub-service organisation's SOC 2 report relies on complementary user entity controls (CUECs): each must be addressed by one of your controls in the audit period's scope" +
      `. Period: ${periodText(period)}.`,
    count: failing.length,
    // Every vendor's scoping is examined: with no vendor recorded there is nothing to check.
    checked: await db.vendor.count(),
    items: failing.slice(0, ITEMS_SHOWN),
    remedy: failing.length
      ? "Link each CUEC listed to the control of yours that addresses it (on the vendor's page, under CUECs), choosing a control that applies and is in this period's categories."
      : "Nothing to do: every CUEC of a carve-out sub-service organisation is addressed by a control in this period.",
    ...fixFor(failing),
  };
}

/** Sub-service organisations whose SOC 2 reports and bridge letters leave days of the period uncovered. */
export async function subserviceReportGaps(period: ReadinessScope): Promise<ReadinessCheck> {
  const base = {
    id: "subservice-report",
    title: "Sub-service organisation reports that leave a gap",
    guideText:
      "Each sub-service organisation's SOC 2 Type II reports must cover the audit period; a report ending more than three months before the period's end needs a bridge letter for the rest",
  };
  const vendors = await db.vendor.findMany({
    where: { relationship: "SUBSERVICE" },
    select: {
      id: true,
      name: true,
      items: {
        where: { kind: "SOC2_REPORT" },
        select: {
          reportType: true,
          evidence: { select: { status: true, validFrom: true, validUntil: true } },
          bridgeLetter: { select: { status: true, effectiveDate: true, validUntil: true } },
        },
      },
    },
    orderBy: { name: "asc" },
  });
  const audit = { start: period.startDate, end: period.endDate };
  const failing = vendors.flatMap((v) => {
    const reports = v.items.map((i) =>
      reportFacts({
        reportType: i.reportType,
        evidence: i.evidence && {
          status: i.evidence.status,
          validFrom: dayOrNull(i.evidence.validFrom),
          validUntil: dayOrNull(i.evidence.validUntil),
        },
        bridgeLetter: i.bridgeLetter && {
          status: i.bridgeLetter.status,
          effectiveDate: day(i.bridgeLetter.effectiveDate),
          validUntil: dayOrNull(i.bridgeLetter.validUntil),
        },
      }),
    );
    const coverage = reportCoverage(audit, reports);
    return coverage.gaps.length ? [{ label: `${v.name}: ${coverage.reasons.join("; ")}`, href: `/vendors/${v.id}#soc2-reports` }] : [];
  });
  return {
    ...base,
    guideText: `${base.guideText}. Period: ${periodText(period)}.`,
    count: failing.length,
    // Every vendor's scoping is examined: with no vendor recorded there is nothing to check.
    checked: await db.vendor.count(),
    items: failing.slice(0, ITEMS_SHOWN),
    remedy: failing.length
      ? "For each vendor listed, file its SOC 2 Type II reports (with the period each covers) so that they cover the audit period, or a bridge letter for the days after the latest report, and have them accepted."
      : "Nothing to do: every sub-service organisation's reports cover this period.",
    ...fixFor(failing),
  };
}
