import { ITEM_STATE_LABELS, KIND_LABELS, type ItemState, type PackageKind } from "@/lib/vendors/package";

// Badge colours reuse the design-status palette; the text always says the state (not colour alone).
const BADGE_CLASS: Record<ItemState, string> = {
  PRESENT: "IN_PLACE",
  EXPIRING: "PARTIAL",
  EXPIRED: "REJECTED",
  SUBMITTED: "SUBMITTED",
  MISSING: "MISSING",
};

export const SHORT_KIND_LABELS: Record<PackageKind, string> = {
  SOC2_REPORT: "SOC 2",
  ISO27001_CERTIFICATE: "ISO 27001",
  DPA: "DPA",
  DATA_HANDLING_TERMS: "Data terms",
  INCIDENT_NOTIFICATION: "Incident notice",
  SECURITY_CONTACT: "Security contact",
};

/** "DPA: Expired", with the full kind name for screen readers and on hover. */
export function PackageBadge({ kind, state, short = false }: { kind: PackageKind; state: ItemState; short?: boolean }) {
  return (
    <span
      className={`badge ${BADGE_CLASS[state]}`}
      data-kind={kind}
      data-state={state}
      title={`${KIND_LABELS[kind]}: ${ITEM_STATE_LABELS[state]}`}
    >
      {short ? SHORT_KIND_LABELS[kind] : KIND_LABELS[kind]}: {ITEM_STATE_LABELS[state]}
    </span>
  );
}

export function PackageStateBadge({ complete }: { complete: boolean }) {
  return (
    <span className={`badge ${complete ? "IN_PLACE" : "MISSING"}`} data-package-state={complete ? "COMPLETE" : "INCOMPLETE"}>
      {complete ? "Complete" : "Incomplete"}
    </span>
  );
}

const yesNo = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");

/** "Zero retention: yes; training opt-out: no; region: EU". */
export function dpaTermsSummary(v: { zeroRetention: boolean | null; trainingOptOut: boolean | null; dataRegion: string | null }): string {
  return `Zero retention: ${yesNo(v.zeroRetention)}; training opt-out: ${yesNo(v.trainingOptOut)}; region: ${v.dataRegion || "unknown"}`;
}
