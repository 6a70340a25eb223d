import { z } from "zod";
import { endpoint, json, location, ref } from "@/lib/api/endpoint";
import { controlCodeSchema, controlPatchSchema, controlsQuerySchema, customControlCreateSchema } from "@/lib/validations/control";
import { criteriaQuerySchema } from "@/lib/validations/criteria";
import { readinessQuerySchema } from "@/lib/validations/readiness";

// The controls matrix, the gap assessment, the criteria and the readiness checks (lib/api/endpoint.ts).

const codeParams = z.object({ code: controlCodeSchema });

export const controlsApi = {
  listControls: endpoint({
    method: "GET",
    path: "/api/v1/controls",
    permission: "controls:read",
    query: controlsQuerySchema,
    parameterNotes: { period: "An audit period id: each control's operating figures in it." },
    operationId: "listControls",
    summary: "List controls",
    description:
      "Every control (the guide's 23 and the team's own), ordered by category, then code. With `period`: also `period` and, on " +
      "each control, `operating`: its coverage status, covered and expected slots, coverage, last accepted evidence and next slot " +
      'due in that period, as the period\'s coverage computes them (docs/coverage.md, "The controls matrix"); null for a control ' +
      "the period's categories leave out. Also needs `periods:read`; 404 when there is no such period for the caller. Unknown " +
      "query parameters are a 400.",
    tags: ["Controls"],
    ok: { "200": json(ref("ControlList"), "The controls.") },
    errors: ["Validation", "NotFound"],
  }),
  createControl: endpoint({
    method: "POST",
    path: "/api/v1/controls",
    permission: "controls:write",
    body: customControlCreateSchema,
    bodyName: "CustomControlCreate",
    example: {
      code: "AI-CUSTOM-01",
      title: "Prompt red-team review",
      description: "A quarterly red-team exercise against the support assistant's prompts.",
      category: "SECURITY",
      criteria: ["CC6.1"],
      frequency: "QUARTERLY",
      expectedEvidence: "The red-team report.",
    },
    operationId: "createControl",
    summary: "Create a custom control",
    description: "A team's own control. 409 when the code is taken; 400 on unknown criteria ids.",
    tags: ["Controls"],
    ok: { "201": json(ref("Control"), "Created.", location) },
    errors: ["Validation", "Conflict"],
  }),
  getControl: endpoint({
    method: "GET",
    path: "/api/v1/controls/{code}",
    permission: "controls:read",
    params: codeParams,
    operationId: "getControl",
    summary: "Get a control",
    description: "One control by its code.",
    tags: ["Controls"],
    ok: { "200": json(ref("Control"), "The control.") },
    errors: ["NotFound"],
  }),
  updateControl: endpoint({
    method: "PATCH",
    path: "/api/v1/controls/{code}",
    permission: "controls:write",
    params: codeParams,
    body: controlPatchSchema,
    bodyName: "ControlPatch",
    example: {
      designStatus: "PARTIAL",
      owner: "Platform team",
      notes: "Logging covers two of three features.",
    },
    operationId: "updateControl",
    summary: "Update a control's gap assessment",
    description:
      "Design status, justification, frequency, operates-since date, owner and notes; other fields are a 400. " +
      "422 when the result would be NOT_APPLICABLE without a justification. Audited.",
    tags: ["Controls"],
    ok: { "200": json(ref("Control"), "The updated control.") },
    errors: ["Validation", "NotFound", "Unprocessable"],
  }),
  listCriteria: endpoint({
    method: "GET",
    path: "/api/v1/criteria",
    permission: "controls:read",
    query: criteriaQuerySchema,
    parameterNotes: { period: "An audit period id: its categories and in-scope controls.", category: "Only this category's criteria." },
    operationId: "listCriteria",
    summary: "List Trust Services criteria",
    description:
      "The 61 criteria of the 2017 Trust Services Criteria (points of focus revised 2022), in official order, each with the controls " +
      "that address it. With `period`: only the criteria of that audit period's categories, addressed only by controls in its scope " +
      "(also needs `periods:read`; 404 when there is no such period). With `category`: only that category's criteria. " +
      "Unknown query parameters are a 400.",
    tags: ["Controls"],
    ok: { "200": json(ref("CriteriaList"), "The criteria.") },
    errors: ["Validation", "NotFound"],
  }),
  getReadiness: endpoint({
    method: "GET",
    path: "/api/v1/readiness",
    permission: "controls:read",
    query: readinessQuerySchema,
    parameterNotes: { period: "An audit period id." },
    operationId: "getReadiness",
    summary: "Readiness checks for an audit period",
    description:
      "The guide's seven common findings and the further checks, for one audit period: only changes merged in it, and only " +
      "evidence valid over its elapsed days, count (docs/readiness.md). Without `period`: the current period (the one holding " +
      "today in the organisation's time zone, latest start first; else the one that ended last). With `period`: also needs " +
      "`periods:read`; 404 when there is no such period. With no audit period at all: `period` null and no checks. Unknown " +
      "query parameters are a 400.",
    tags: ["Readiness"],
    ok: { "200": json(ref("Readiness"), "The checks.") },
    errors: ["Validation", "NotFound"],
  }),
};
