import { PARAM_VALUES, type DomainEndpoints } from "./shared";

// Vendors, their assurance package and sub-service organisations' CUECs.

export const vendorsEndpoints: DomainEndpoints = {
  routes: {
    // Vendors (the fixture vendor; each package link gets the call's own fresh evidence)
    "GET /api/v1/vendors": { access: "vendors:read" },
    "POST /api/v1/vendors": { access: "vendors:write", body: (c) => ({ name: `Authz vendor ${c.tag}`, dataRegion: "EU" }) },
    "GET /api/v1/vendors/[vendorId]": { access: "vendors:read" },
    "PATCH /api/v1/vendors/[vendorId]": { access: "vendors:write", body: (c) => ({ notes: `authz ${c.tag}` }) },
    "POST /api/v1/vendors/[vendorId]/package": {
      access: "vendors:write",
      body: (c) => ({ kind: "SOC2_REPORT", evidence: c.evidence.id, notes: `authz ${c.tag}` }),
    },
    // Sub-service organisations (the fixture vendor is a carve-out; [cuecId] is the call's own CUEC)
    "PATCH /api/v1/vendors/[vendorId]/package/[packageItemId]": {
      access: "vendors:write",
      body: (c) => ({ reportType: "TYPE_II", bridgeLetter: c.evidence.id }),
    },
    "POST /api/v1/vendors/[vendorId]/cuecs": {
      access: "vendors:write",
      body: (c) => ({ text: `Authz CUEC ${c.tag}`, control: "AI-SEC-01" }),
    },
    "PATCH /api/v1/vendors/[vendorId]/cuecs/[cuecId]": { access: "vendors:write", body: (c) => ({ text: `Authz CUEC reworded ${c.tag}` }) },
    "DELETE /api/v1/vendors/[vendorId]/cuecs/[cuecId]": { access: "vendors:write" },
  },
  actions: {
    "app/(app)/vendors/actions.ts#createVendorAction": {
      access: "vendors:write",
      input: (c) => ({ name: `Authz vendor action ${c.tag}`, zeroRetention: "yes", trainingOptOut: "" }),
    },
    "app/(app)/vendors/actions.ts#updateVendorAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, name: "Fixture vendor", notes: `action ${c.tag}` }),
    },
    "app/(app)/vendors/actions.ts#recordVendorReviewAction": {
      access: "vendors:write",
      input: () => ({ id: PARAM_VALUES.vendorId, date: "2026-01-15" }), // the same date again; the review is still recorded (audited)
    },
    "app/(app)/vendors/actions.ts#setFallbackStrategyAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, feature: "fixture-vendor-feature", fallbackStrategy: `Fail over, ${c.tag}` }),
    },
    "app/(app)/vendors/actions.ts#linkPackageItemAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, kind: "SOC2_REPORT", evidence: c.evidence.id }),
    },
    "app/(app)/vendors/actions.ts#setVendorScopeAction": {
      access: "vendors:write",
      input: () => ({ id: PARAM_VALUES.vendorId, scope: "CARVE_OUT" }), // stays a carve-out; the call still records itself
    },
    "app/(app)/vendors/actions.ts#addCuecAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, text: `Authz CUEC action ${c.tag}`, control: "AI-SEC-01" }),
    },
    "app/(app)/vendors/actions.ts#linkCuecControlAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, cuec: c.cuec.id, control: "AI-SEC-05" }),
    },
    "app/(app)/vendors/actions.ts#removeCuecAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, cuec: c.cuec.id }),
    },
    "app/(app)/vendors/actions.ts#recordSoc2ReportAction": {
      access: "vendors:write",
      input: (c) => ({ id: PARAM_VALUES.vendorId, item: PARAM_VALUES.packageItemId, reportType: "TYPE_II", bridgeLetter: c.evidence.id }),
    },
  },
  pages: {
    "/vendors": "vendors:read",
    "/vendors/new": "vendors:write",
    "/vendors/[vendorId]": "vendors:read",
    "/vendors/[vendorId]/edit": "vendors:write",
  },
  scopedAuditor: {
    "GET /api/v1/vendors": "sees",
    "GET /api/v1/vendors/[vendorId]": "sees", // used by the scoped period's one feature
    "/vendors": "sees",
    "/vendors/[vendorId]": "sees",
  },
};
