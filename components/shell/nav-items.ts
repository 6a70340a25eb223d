import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/permissions";

// The sections of the signed-in shell, in order. A section joins this list when its page exists.
const SECTIONS: { href: string; label: string; permission: Permission; count?: "awaitingReview" }[] = [
  { href: "/dashboard", label: "Dashboard", permission: "controls:read" },
  { href: "/readiness", label: "Readiness", permission: "controls:read" },
  { href: "/inventory", label: "Inventory", permission: "features:read" },
  { href: "/mapping", label: "Mapping", permission: "features:read" },
  { href: "/controls", label: "Controls", permission: "controls:read" },
  { href: "/evidence", label: "Evidence", permission: "evidence:read" },
  { href: "/evidence/review", label: "Review", permission: "evidence:review", count: "awaitingReview" },
  { href: "/gap-assessment", label: "Gap assessment", permission: "controls:read" },
  { href: "/criteria", label: "Criteria", permission: "controls:read" },
  { href: "/periods", label: "Periods", permission: "periods:read" },
  { href: "/changes", label: "Changes", permission: "changes:read" },
  { href: "/access-reviews", label: "Access reviews", permission: "access-reviews:read" },
  { href: "/vendors", label: "Vendors", permission: "vendors:read" },
  { href: "/audit-log", label: "Audit log", permission: "audit-log:read" },
  { href: "/settings/users", label: "Users", permission: "users:manage" },
  { href: "/settings/tokens", label: "API tokens", permission: "tokens:manage" },
  { href: "/settings/organisation", label: "Organisation", permission: "settings:manage" },
];

/** Numbers the shell shows beside a section (the layout reads them only for roles that see it). */
export type NavCounts = { awaitingReview?: number };

/** Whether the shell needs a count for this role at all, so the layout does not query for nothing. */
export const needsReviewCount = (principal: Pick<Principal, "may">) => principal.may("evidence:review");

export function navItemsFor(principal: Pick<Principal, "may">, counts: NavCounts = {}) {
  return SECTIONS.filter((s) => principal.may(s.permission)).map(({ href, label, count }) => {
    const n = count ? counts[count] : undefined;
    return n ? { href, label, count: n, countLabel: `${label}, ${n} waiting` } : { href, label };
  });
}
