import { type DomainEndpoints } from "./shared";

// The AI feature inventory: one feature, the CSV import.

/** The fixture feature's answers as the inventory form sends them (checkbox groups repeat). */
const FIXTURE_FORM = {
  name: "Fixture feature",
  owner: "Test team",
  status: "ACTIVE",
  purpose: "Summarises internal tickets.",
  inputData: ["INTERNAL"],
  outputs: "A summary shown to staff.",
  invokers: ["STAFF"], // the fixture's own answers, so that other specs' suggestions stay as they were
  vendors: "[]",
  failureImpact: "LOW",
};

export const inventoryEndpoints: DomainEndpoints = {
  routes: {
    "GET /api/v1/features": { access: "features:read" }, // also ?format=csv, the export
    "POST /api/v1/features": {
      access: "features:write",
      body: (c) => ({
        slug: `authz-api-${c.tag}`,
        name: `Authz API ${c.tag}`,
        owner: "Authz",
        purpose: "Created by the authorization walk.",
        inputData: ["INTERNAL"],
        outputs: "Nothing anyone reads.",
        invokers: ["STAFF"],
        failureImpact: "LOW",
      }),
    },
    "GET /api/v1/features/[slug]": { access: "features:read" },
    "PATCH /api/v1/features/[slug]": { access: "features:write", body: (c) => ({ owner: `api ${c.tag}` }) },
    // The CSV import by API: the import page's file as a text/csv body (a fresh slug per call)
    "POST /api/v1/features/import": {
      access: "features:write",
      body: (c) => ({
        contentType: "text/csv",
        text: `slug,name,owner,purpose,inputData,outputs,invokers,failureImpact\nauthz-csv-${c.tag},Authz CSV ${c.tag},Authz,Imported.,INTERNAL,Nothing.,STAFF,LOW\n`,
      }),
    },
  },
  actions: {
    "app/(app)/inventory/actions.ts#createFeatureAction": {
      access: "features:write",
      input: (c) => ({ ...FIXTURE_FORM, slug: `authz-action-${c.tag}`, name: `Authz action ${c.tag}` }),
    },
    "app/(app)/inventory/actions.ts#updateFeatureAction": {
      access: "features:write",
      input: (c) => ({ ...FIXTURE_FORM, slug: "fixture-feature", owner: `action ${c.tag}` }),
    },
    "app/(app)/inventory/actions.ts#setFeatureStatusAction": {
      access: "features:write",
      input: () => ({ slug: "fixture-feature", status: "ACTIVE" }), // stays active; the call still records itself
    },
    "app/(app)/inventory/actions.ts#importFeaturesAction": {
      access: "features:write",
      input: (c) => ({
        step: "commit",
        fileName: "authz.csv",
        csv: `slug,name,owner,purpose,inputData,outputs,invokers,failureImpact\nauthz-import-${c.tag},Authz import ${c.tag},Authz,Imported.,INTERNAL;PUBLIC,Nothing.,STAFF,LOW\n`,
      }),
    },
  },
  pages: {
    "/inventory": "features:read",
    "/inventory/new": "features:write",
    "/inventory/import": "features:write",
    "/inventory/[slug]": "features:read",
    "/inventory/[slug]/edit": "features:write",
  },
  scopedAuditor: {
    "GET /api/v1/features": "sees",
    "GET /api/v1/features/[slug]": 404, // fixture-feature: not the scoped period's feature
    "/inventory": "sees",
    "/inventory/[slug]": 404,
  },
};
