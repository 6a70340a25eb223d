import type { Principal } from "@/lib/auth/principal";
import type { NavCounts } from "@/lib/dashboard/todo";
import type { Permission } from "@/lib/permissions";

export type { NavCounts };

// The sections of the signed-in shell, in order. A section joins this list when its page exists.
// `count`: the number beside it of what waits there for the signed-in person (docs/dashboard.md),
// and the word that says what it counts in the link's accessible name.
const SECTIONS: { href: string; label: string; permission: Permission; count?: [keyof NavCounts, string] }[] = [
  { href: "/dashboard", label: "Dashboard", permission: "controls:read" },
  { href: "/readiness", label: "Readiness", permission: "controls:read" },
  { href: "/inventory", label: "Inventory", permission: "features:read" },
  { href: "/mapping", label: "Mapping", permission: "features:read" },
  { href: "/controls", label: "Controls", permission: "controls:read" },
  { href: "/evidence", label: "Evidence", permission: "evidence:read", count: ["rejectedEvidence", "rejected"] },
  { href: "/evidence/review", label: "Review", permission: "evidence:review", count: ["awaitingReview", "waiting"] },
  { href: "/gap-assessment", label: "Gap assessment", permission: "controls:read" },
  { href: "/criteria", label: "Criteria", permission: "controls:read" },
  { href: "/periods", label: "Periods", permission: "periods:read", count: ["unansweredExceptions", "unanswered"] },
  { href: "/changes", label: "Changes", permission: "changes:read" },
  { href: "/access-reviews", label: "Access reviews", permission: "access-reviews:read", count: ["accessReviews", "waiting"] },
  { href: "/vendors", label: "Vendors", permission: "vendors:read" },
  { href: "/audit-log", label: "Audit log", permission: "audit-log:read" },
  { href: "/settings/users", label: "Users", permission: "users:manage" },
  { href: "/settings/tokens", label: "API tokens", permission: "tokens:manage" },
  { href: "/settings/organisation", label: "Organisation", permission: "settings:manage" },
];

export function navItemsFor(principal: Pick<Principal, "may">, counts: NavCounts = {}) {
  return SECTIONS.filter((s) => principal.may(s.permission)).map(({ href, label, count }) => {
    const n = count ? counts[count[0]] : undefined;
    // The accessible name starts with the visible label (WCAG 2.5.3, label in name).
    return n && count ? { href, label, count: n, countLabel: `${label}, ${n} ${count[1]}` } : { href, label };
  });
}
