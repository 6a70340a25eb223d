import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/permissions";

// Which permission opens each page that needs more than reading, so that a page links a person
// only where they may go: a readiness check shows an auditor what is missing, not a fix-it link
// that ends on "Not allowed". Each page's own requirePage() is the check; this list says the same
// thing for links, and lib/auth/page-access.test.ts holds it to the authorization walk's table.

/** URL patterns as the app's folders name them ("[slug]" matches one segment), with the permission each page requires. */
export const PAGE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  "/access-reviews/[reviewId]/edit": "access-reviews:write",
  "/access-reviews/[reviewId]/import": "access-reviews:write",
  "/access-reviews/inbox": "access-reviews:decide",
  "/access-reviews/new": "access-reviews:write",
  "/changes/import": "changes:write",
  "/changes/new": "changes:write",
  "/controls/[code]/edit": "controls:write",
  "/controls/new": "controls:write",
  "/evidence/review": "evidence:review",
  "/evidence/upload": "evidence:write",
  "/inventory/[slug]/edit": "features:write",
  "/inventory/import": "features:write",
  "/inventory/new": "features:write",
  "/periods/[periodId]/edit": "periods:write",
  "/periods/new": "periods:write",
  "/readiness/incident-response": "evidence:review",
  "/settings/organisation": "settings:manage",
  "/settings/tokens": "tokens:manage",
  "/settings/users": "users:manage",
  "/vendors/[vendorId]/edit": "vendors:write",
  "/vendors/new": "vendors:write",
};

const matches = (pattern: string, path: string) => {
  const a = pattern.split("/");
  const b = path.split("/");
  return a.length === b.length && a.every((segment, i) => /^\[[^\]]+\]$/.test(segment) || segment === b[i]);
};

/** The permission a link's page requires beyond reading, or null when any signed-in reader may open it. */
export function pagePermission(href: string): Permission | null {
  const path = href.split(/[?#]/)[0].replace(/\/$/, "") || "/";
  const found = Object.entries(PAGE_PERMISSIONS).find(([pattern]) => matches(pattern, path));
  return found ? found[1] : null;
}

/** Whether the caller may open the page a link leads to (a page they may not is not offered). */
export function mayFollow(principal: Principal, href: string): boolean {
  const permission = pagePermission(href);
  return permission === null || principal.may(permission);
}
