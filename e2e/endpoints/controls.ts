import { type DomainEndpoints } from "./shared";

// Controls, criteria, the gap assessment and custom controls.

export const controlsEndpoints: DomainEndpoints = {
  routes: {
    "GET /api/v1/controls": { access: "controls:read" },
    "GET /api/v1/controls/[code]": { access: "controls:read" },
    "GET /api/v1/criteria": { access: "controls:read" },
    "PATCH /api/v1/controls/[code]": { access: "controls:write", body: (c) => ({ owner: `api ${c.tag}` }) },
    "GET /gap-assessment/export": { access: "controls:read" },
    "POST /api/v1/controls": {
      access: "controls:write",
      body: (c) => ({
        code: `CUSTOM-${c.tag}`.toUpperCase(),
        title: `Authz custom control ${c.tag}`,
        description: "Created by the authorization spec.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "QUARTERLY",
        expectedEvidence: "A quarterly record.",
      }),
    },
  },
  actions: {
    "app/(app)/controls/actions.ts#saveControlDesign": {
      access: "controls:write",
      input: (c) => ({ code: "AI-SEC-01", owner: `action ${c.tag}` }),
    },
    "app/(app)/controls/actions.ts#createCustomControlAction": {
      access: "controls:write",
      input: (c) => ({
        code: `CUSTOM-${c.tag}`.toUpperCase(),
        title: `Authz custom control ${c.tag}`,
        description: "Created by the authorization spec.",
        category: "SECURITY",
        criteria: "CC6.1", // several criteria: comma-separated, or the field repeated
        frequency: "QUARTERLY",
        expectedEvidence: "A quarterly record.",
      }),
    },
    // The guide's controls accept a criteria remap; AI-SEC-01's own mapping, so the shared data stays
    // as seeded (the save still writes: updatedAt and an audit entry).
    "app/(app)/controls/actions.ts#updateControlDefinitionAction": {
      access: "controls:write",
      input: () => ({ code: "AI-SEC-01", criteria: "CC6.1,CC6.3" }),
    },
  },
  pages: {
    "/controls": "controls:read",
    "/controls/[code]": "controls:read",
    "/controls/new": "controls:write",
    "/controls/[code]/edit": "controls:write",
    "/gap-assessment": "controls:read",
    "/criteria": "controls:read",
  },
  scopedAuditor: {
    "GET /api/v1/controls": "sees",
    "GET /api/v1/controls/[code]": "sees", // AI-SEC-01: Security is in every period
    "GET /api/v1/criteria": "sees",
    "GET /gap-assessment/export": "sees",
    "/controls": "sees",
    "/controls/[code]": "sees",
    "/gap-assessment": "sees",
    "/criteria": "sees",
  },
};
