import { ACCOUNTS } from "../support";
import { PARAM_VALUES, type DomainEndpoints } from "./shared";

/** The shared AUDITOR account, given the fixture periods (accounts.setup.ts). */
const AUDITOR_EMAIL = ACCOUNTS.AUDITOR.email;

// Audit periods and their coverage.

export const periodsEndpoints: DomainEndpoints = {
  routes: {
    // Audit periods ([id] is the spec's own period; PUT renames it per call, so each call writes)
    "GET /api/v1/periods": { access: "periods:read" },
    "POST /api/v1/periods": {
      access: "periods:write",
      body: (c) => ({ name: `Authz period ${c.tag}`, type: "TYPE_II", start: "2026-01-01", end: "2026-12-31", categories: ["SECURITY"] }),
    },
    "GET /api/v1/periods/[id]": { access: "periods:read" },
    "GET /api/v1/periods/[id]/coverage": { access: "periods:read" },
    "GET /api/v1/periods/[id]/export": { access: "periods:read" },
    "GET /api/v1/periods/[id]/exceptions": { access: "periods:read" },
    // Lock, unlock and responses act on the call's own "authz lockable" period (CallContext.lockable, .locked).
    "PUT /api/v1/periods/[id]/exceptions/[exceptionId]/response": {
      access: "periods:write",
      body: (c) => ({ response: `Authz response ${c.tag}` }),
    },
    "POST /api/v1/periods/[id]/lock": { access: "periods:write" },
    "POST /api/v1/periods/[id]/unlock": { access: "periods:write", body: (c) => ({ reason: `Authz unlock ${c.tag}` }) },
    // A sample (no query: slots of every control in the period's categories, 25, a new seed); reads only
    "GET /api/v1/periods/[id]/sample": { access: "periods:read" },
    "PUT /api/v1/periods/[id]": {
      access: "periods:write",
      body: (c) => ({
        name: "authz period",
        type: "TYPE_II",
        start: "2026-01-01",
        end: `2026-12-${10 + (parseInt(c.tag.slice(0, 2), 16) % 20)}`,
        categories: ["SECURITY"],
        auditors: [AUDITOR_EMAIL], // a PUT replaces the auditors: the walk's AUDITOR keeps the period
      }),
    },
  },
  actions: {
    "app/(app)/periods/[periodId]/actions.ts#writeResponseAction": {
      access: "periods:write",
      input: (c) => ({ periodId: c.lockable.id, exceptionId: PARAM_VALUES.exceptionId, response: `Authz response ${c.tag}` }),
    },
    "app/(app)/periods/[periodId]/actions.ts#lockPeriodAction": { access: "periods:write", input: (c) => ({ periodId: c.lockable.id }) },
    "app/(app)/periods/[periodId]/actions.ts#unlockPeriodAction": {
      access: "periods:write",
      input: (c) => ({ periodId: c.locked.id, reason: `Authz unlock ${c.tag}` }),
    },
    "app/(app)/periods/actions.ts#createPeriodAction": {
      access: "periods:write",
      input: (c) => ({ name: `Authz period ${c.tag}`, type: "TYPE_II", start: "2026-01-01", end: "2026-12-31", categories: ["SECURITY"] }),
    },
    "app/(app)/periods/actions.ts#slotEvidenceAction": {
      access: "periods:read",
      // AI-SEC-05 (quarterly, never set not applicable by a spec) has slots in any window of the fixture period.
      input: () => ({ periodId: PARAM_VALUES.periodId, control: "AI-SEC-05", slot: "0" }),
      readOnly: true,
    },
    "app/(app)/periods/actions.ts#updatePeriodAction": {
      access: "periods:write",
      input: (c) => ({
        id: "00000000-0000-4000-8000-0000000a0d17",
        name: `Fixture period ${c.tag}`,
        type: "TYPE_I",
        start: "2026-06-30",
        categories: ["SECURITY"],
        auditors: AUDITOR_EMAIL, // the save replaces the auditors: the walk's AUDITOR keeps the fixture period
      }),
    },
  },
  pages: {
    "/periods": "periods:read",
    "/periods/new": "periods:write",
    "/periods/[periodId]": "periods:read",
    "/periods/[periodId]/edit": "periods:write",
    "/periods/[periodId]/sample": "periods:read",
  },
  scopedAuditor: {
    "GET /api/v1/periods": "sees",
    "GET /api/v1/periods/[id]": 404,
    "GET /api/v1/periods/[id]/coverage": 404,
    "GET /api/v1/periods/[id]/export": 404,
    "GET /api/v1/periods/[id]/exceptions": 404,
    "GET /api/v1/periods/[id]/sample": 404,
    "app/(app)/periods/actions.ts#slotEvidenceAction": 404, // the fixture period's slot
    "/periods": "sees",
    "/periods/[periodId]": 404,
    "/periods/[periodId]/sample": 404,
  },
};
