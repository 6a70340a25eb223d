import { type DomainEndpoints } from "./shared";

// Mapping features to controls.

export const mappingEndpoints: DomainEndpoints = {
  routes: {
    "PUT /api/v1/features/[slug]/controls/[code]": {
      access: "features:write",
      body: (c) => ({ applies: false, justification: `authz ${c.tag}` }),
    },
  },
  actions: {
    "app/(app)/mapping/actions.ts#confirmMapping": {
      access: "features:write",
      input: (c) => ({ slug: "fixture-feature", code: "AI-AVL-01", applies: "false", justification: `authz ${c.tag}` }),
    },
    "app/(app)/mapping/actions.ts#bulkMapping": {
      access: "features:write",
      input: (c) => ({ slugs: "fixture-feature", category: "PRIVACY", decision: "not-applicable", justification: `authz ${c.tag}` }),
    },
  },
  pages: {
    "/mapping": "features:read", // Mapping
  },
  scopedAuditor: {
    "/mapping": "sees",
  },
};
