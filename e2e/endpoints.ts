import { accessReviewsEndpoints } from "./endpoints/access-reviews";
import { auditLogEndpoints } from "./endpoints/audit-log";
import { changesEndpoints } from "./endpoints/changes";
import { controlsEndpoints } from "./endpoints/controls";
import { evidenceEndpoints } from "./endpoints/evidence";
import { inventoryEndpoints } from "./endpoints/inventory";
import { mappingEndpoints } from "./endpoints/mapping";
import { periodsEndpoints } from "./endpoints/periods";
import { platformEndpoints } from "./endpoints/platform";
import { readinessEndpoints } from "./endpoints/readiness";
import { vendorsEndpoints } from "./endpoints/vendors";
import type { ActionEntry, DomainEndpoints, PageAccess, RouteEntry, ScopedExpectation } from "./endpoints/shared";

// The expected-permission table that e2e/authorization.spec.ts checks every endpoint against,
// gathered from one file per domain (e2e/endpoints/<domain>.ts; the shared table of roles, the
// fixtures and the call context are in e2e/endpoints/shared.ts). The spec discovers the endpoints
// itself (app/**/route.ts, the build's server-action manifest, app/**/page.tsx); one that has no
// entry here fails the spec until it is added to its domain's file.

export * from "./endpoints/shared";

const DOMAINS: DomainEndpoints[] = [
  platformEndpoints,
  controlsEndpoints,
  mappingEndpoints,
  auditLogEndpoints,
  inventoryEndpoints,
  readinessEndpoints,
  evidenceEndpoints,
  periodsEndpoints,
  changesEndpoints,
  accessReviewsEndpoints,
  vendorsEndpoints,
];

/** Every domain's entries of one kind together; a key in two domains' files is a mistake, not an override. */
function gather<T>(kind: keyof DomainEndpoints): Record<string, T> {
  const all: Record<string, T> = {};
  for (const domain of DOMAINS) {
    for (const [key, entry] of Object.entries(domain[kind])) {
      if (Object.hasOwn(all, key)) throw new Error(`e2e/endpoints: ${kind} "${key}" is listed by two domains`);
      all[key] = entry as T;
    }
  }
  return all;
}

/** Route handlers, "METHOD /path/as/in/app" (see RouteEntry). */
export const ROUTES = gather<RouteEntry>("routes");
/** Server actions, "file#export" (see ActionEntry). */
export const ACTIONS = gather<ActionEntry>("actions");
/** Pages, by URL pattern (see PageAccess). */
export const PAGES = gather<PageAccess>("pages");
/** A scoped auditor's expectation of each endpoint an auditor may use (see ScopedExpectation). */
export const SCOPED_AUDITOR_EXPECTS = gather<ScopedExpectation>("scopedAuditor");
