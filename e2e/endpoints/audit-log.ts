import { type DomainEndpoints } from "./shared";

// The audit log and its chain check.

export const auditLogEndpoints: DomainEndpoints = {
  routes: {
    "GET /api/v1/audit-log": { access: "audit-log:read" },
    "GET /api/v1/audit-log/verify": { access: "audit-log:read" },
  },
  actions: {
    "app/(app)/audit-log/actions.ts#verifyChainAction": { access: "audit-log:read", input: () => ({}), readOnly: true },
  },
  pages: {
    "/audit-log": "audit-log:read",
  },
  scopedAuditor: {
    "GET /api/v1/audit-log": "sees",
    "GET /api/v1/audit-log/verify": "sees",
    "app/(app)/audit-log/actions.ts#verifyChainAction": "sees",
    "/audit-log": "sees",
  },
};
