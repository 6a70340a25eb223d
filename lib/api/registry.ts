import type { Endpoint } from "@/lib/api/endpoint";
import { accessReviewsApi } from "@/lib/api/endpoints/access-reviews";
import { auditLogApi } from "@/lib/api/endpoints/audit-log";
import { changesApi } from "@/lib/api/endpoints/changes";
import { controlsApi } from "@/lib/api/endpoints/controls";
import { evidenceApi } from "@/lib/api/endpoints/evidence";
import { featuresApi } from "@/lib/api/endpoints/features";
import { periodsApi } from "@/lib/api/endpoints/periods";
import { vendorsApi } from "@/lib/api/endpoints/vendors";

// Every declared endpoint, for the document (lib/api/openapi.ts) and its agreement test with the
// route files and e2e/endpoints.ts (lib/api/openapi.test.ts). A route file hands its declaration
// to apiRoute(); a declaration missing here is missing from the document, which the test catches.
const DOMAINS = [controlsApi, featuresApi, evidenceApi, periodsApi, changesApi, vendorsApi, accessReviewsApi, auditLogApi];

export const ENDPOINTS: Endpoint[] = DOMAINS.flatMap((domain) => Object.values(domain) as Endpoint[]);

/** The declaration of each operation, by its operationId. */
export const ENDPOINTS_BY_ID = new Map(ENDPOINTS.map((e) => [e.operationId, e]));
