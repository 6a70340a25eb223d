import { FIXTURE_INCIDENT_EVIDENCE_ID, type DomainEndpoints } from "./shared";

// Readiness: the dataset manifest, the incident plan and tabletop marks, the checks.

export const readinessEndpoints: DomainEndpoints = {
  routes: {
    // Readiness: the dataset manifest (replaced whole, so every call writes) and the checks
    "GET /api/v1/features/[slug]/datasets": { access: "features:read" },
    "PUT /api/v1/features/[slug]/datasets": {
      access: "features:write",
      body: (c) => ({
        datasets: [
          { name: `Authz dataset ${c.tag}`, source: "Authorization walk", approvedBy: "Authz", approvedOn: "2026-01-15", piiRemoved: true },
        ],
      }),
    },
    "GET /api/v1/readiness": { access: "controls:read" },
  },
  actions: {
    // Readiness: the dataset manifest and the incident plan / tabletop marks
    "app/(app)/inventory/actions.ts#setDatasetsAction": {
      access: "features:write",
      input: (c) => ({
        slug: "fixture-feature",
        datasets: JSON.stringify([
          {
            name: `Authz dataset ${c.tag}`,
            source: "Authorization walk",
            approvedBy: "Authz",
            approvedOn: "2026-01-15",
            piiRemoved: false,
          },
        ]),
      }),
    },
    "app/(app)/readiness/actions.ts#setIncidentRecordAction": {
      access: "evidence:review",
      // Alternates plan and tabletop by the tag, so that every call changes the row (and is audited).
      input: (c) => ({
        evidence: FIXTURE_INCIDENT_EVIDENCE_ID,
        kind: parseInt(c.tag.slice(-1), 16) % 2 ? "PLAN" : "TABLETOP",
        scenarios: "PROVIDER_OUTAGE",
      }),
    },
  },
  pages: {
    "/readiness": "controls:read",
    "/readiness/incident-response": "evidence:review",
  },
  scopedAuditor: {
    "GET /api/v1/features/[slug]/datasets": 404, // fixture-feature: not the scoped period's feature
    "GET /api/v1/readiness": "sees",
    "/readiness": "sees",
  },
};
