import { PERMISSIONS, type Permission } from "@/lib/permissions";
import { EVALUATION_STATES } from "@/lib/coverage/evaluation";
import { CATEGORIES, DESIGN_STATUSES, FREQUENCIES } from "@/lib/validations/control";
import { DATA_CATEGORIES, FEATURE_PAGE_SIZE, FEATURE_SORTS, FEATURE_STATUSES, IMPACTS, INVOKERS } from "@/lib/validations/feature";
import { AUDIT_LOG_PAGE_SIZE } from "@/lib/validations/audit-log";
import { CHANGE_KINDS, CHANGE_PAGE_SIZE, IMPORT_MAX_ROWS } from "@/lib/validations/change";
import { PACKAGE_KINDS } from "@/lib/vendors/package";
import { VENDOR_FILTERS, VENDOR_PAGE_SIZE } from "@/lib/vendors/validation";
import { DATASETS_MAX } from "@/lib/validations/dataset";
import { SOC2_REPORT_TYPES, SUBSERVICE_METHODS, VENDOR_RELATIONSHIPS } from "@/lib/vendors/subservice";

// The OpenAPI 3.1 description of the machine API, served at GET /api/v1/openapi.json. Written by
// hand from the route handlers and their zod schemas; enum values and the roles of each operation
// are taken from the same constants the server uses, so they cannot drift. lib/api/openapi.test.ts
// fails when a route file under app/api has an operation that is not described here.

// ---- A small typed subset of OpenAPI 3.1 (what this document uses). ----

type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";
type Extensions = { [key: `x-${string}`]: unknown };
export interface Ref {
  $ref: string;
}
export interface SchemaObject {
  $ref?: string;
  type?: JsonType | JsonType[];
  format?: string;
  description?: string;
  enum?: readonly (string | number | boolean | null)[];
  const?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  pattern?: string;
  default?: unknown;
  examples?: unknown[];
  contentMediaType?: string;
  if?: SchemaObject;
  then?: SchemaObject;
}
export interface MediaTypeObject {
  schema: SchemaObject;
  encoding?: Record<string, { contentType?: string }>;
  example?: unknown;
}
export interface HeaderObject {
  description: string;
  schema: SchemaObject;
}
export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  description?: string;
  required?: boolean;
  schema: SchemaObject;
}
export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Ref>;
  content?: Record<string, MediaTypeObject>;
}
export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}
export type SecurityRequirement = Record<string, string[]>;
export interface OperationObject extends Extensions {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: (ParameterObject | Ref)[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | Ref>;
  security?: SecurityRequirement[];
}
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & { parameters?: (ParameterObject | Ref)[] };
export type SecuritySchemeObject =
  | { type: "http"; scheme: "bearer"; bearerFormat?: string; description: string }
  | { type: "apiKey"; in: "cookie" | "header" | "query"; name: string; description: string };
export interface OpenApiDocument {
  openapi: `3.1.${number}`;
  info: { title: string; version: string; summary?: string; description: string; license?: { name: string; identifier?: string } };
  servers?: { url: string; description?: string }[];
  security: SecurityRequirement[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}

// ---- Building blocks ----

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const response = (name: ErrorResponseName): Ref => ({ $ref: `#/components/responses/${name}` });
const param = (name: string): Ref => ({ $ref: `#/components/parameters/${name}` });
const nullable = (schema: SchemaObject): SchemaObject => ({ anyOf: [schema, { type: "null" }] });
const json = (schema: SchemaObject, description: string, headers?: ResponseObject["headers"]): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
/**
 * A JSON request body with a valid example: e2e/api-contract.spec.ts derives its bad requests from
 * the example (each required field dropped, each field of the wrong type or too long).
 */
const jsonBody = (schema: SchemaObject, example: unknown, description?: string): RequestBodyObject => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema, example } },
});
const date: SchemaObject = { type: "string", format: "date", description: "A calendar date, YYYY-MM-DD." };
const time: SchemaObject = { type: "string", format: "date-time", description: "ISO 8601, UTC (server clock)." };
const text = (maxLength: number, description?: string): SchemaObject => ({
  type: "string",
  maxLength,
  ...(description ? { description } : {}),
});

/** "Roles: ADMIN, COMPLIANCE_LEAD (permission controls:write)." from the one permission map. */
function rolesText(permission: Permission): string {
  return (
    `Roles: ${PERMISSIONS[permission].join(", ")} (permission \`${permission}\`). ` +
    `A token acts with its role; if it has scopes they must include \`${permission}\` or \`${permission.split(":")[0]}:*\`.`
  );
}

type ErrorResponseName =
  | "Validation"
  | "Unauthenticated"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "PayloadTooLarge"
  | "UnsupportedMediaType"
  | "Unprocessable"
  | "DatabaseUnavailable";

/** An authenticated operation: roles in the description, and the errors every such call can get. */
function op(
  permission: Permission,
  spec: Omit<OperationObject, "responses" | "x-attest-permission"> & {
    ok: Record<string, ResponseObject>;
    errors?: ErrorResponseName[];
  },
): OperationObject {
  const { ok, errors = [], description, ...rest } = spec;
  const codes: Record<ErrorResponseName, string> = {
    Validation: "400",
    Unauthenticated: "401",
    Forbidden: "403",
    NotFound: "404",
    Conflict: "409",
    PayloadTooLarge: "413",
    UnsupportedMediaType: "415",
    Unprocessable: "422",
    DatabaseUnavailable: "503",
  };
  // A JSON body is read up to a limit (lib/api/read-json.ts): every operation that takes one may answer 413.
  const takesJson = Boolean((rest.requestBody as RequestBodyObject | undefined)?.content?.["application/json"]);
  const names = new Set<ErrorResponseName>([
    "Unauthenticated",
    "Forbidden",
    ...errors,
    ...(takesJson ? (["PayloadTooLarge"] as const) : []),
    "DatabaseUnavailable",
  ]);
  const failures = Object.fromEntries([...names].map((n) => [codes[n], response(n)]));
  return {
    ...rest,
    description: `${description}\n\n${rolesText(permission)}`,
    "x-attest-permission": permission,
    responses: { ...ok, ...failures },
  };
}

// ---- Schemas ----

const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "VALIDATION",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE",
  "TOO_MANY_REQUESTS",
  "DATABASE_UNAVAILABLE",
  "INTERNAL",
] as const;

const featureProperties: Record<string, SchemaObject> = {
  slug: ref("Slug"),
  name: text(200),
  owner: text(200),
  status: { type: "string", enum: FEATURE_STATUSES },
  purpose: { ...text(4000), description: "What it does." },
  inputData: { type: "array", items: { type: "string", enum: DATA_CATEGORIES }, description: "What data enters the prompt." },
  inputNotes: nullable(text(4000)),
  outputs: { ...text(4000), description: "What comes out and where it goes." },
  invokers: { type: "array", items: { type: "string", enum: INVOKERS }, minItems: 1 },
  vendors: { type: "array", items: ref("VendorLink") },
  failureImpact: { type: "string", enum: IMPACTS },
  failureNotes: nullable(text(4000)),
  automatedDecisions: { type: "boolean" },
  irreversibleActions: { type: "boolean" },
  usesTrainingData: { type: "boolean" },
  exposesToolServers: { type: "boolean" },
  logsPrompts: { type: "boolean" },
  userFacing: { type: "boolean" },
  promptLogRetention: nullable(text(500)),
};

const categoryEnum: SchemaObject = {
  type: "string",
  enum: ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"],
};
const periodProperties: Record<string, SchemaObject> = {
  name: text(120),
  type: { type: "string", enum: ["TYPE_I", "TYPE_II"], description: "Type I: as of a date (start = end); Type II: over a window." },
  start: date,
  end: { ...date, description: "Inclusive; on or after start. Ignored (set to start) for a Type I." },
  categories: { type: "array", items: categoryEnum, description: "Categories in scope; must include SECURITY." },
  features: { type: "array", items: text(80), description: "Slugs of the features in scope." },
  auditors: { type: "array", items: { type: "string", format: "email" }, description: "E-mails of Auditor accounts given access." },
};

const changeProperties: Record<string, SchemaObject> = {
  kind: { type: "string", enum: CHANGE_KINDS },
  feature: text(80, "Slug of the AI feature it changes (optional)."),
  title: text(300),
  pullRequest: { ...text(500), description: "A URL ending /pull/12, #12 or 12." },
  commitSha: { type: "string", pattern: "^[0-9a-fA-F]{7,64}$" },
  mergedAt: { type: "string", maxLength: 40, description: "ISO 8601; without a zone it is UTC. Not in the future." },
  approvedBy: text(200),
  ticket: text(300),
};

const vendorInputProperties: Record<string, SchemaObject> = {
  name: text(200),
  website: nullable({ type: "string", format: "uri", maxLength: 500 }),
  securityContact: nullable(text(500)),
  zeroRetention: nullable({ type: "boolean", description: "The DPA's zero-retention clause." }),
  trainingOptOut: nullable({ type: "boolean", description: "The vendor does not train on your data." }),
  dataRegion: nullable(text(200)),
  transferSafeguards: nullable(text(2000, "SCCs, transfer impact assessment (AI-PRIV-04).")),
  incidentNotification: nullable(text(2000, "The vendor's incident notification commitment.")),
  notes: nullable(text(4000)),
  relationship: {
    type: "string",
    enum: VENDOR_RELATIONSHIPS,
    description: "VENDOR, or SUBSERVICE: a sub-service organisation of the system the report describes (needs subserviceMethod).",
  },
  subserviceMethod: nullable({
    type: "string",
    enum: SUBSERVICE_METHODS,
    description: "For a sub-service organisation: CARVE_OUT (its controls excluded, its report's CUECs yours to address) or INCLUSIVE.",
  }),
};

const cuecControl = nullable({
  type: "string",
  pattern: "^[A-Z0-9][A-Z0-9-]{1,39}$",
  description: "The code of the control that addresses it; null: none yet.",
});

const schemas: Record<string, SchemaObject> = {
  PeriodInput: {
    type: "object",
    required: ["name", "type", "start", "categories"],
    properties: periodProperties,
    additionalProperties: false,
  },
  Period: {
    type: "object",
    required: ["id", "name", "type", "start", "end", "categories", "features", "auditors", "createdAt", "updatedAt"],
    properties: { id: { type: "string", format: "uuid" }, ...periodProperties, createdAt: time, updatedAt: time },
  },
  CoverageSlot: {
    type: "object",
    required: ["start", "end", "state", "evidence"],
    properties: {
      start: date,
      end: date,
      state: { type: "string", enum: ["COVERED", "MISSING", "NOT_YET_DUE", "NOT_IN_OPERATION"] },
      evidence: { type: "array", items: { type: "string", format: "uuid" }, description: "Accepted evidence that covers the slot." },
      change: { type: "string", format: "uuid", description: "Per-event controls: the change this slot stands for." },
      missingVendors: {
        type: "array",
        items: { type: "string" },
        description:
          "Missing slots of a per-vendor validity control (AI-CONF-02, AI-PRIV-04): the names of the vendors in use on those days without a valid accepted document of their own, sorted; empty when no vendor was in use and nothing was on file.",
      },
    },
  },
  CoverageItem: {
    type: "object",
    required: ["control", "expected", "covered", "coverage", "status", "slots"],
    properties: {
      control: { type: "string" },
      expected: { type: "integer", description: "Slots covered or missing; days for validity controls." },
      covered: { type: "integer" },
      coverage: nullable({ type: "number", minimum: 0, maximum: 1 }),
      status: { type: "string", enum: ["OPERATING", "GAPS", "NOT_OPERATING", "NOT_YET_DUE", "NOT_APPLICABLE"] },
      slots: { type: "array", items: { $ref: "#/components/schemas/CoverageSlot" } },
    },
  },
  PeriodCoverage: {
    type: "object",
    required: ["period", "today", "timeZone", "summary", "items"],
    properties: {
      period: {
        type: "object",
        properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, type: { type: "string" }, start: date, end: date },
      },
      today: { ...date, description: "Today in the organisation's time zone." },
      timeZone: { type: "string" },
      summary: {
        type: "object",
        properties: {
          controls: { type: "integer" },
          byStatus: { type: "object", additionalProperties: { type: "integer" } },
          coverage: nullable({ type: "number", minimum: 0, maximum: 1 }),
        },
      },
      items: { type: "array", items: { $ref: "#/components/schemas/CoverageItem" } },
    },
  },
  PeriodList: {
    type: "object",
    required: ["items"],
    properties: { items: { type: "array", items: { $ref: "#/components/schemas/Period" } } },
  },
  ChangeInput: {
    type: "object",
    required: ["kind", "title", "mergedAt"],
    properties: changeProperties,
    additionalProperties: false,
  },
  Change: {
    type: "object",
    required: [
      "id",
      "kind",
      "feature",
      "title",
      "pullRequest",
      "commitSha",
      "mergedAt",
      "approvedBy",
      "ticket",
      "covered",
      "evaluation",
      "evidence",
    ],
    properties: {
      id: { type: "string", format: "uuid" },
      ...changeProperties,
      feature: nullable({ type: "string", description: "The feature's slug." }),
      pullRequest: nullable(text(500)),
      commitSha: nullable({ type: "string", description: "Lower-case hex." }),
      mergedAt: time,
      approvedBy: nullable(text(200)),
      ticket: nullable(text(300)),
      covered: { type: "boolean", description: "Evaluated before release: `evaluation` is BEFORE_RELEASE." },
      evaluation: {
        type: "string",
        enum: EVALUATION_STATES,
        description:
          "BEFORE_RELEASE: accepted AI-PI-02 evidence names the same commit (7+ character prefix either way) or pull request and is effective on or before the merge day; AFTER_RELEASE: such evidence exists only dated later (a finding); NONE: no such evidence. Evidence of other controls never counts.",
      },
      evidence: {
        type: "array",
        items: { type: "string", format: "uuid" },
        description: "The matching AI-PI-02 evidence: the evaluations before release, or else those after it.",
      },
    },
  },
  ChangeList: {
    type: "object",
    required: ["items", "total"],
    properties: {
      items: { type: "array", items: ref("Change") },
      total: { type: "integer", description: "Changes matching the filters." },
    },
  },
  ChangeImport: {
    type: "object",
    required: ["changes"],
    additionalProperties: false,
    properties: { changes: { type: "array", minItems: 1, maxItems: IMPORT_MAX_ROWS, items: ref("ChangeInput") } },
  },
  ChangeImported: {
    type: "object",
    required: ["created", "ids"],
    properties: { created: { type: "integer" }, ids: { type: "array", items: { type: "string", format: "uuid" } } },
  },
  Error: {
    type: "object",
    description:
      "Every failure. Codes and statuses: UNAUTHENTICATED 401, FORBIDDEN 403, VALIDATION 400, NOT_FOUND 404, CONFLICT 409, " +
      "PAYLOAD_TOO_LARGE 413, UNSUPPORTED_MEDIA_TYPE 415, UNPROCESSABLE 422, TOO_MANY_REQUESTS 429, DATABASE_UNAVAILABLE 503; " +
      "INTERNAL 500 for an unexpected server error (nothing was changed).",
    required: ["error"],
    properties: { error: ref("ErrorBody") },
    examples: [
      { error: { code: "VALIDATION", message: "title: Give the evidence a title.", fields: { title: ["Give the evidence a title."] } } },
    ],
  },
  ErrorBody: {
    type: "object",
    required: ["code", "message"],
    properties: {
      code: { type: "string", enum: ERROR_CODES },
      message: { type: "string", description: "Says what is wrong and what to do, in plain words." },
      fields: {
        type: "object",
        description: "For VALIDATION (and some CONFLICT/UNPROCESSABLE) errors: the messages per field.",
        additionalProperties: { type: "array", items: { type: "string" } },
      },
    },
  },
  Health: {
    type: "object",
    required: ["status"],
    properties: {
      status: { type: "string", enum: ["ok", "unavailable"] },
      error: ref("ErrorBody"),
    },
  },
  ControlCode: {
    type: "string",
    pattern: "^[A-Z0-9][A-Z0-9-]{1,39}$",
    description: "Capital letters, digits and hyphens, such as AI-PI-02.",
    examples: ["AI-PI-02"],
  },
  Slug: {
    type: "string",
    pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    maxLength: 80,
    description: "Lower-case letters, digits and single hyphens.",
    examples: ["support-reply-drafts"],
  },
  Category: { type: "string", enum: CATEGORIES },
  Frequency: { type: "string", enum: FREQUENCIES },
  DesignStatus: { type: "string", enum: DESIGN_STATUSES },
  Control: {
    type: "object",
    required: ["code", "title", "description", "category", "criteria", "expectedEvidence", "frequency", "designStatus"],
    properties: {
      code: ref("ControlCode"),
      title: { type: "string" },
      description: { type: "string" },
      category: ref("Category"),
      criteria: { type: "array", items: { type: "string" }, description: "Trust Services criteria ids, such as CC6.1." },
      expectedEvidence: { type: "string" },
      frequency: ref("Frequency"),
      designStatus: ref("DesignStatus"),
      justification: nullable({ type: "string" }),
      operatesSince: nullable(date),
      owner: nullable({ type: "string" }),
      notes: nullable({ type: "string" }),
      custom: { type: "boolean", description: "A team's own control (false for the guide's 23)." },
    },
  },
  ControlList: { type: "object", required: ["items"], properties: { items: { type: "array", items: ref("Control") } } },
  CriterionId: { type: "string", pattern: "^(CC[1-9]|A1|PI1|C1|P[1-8])\\.[1-9]$", examples: ["CC8.1", "A1.2", "P6.4"] },
  Criterion: {
    type: "object",
    required: ["id", "category", "title", "addressed", "controls"],
    properties: {
      id: ref("CriterionId"),
      category: ref("Category"),
      title: { type: "string", description: "A short paraphrase of the official criterion." },
      addressed: { type: "boolean", description: "At least one control in scope addresses it." },
      controls: {
        type: "array",
        items: ref("ControlCode"),
        description:
          "The controls that address it: mapped to it, of a category in the period, not marked not applicable, operating by the period's end.",
      },
    },
  },
  CriteriaList: {
    type: "object",
    required: ["period", "items", "unaddressed"],
    properties: {
      period: nullable({
        type: "object",
        required: ["id", "name", "start", "end", "categories"],
        properties: {
          id: { type: "string", format: "uuid" },
          name: { type: "string" },
          start: date,
          end: date,
          categories: { type: "array", items: ref("Category") },
        },
      }),
      items: { type: "array", items: ref("Criterion") },
      unaddressed: { type: "array", items: ref("CriterionId"), description: "The ids of the listed criteria no control addresses." },
    },
  },
  CustomControlCreate: {
    type: "object",
    additionalProperties: false,
    required: ["code", "title", "description", "category", "criteria", "frequency", "expectedEvidence"],
    properties: {
      code: ref("ControlCode"),
      title: { type: "string", minLength: 3, maxLength: 200 },
      description: text(4000),
      category: ref("Category"),
      criteria: {
        description: "Official criteria ids (1-40); a comma-separated string is accepted too. Unknown ids are a 400.",
        oneOf: [
          { type: "array", items: { type: "string", maxLength: 20 }, minItems: 1, maxItems: 40 },
          { type: "string", maxLength: 1000 },
        ],
      },
      frequency: ref("Frequency"),
      expectedEvidence: text(4000),
    },
  },
  ControlPatch: {
    type: "object",
    additionalProperties: false,
    description: "The gap-assessment fields. Absent fields stay as they are; an empty string or null clears a nullable field.",
    properties: {
      designStatus: ref("DesignStatus"),
      justification: nullable(text(4000, "Required (here or already stored) when designStatus is NOT_APPLICABLE, else 422.")),
      frequency: ref("Frequency"),
      operatesSince: nullable(date),
      owner: nullable(text(200)),
      notes: nullable(text(4000)),
    },
  },
  VendorLink: {
    type: "object",
    required: ["vendor"],
    properties: {
      vendor: { ...text(200), description: "Vendor name; a vendor not known yet is created." },
      model: nullable(text(200)),
      fallbackStrategy: nullable(text(4000)),
    },
  },
  Feature: {
    type: "object",
    required: ["slug", "name", "owner", "status", "purpose", "inputData", "outputs", "invokers", "vendors", "failureImpact"],
    properties: featureProperties,
  },
  FeatureCreate: {
    description:
      "The Feature's fields. `slug` is optional (derived from the name); `status` defaults to ACTIVE, `inputData` and `vendors` to [], the flags to false.",
    type: "object",
    required: ["name", "owner", "purpose", "outputs", "invokers", "failureImpact"],
    properties: featureProperties,
  },
  FeaturePatch: {
    type: "object",
    description:
      "Any of the Feature's fields. They are laid over the current feature and the result is validated as a whole, " +
      "as on create. `slug` cannot change.",
    properties: featureProperties,
  },
  FeaturePage: {
    type: "object",
    required: ["items", "total", "page", "pageCount", "pageSize"],
    properties: {
      items: { type: "array", items: ref("Feature") },
      total: { type: "integer", description: "Features matching the filters." },
      page: { type: "integer", minimum: 1 },
      pageCount: { type: "integer", minimum: 1 },
      pageSize: { type: "integer", const: FEATURE_PAGE_SIZE },
    },
  },
  Dataset: {
    type: "object",
    required: ["name", "source", "approvedBy", "approvedOn", "piiRemoved"],
    properties: {
      name: { ...text(200), minLength: 1, description: "Unique within the feature (case-insensitive)." },
      source: { ...text(1000), minLength: 1, description: "Where the data came from." },
      approvedBy: { ...text(200), minLength: 1, description: "Who approved its use." },
      approvedOn: { ...date, description: "The day it was approved; not after today." },
      piiRemoved: { type: "boolean", description: "Whether PII was removed before training." },
      notes: nullable(text(4000)),
    },
  },
  DatasetsInput: {
    type: "object",
    required: ["datasets"],
    properties: {
      datasets: {
        type: "array",
        maxItems: DATASETS_MAX,
        items: ref("Dataset"),
        description: "The whole manifest: it replaces what was recorded. An empty list removes every dataset.",
      },
    },
  },
  DatasetManifest: {
    type: "object",
    required: ["feature", "usesTrainingData", "datasets"],
    properties: {
      feature: ref("Slug"),
      usesTrainingData: {
        type: "boolean",
        description: "Whether the feature is flagged as using training data (finding 5 needs a manifest then).",
      },
      datasets: { type: "array", items: ref("Dataset"), description: "Oldest approval first." },
    },
  },
  ReadinessCheck: {
    type: "object",
    required: ["id", "title", "guideText", "passes", "count", "items", "remedy", "fixHref", "fixLabel"],
    properties: {
      id: { type: "string", description: "Stable id, such as `dataset-manifest`; `/readiness#<id>` opens it." },
      title: { type: "string" },
      guideText: { type: "string", description: "The guide's finding and what avoids it." },
      passes: { type: "boolean" },
      count: { type: "integer", minimum: 0, description: "How many items fail the check (items lists at most 20)." },
      items: {
        type: "array",
        items: {
          type: "object",
          required: ["label", "href"],
          properties: { label: { type: "string" }, href: { type: "string", description: "An app path where the item is fixed." } },
        },
      },
      remedy: { type: "string", description: "Exactly what would make the check pass (empty when it passes)." },
      fixHref: { type: "string", description: "An app path where that is done." },
      fixLabel: { type: "string" },
    },
  },
  Readiness: {
    type: "object",
    required: ["period", "today", "checks", "further"],
    properties: {
      period: nullable({
        type: "object",
        required: ["id", "name", "start", "end"],
        properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, start: date, end: date },
        description: "The audit period the checks ran for; null when there is no audit period yet (and no checks).",
      }),
      today: { ...date, description: "Today in the organisation's time zone." },
      checks: { type: "array", items: ref("ReadinessCheck"), description: "The guide's seven findings, in its order." },
      further: { type: "array", items: ref("ReadinessCheck"), description: "Checks beyond the guide's seven findings." },
    },
  },
  MappingInput: {
    type: "object",
    required: ["applies"],
    properties: {
      applies: { type: "boolean" },
      justification: nullable({
        ...text(4000),
        description: "Required when applies is false: why the feature does not touch what the control governs.",
      }),
    },
  },
  Mapping: {
    type: "object",
    required: ["feature", "control", "applies", "justification", "suggested", "reason"],
    properties: {
      feature: ref("Slug"),
      control: ref("ControlCode"),
      applies: { type: "boolean" },
      justification: nullable({ type: "string" }),
      suggested: { type: "boolean", description: "Whether the feature's answers suggest this control." },
      reason: nullable({ type: "string", description: "Why it is suggested." }),
    },
  },
  AuditLogEntry: {
    type: "object",
    required: ["seq", "at", "actorKind", "action", "entityType"],
    properties: {
      seq: { type: "string", pattern: "^[1-9][0-9]*$", description: "The entry number (a 64-bit integer, as a string)." },
      at: time,
      actorEmail: nullable({ type: "string", description: "An e-mail, `token:<name>` or a `cli:` name." }),
      actorRole: nullable({ type: "string" }),
      actorKind: { type: "string", enum: ["user", "token", "system"] },
      actorDisabled: { type: "boolean", description: "The acting user has since been disabled (the history stays)." },
      action: { type: "string", examples: ["control.updated"] },
      entityType: { type: "string", examples: ["Control"] },
      entityId: nullable({ type: "string" }),
      before: { description: "The changed fields before (any JSON, or null)." },
      after: { description: "The changed fields after (any JSON, or null)." },
    },
  },
  AuditLogPage: {
    type: "object",
    required: ["items", "nextCursor"],
    properties: {
      items: { type: "array", items: ref("AuditLogEntry"), maxItems: AUDIT_LOG_PAGE_SIZE },
      nextCursor: nullable({ type: "string", description: "Pass as `cursor` for the next (older) page; null on the last page." }),
    },
  },
  AuditChainVerdict: {
    type: "object",
    required: ["ok", "entries", "checkpoint", "problems", "message"],
    properties: {
      ok: { type: "boolean" },
      entries: { type: "integer", description: "Entries in the log." },
      checkpoint: nullable({
        type: "object",
        description: "The newest signed checkpoint the log was checked against (null: none yet).",
        properties: {
          seq: { type: "string" },
          hash: { type: "string" },
          at: { type: "string", format: "date-time" },
          reason: { type: "string" },
        },
      }),
      problems: {
        type: "array",
        description:
          "What is missing or altered: the first break in the chain, entries a checkpoint recorded that are gone, untrustworthy checkpoint files.",
        items: {
          type: "object",
          required: ["seq", "kind", "message"],
          properties: {
            seq: { type: "string" },
            kind: { type: "string", enum: ["missing", "altered", "checkpoint"] },
            message: { type: "string" },
          },
        },
      },
      message: { type: "string", description: "The verdict in one sentence, as the page and `npm run audit:verify` show it." },
    },
  },
  EvidenceStatus: { type: "string", enum: ["SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN"] },
  EvidenceSource: { type: "string", enum: ["BROWSER", "API", "GENERATED"] },
  Evidence: {
    type: "object",
    description:
      "An immutable record tying a file (or a URL) to a control. Corrections are new versions in the same lineage; " +
      "the file fields are null for link evidence, `url` is null for file evidence.",
    required: [
      "id",
      "lineageId",
      "version",
      "control",
      "title",
      "effectiveDate",
      "status",
      "uploadedAt",
      "uploadedBy",
      "source",
      "features",
      "selfReviewed",
    ],
    properties: {
      id: { type: "string", format: "uuid" },
      lineageId: { type: "string", format: "uuid", description: "Shared by every version of this evidence." },
      version: { type: "integer", minimum: 1 },
      control: ref("ControlCode"),
      title: text(200),
      description: nullable(text(4000)),
      effectiveDate: { ...date, description: "The date the evidence speaks for (chosen by the uploader), YYYY-MM-DD." },
      validFrom: nullable(date),
      validUntil: nullable(date),
      status: ref("EvidenceStatus"),
      reviewReason: nullable({ type: "string" }),
      reviewedBy: nullable({ type: "string", description: "The reviewer's e-mail." }),
      reviewedAt: nullable(time),
      selfReviewed: {
        type: "boolean",
        description:
          "Reviewed by the person who uploaded it, which only the organisation's allow-self-review setting permits (segregation of duties).",
      },
      withdrawnReason: nullable({ type: "string" }),
      withdrawnAt: nullable(time),
      sha256: nullable({ type: "string", pattern: "^[0-9a-f]{64}$", description: "Hex SHA-256 of the stored bytes." }),
      size: nullable({ type: "integer", minimum: 0, description: "Bytes." }),
      mediaType: nullable({ type: "string", description: "Sniffed from the bytes, not taken from the client." }),
      fileName: nullable({ type: "string", description: "The original file name." }),
      url: nullable({ type: "string", format: "uri" }),
      uploadedAt: time,
      uploadedBy: { type: "string", description: "The uploader's e-mail, or `token:<name>` for an API token." },
      source: ref("EvidenceSource"),
      commitSha: nullable({ type: "string", pattern: "^[0-9a-fA-F]{7,64}$" }),
      pullRequest: nullable({ type: "string", description: "A pull request number or URL." }),
      runUrl: nullable({ type: "string", format: "uri", description: "The CI run that produced it." }),
      features: { type: "array", items: ref("Slug") },
    },
  },
  EvidenceDetail: {
    allOf: [
      ref("Evidence"),
      {
        type: "object",
        required: ["versions"],
        properties: {
          versions: {
            type: "array",
            description: "Every version of the same lineage.",
            items: {
              type: "object",
              required: ["id", "version", "status", "uploadedAt"],
              properties: {
                id: { type: "string", format: "uuid" },
                version: { type: "integer", minimum: 1 },
                status: ref("EvidenceStatus"),
                uploadedAt: time,
              },
            },
          },
        },
      },
    ],
  },
  EvidencePage: {
    type: "object",
    required: ["items", "nextCursor"],
    properties: {
      items: { type: "array", items: ref("Evidence") },
      nextCursor: nullable({ type: "string", description: "Pass as `cursor` for the next page; null on the last page." }),
    },
  },
  EvidenceUpload: {
    type: "object",
    description: "Exactly one of `file` and `url`. Put the text fields before the file part.",
    required: ["control", "title", "effectiveDate"],
    oneOf: [{ required: ["file"] }, { required: ["url"] }],
    properties: {
      control: ref("ControlCode"),
      title: { type: "string", minLength: 1, maxLength: 200 },
      effectiveDate: { ...date, description: "YYYY-MM-DD, not in the future: the date the evidence speaks for." },
      description: text(4000),
      features: {
        type: "string",
        maxLength: 8100,
        description: "Comma-separated feature slugs (at most 100).",
        examples: ["support-reply-drafts,ticket-triage"],
      },
      commitSha: { type: "string", pattern: "^[0-9a-fA-F]{7,64}$" },
      pullRequest: { type: "string", maxLength: 500, description: "A pull request number or URL.", examples: ["412"] },
      runUrl: { type: "string", format: "uri", maxLength: 2000, description: "The CI run that produced the evidence." },
      validFrom: date,
      validUntil: { ...date, description: "YYYY-MM-DD, on or after validFrom." },
      supersedes: {
        type: "string",
        format: "uuid",
        description: "The id of evidence this upload corrects: it becomes the next version of that lineage.",
      },
      vendor: {
        type: "string",
        format: "uuid",
        description:
          "With `vendorItem`: the upload is also this vendor's package item, created in the same transaction (needs `vendors:write`).",
      },
      vendorItem: {
        type: "string",
        enum: PACKAGE_KINDS,
        description:
          "The package item's kind. `control` then defaults to AI-CONF-02 (vendor due diligence; only a DPA counts towards its coverage, and a DPA filed under AI-PRIV-04 counts there as the transfer safeguards); a SOC2_REPORT needs validFrom and validUntil (the period it covers), an ISO27001_CERTIFICATE validUntil, a DPA validFrom (signed on).",
      },
      url: { type: "string", format: "uri", maxLength: 2000, description: "Link evidence: an http(s) URL instead of a file." },
      file: {
        type: "string",
        contentMediaType: "application/octet-stream",
        description: `The bytes, with a file name whose extension matches them. At most EVIDENCE_MAX_BYTES (default 100 MB).`,
      },
    },
  },
  EvidenceReview: {
    type: "object",
    required: ["decision"],
    if: { properties: { decision: { const: "reject" } } },
    then: { required: ["reason"], properties: { reason: { minLength: 1 } } },
    properties: {
      decision: { type: "string", enum: ["accept", "reject"] },
      reason: { type: "string", maxLength: 4000, description: "Required to reject; shown to the uploader." },
    },
  },
  EvidenceWithdraw: {
    type: "object",
    required: ["reason"],
    properties: { reason: { type: "string", minLength: 1, maxLength: 4000, description: "Why the evidence no longer counts." } },
  },
  VendorInput: {
    type: "object",
    required: ["name"],
    additionalProperties: false,
    properties: vendorInputProperties,
  },
  VendorPatch: {
    type: "object",
    additionalProperties: false,
    description: "Any of VendorInput's fields: those given change, null clears one, the others stay as they are.",
    properties: vendorInputProperties,
  },
  Vendor: {
    type: "object",
    required: ["id", "name", "features", "packageItems", "package"],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      website: nullable({ type: "string" }),
      securityContact: nullable({ type: "string" }),
      zeroRetention: nullable({ type: "boolean" }),
      trainingOptOut: nullable({ type: "boolean" }),
      dataRegion: nullable({ type: "string" }),
      transferSafeguards: nullable({ type: "string" }),
      incidentNotification: nullable({ type: "string" }),
      lastReviewedAt: nullable(date),
      nextReviewDue: nullable(date),
      notes: nullable({ type: "string" }),
      relationship: { type: "string", enum: VENDOR_RELATIONSHIPS },
      subserviceMethod: nullable({ type: "string", enum: SUBSERVICE_METHODS }),
      models: { type: "array", items: { type: "string" } },
      features: {
        type: "array",
        description: "The features that depend on the vendor, each with its model and fallback strategy (AI-AVL-01).",
        items: {
          type: "object",
          properties: {
            slug: ref("Slug"),
            name: { type: "string" },
            status: { type: "string", enum: FEATURE_STATUSES },
            model: nullable({ type: "string" }),
            fallbackStrategy: nullable({ type: "string" }),
          },
        },
      },
      packageItems: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string", format: "uuid" },
            kind: { type: "string", enum: PACKAGE_KINDS },
            notes: nullable({ type: "string" }),
            createdAt: time,
            evidence: nullable({
              type: "object",
              properties: {
                id: { type: "string", format: "uuid" },
                title: { type: "string" },
                control: { type: "string" },
                status: { type: "string" },
                validFrom: nullable(date),
                validUntil: nullable(date),
              },
            }),
            reportType: nullable({
              type: "string",
              enum: SOC2_REPORT_TYPES,
              description: "SOC 2 report items: its type; the period covered is the evidence's validFrom to validUntil.",
            }),
            bridgeLetter: nullable({
              type: "object",
              description: "SOC 2 report items: the bridge letter carrying the report forward (docs/subservice-organisations.md).",
              properties: {
                id: { type: "string", format: "uuid" },
                title: { type: "string" },
                status: { type: "string" },
                effectiveDate: date,
                validUntil: nullable(date),
              },
            }),
          },
        },
      },
      cuecs: {
        type: "array",
        description: "The complementary user entity controls a carve-out's SOC 2 report lists, each with the control that addresses it.",
        items: {
          type: "object",
          properties: {
            id: { type: "string", format: "uuid" },
            text: { type: "string" },
            control: nullable({ type: "string" }),
            createdAt: time,
          },
        },
      },
      package: {
        type: "object",
        description:
          "The package today: per kind PRESENT (accepted, valid today), EXPIRING (ends within 30 days), EXPIRED, SUBMITTED (awaiting review) or MISSING; a SOC 2 report stays current for 12 months after the period it covers. ISO 27001 is optional.",
        properties: {
          items: {
            type: "object",
            additionalProperties: { type: "string", enum: ["PRESENT", "EXPIRING", "EXPIRED", "SUBMITTED", "MISSING"] },
          },
          review: {
            type: "object",
            properties: { lastReviewedAt: nullable(date), nextReviewDue: nullable(date), overdue: { type: "boolean" } },
          },
          complete: { type: "boolean" },
          reasons: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
  VendorList: {
    type: "object",
    required: ["items", "page", "pageCount", "total", "today"],
    properties: {
      items: { type: "array", items: ref("Vendor") },
      page: { type: "integer" },
      pageCount: { type: "integer" },
      total: { type: "integer" },
      today: date,
    },
  },
  VendorPackageLink: {
    type: "object",
    required: ["kind", "evidence"],
    additionalProperties: false,
    properties: {
      kind: { type: "string", enum: PACKAGE_KINDS },
      evidence: { type: "string", format: "uuid", description: "Existing evidence, submitted or accepted." },
      notes: nullable(text(2000)),
    },
  },
  CuecInput: {
    type: "object",
    required: ["text"],
    additionalProperties: false,
    properties: {
      text: { type: "string", minLength: 1, maxLength: 2000, description: "The CUEC as the report words it." },
      control: cuecControl,
    },
  },
  CuecPatch: {
    type: "object",
    minProperties: 1,
    additionalProperties: false,
    description: "Either field or both; null control unlinks.",
    properties: { text: { type: "string", minLength: 1, maxLength: 2000 }, control: cuecControl },
  },
  Soc2ReportPatch: {
    type: "object",
    minProperties: 1,
    additionalProperties: false,
    description: "Either field or both; null clears one.",
    properties: {
      reportType: nullable({ type: "string", enum: SOC2_REPORT_TYPES, description: "A Type I covers no period of operation." }),
      bridgeLetter: nullable({
        type: "string",
        format: "uuid",
        description: "Evidence (submitted or accepted) that is the report's bridge letter.",
      }),
    },
  },
};

const errorResponses: Record<ErrorResponseName, ResponseObject> = {
  Validation: json(ref("Error"), "VALIDATION: a field or query parameter is invalid; `fields` names them."),
  Unauthenticated: json(ref("Error"), "UNAUTHENTICATED: no session, or the API token is unknown, expired or revoked."),
  Forbidden: json(ref("Error"), "FORBIDDEN: the caller's role (or the token's scopes) does not allow this."),
  NotFound: json(ref("Error"), "NOT_FOUND: nothing exists at this address."),
  Conflict: json(ref("Error"), "CONFLICT: the request clashes with the current state."),
  PayloadTooLarge: json(
    ref("Error"),
    "PAYLOAD_TOO_LARGE: an upload larger than EVIDENCE_MAX_BYTES (default 100 MB), or a JSON body larger than 1 MiB (8 MiB for access-review items).",
  ),
  UnsupportedMediaType: json(ref("Error"), "UNSUPPORTED_MEDIA_TYPE: the body or file type is not accepted."),
  Unprocessable: json(ref("Error"), "UNPROCESSABLE: well-formed, but breaks a business rule."),
  DatabaseUnavailable: json(ref("Error"), "DATABASE_UNAVAILABLE: the database cannot be reached; retry shortly."),
};

const parameters: Record<string, ParameterObject> = {
  VendorId: {
    name: "vendorId",
    in: "path",
    required: true,
    description: "The vendor id (a UUID).",
    schema: { type: "string", format: "uuid" },
  },
  CuecId: {
    name: "cuecId",
    in: "path",
    required: true,
    description: "The CUEC id (a UUID).",
    schema: { type: "string", format: "uuid" },
  },
  PackageItemId: {
    name: "packageItemId",
    in: "path",
    required: true,
    description: "The package item id (a UUID).",
    schema: { type: "string", format: "uuid" },
  },
  PeriodId: {
    name: "id",
    in: "path",
    required: true,
    description: "The audit period id (a UUID).",
    schema: { type: "string", format: "uuid" },
  },
  ControlCode: { name: "code", in: "path", required: true, schema: ref("ControlCode") },
  FeatureSlug: { name: "slug", in: "path", required: true, schema: ref("Slug") },
  EvidenceId: {
    name: "id",
    in: "path",
    required: true,
    description: "The evidence id (a UUID; anything else is a 404).",
    schema: { type: "string", format: "uuid" },
  },
};

const headers: Record<string, HeaderObject> = {
  Location: { description: "The URL of the created resource.", schema: { type: "string" } },
};

const query = (name: string, schema: SchemaObject, description?: string): ParameterObject => ({
  name,
  in: "query",
  schema,
  ...(description ? { description } : {}),
});

// ---- Paths ----

const accessReviewIdParam: ParameterObject = {
  name: "reviewId",
  in: "path",
  required: true,
  description: "The access review (campaign) id, a UUID.",
  schema: { type: "string", format: "uuid" },
};
const accessReviewItemIdParam: ParameterObject = {
  name: "itemId",
  in: "path",
  required: true,
  description: "The item id, a UUID.",
  schema: { type: "string", format: "uuid" },
};
const accessReviewDecisionSchema: SchemaObject = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    reviewId: { type: "string", format: "uuid" },
    principal: { type: "string" },
    resource: { type: "string" },
    selfReview: { type: "boolean", description: "The access belongs to the reviewer." },
    decision: { type: "string", enum: ["keep", "revoke", "modify"] },
    comment: { type: "string" },
    selfJustification: nullable({ type: "string" }),
    decidedAt: time,
    decidedBy: { type: "string", description: "The reviewer's e-mail." },
  },
};

// Access-review campaigns: creation, scope, items, start (inline schemas).
const accessReviewResourceKinds = ["MODEL_API_KEY", "PROMPT_LOGS", "TRAINING_DATA", "TOOL_SERVER", "OTHER"] as const;
const accessReviewCampaignInput: SchemaObject = {
  type: "object",
  required: ["name", "quarter"],
  properties: {
    name: text(120),
    quarter: {
      type: "string",
      pattern: "^\\d{4}-Q[1-4]$",
      description:
        "The quarter reviewed, such as 2026-Q4: the current quarter or an earlier one in the organisation's time zone " +
        "(a quarter that has not started is a 422).",
    },
    dueDate: { ...date, description: "When decisions are due; default the quarter's last day." },
    sameQuarterReason: text(
      1000,
      "Why another campaign covers a quarter that already has one: required then (422 naming it), stored and audited; ignored otherwise.",
    ),
    features: { type: "array", items: text(80), description: "Slugs of the features in scope." },
    resources: { type: "array", items: { type: "string", enum: accessReviewResourceKinds }, description: "Resource kinds in scope." },
  },
};
const accessReviewCampaign: SchemaObject = {
  type: "object",
  required: ["id", "name", "quarter", "status", "dueDate", "resources", "features", "progress"],
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    quarter: { type: "string", pattern: "^\\d{4}-Q[1-4]$" },
    status: { type: "string", enum: ["DRAFT", "IN_PROGRESS", "SIGNED_OFF"] },
    dueDate: nullable(date),
    resources: { type: "array", items: { type: "string", enum: accessReviewResourceKinds } },
    features: { type: "array", items: { type: "string" } },
    startedAt: nullable(time),
    signedOffAt: nullable(time),
    signedOffBy: nullable({ type: "string" }),
    signOffName: nullable({ type: "string" }),
    sameQuarterReason: nullable({ type: "string", description: "Why this is another campaign for its quarter; null for the first." }),
    performedIn: nullable({
      type: "string",
      pattern: "^\\d{4}-Q[1-4]$",
      description: "Stored at sign-off: the quarter of the sign-off day (organisation time), the coverage slot the record counts for.",
    }),
    late: nullable({ type: "boolean", description: "Stored at sign-off: signed off after the labelled quarter's last day." }),
    evidenceId: nullable({ type: "string", format: "uuid" }),
    createdBy: nullable({ type: "string" }),
    createdAt: time,
    progress: { type: "object", properties: { decided: { type: "integer" }, total: { type: "integer" } } },
  },
};
const accessReviewItemInput: SchemaObject = {
  type: "object",
  required: ["principal", "principalKind", "resource", "accessLevel"],
  properties: {
    principal: text(300, "A person's e-mail or user name, or a service account."),
    principalKind: { type: "string", enum: ["HUMAN", "SERVICE"] },
    resource: text(300),
    resourceKind: { type: "string", enum: accessReviewResourceKinds, default: "OTHER" },
    accessLevel: text(300),
    source: text(200, "Where the access list came from; default “Added by hand”."),
    reviewer: { type: "string", format: "email", description: "An enabled engineer, compliance lead or admin." },
  },
};
const accessReviewItem: SchemaObject = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    position: { type: "integer", description: "Import order." },
    principal: { type: "string" },
    principalKind: { type: "string", enum: ["HUMAN", "SERVICE"] },
    principalUser: nullable({ type: "string", description: "The Attest account the access belongs to (e-mail)." }),
    resource: { type: "string" },
    resourceKind: { type: "string", enum: accessReviewResourceKinds },
    accessLevel: { type: "string" },
    source: { type: "string" },
    reviewer: nullable({ type: "string" }),
    decision: nullable({ type: "string", enum: ["KEEP", "REVOKE", "MODIFY"] }),
    comment: nullable({ type: "string" }),
    selfJustification: nullable({ type: "string" }),
    decidedAt: nullable(time),
    decidedBy: nullable({ type: "string" }),
    raw: { description: "The original CSV row (column -> cell), or null for items added by hand or API." },
  },
};

const evidenceFileHeaders: Record<string, HeaderObject> = {
  "Content-Disposition": { description: 'Always `attachment; filename="…"` with the original file name.', schema: { type: "string" } },
  "X-Content-Type-Options": { description: "`nosniff`.", schema: { type: "string", const: "nosniff" } },
  "Cache-Control": { description: "`private, no-store`.", schema: { type: "string", const: "private, no-store" } },
  "X-Attest-SHA256": {
    description: "Hex SHA-256 of the bytes (the evidence's `sha256`).",
    schema: { type: "string", pattern: "^[0-9a-f]{64}$" },
  },
  "Repr-Digest": { description: "RFC 9530: `sha-256=:<base64>:` of the same bytes.", schema: { type: "string" } },
};

const paths: Record<string, PathItemObject> = {
  "/api/health": {
    get: {
      operationId: "getHealth",
      summary: "Health check",
      description: "Public (no authentication): for load balancers and `npm start`. 503 when the database cannot be reached.",
      tags: ["System"],
      security: [],
      responses: {
        "200": { description: "Up.", content: { "application/json": { schema: ref("Health"), example: { status: "ok" } } } },
        "503": json(ref("Health"), 'The database cannot be reached: `{status: "unavailable", error: {code: "DATABASE_UNAVAILABLE", …}}`.'),
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      description: "Public (no authentication): the OpenAPI 3.1 description of the machine API. It describes; it reveals no data.",
      tags: ["System"],
      security: [],
      responses: { "200": json({ type: "object" }, "The OpenAPI document.") },
    },
  },
  "/api/v1/controls": {
    get: op("controls:read", {
      operationId: "listControls",
      summary: "List controls",
      description: "Every control (the guide's 23 and the team's own), ordered by category, then code.",
      tags: ["Controls"],
      ok: { "200": json(ref("ControlList"), "The controls.") },
    }),
    post: op("controls:write", {
      operationId: "createControl",
      summary: "Create a custom control",
      description: "A team's own control. 409 when the code is taken; 400 on unknown criteria ids.",
      tags: ["Controls"],
      requestBody: jsonBody(ref("CustomControlCreate"), {
        code: "AI-CUSTOM-01",
        title: "Prompt red-team review",
        description: "A quarterly red-team exercise against the support assistant's prompts.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "QUARTERLY",
        expectedEvidence: "The red-team report.",
      }),
      ok: { "201": json(ref("Control"), "Created.", { Location: { $ref: "#/components/headers/Location" } }) },
      errors: ["Validation", "Conflict"],
    }),
  },
  "/api/v1/controls/{code}": {
    parameters: [param("ControlCode")],
    get: op("controls:read", {
      operationId: "getControl",
      summary: "Get a control",
      description: "One control by its code.",
      tags: ["Controls"],
      ok: { "200": json(ref("Control"), "The control.") },
      errors: ["NotFound"],
    }),
    patch: op("controls:write", {
      operationId: "updateControl",
      summary: "Update a control's gap assessment",
      description:
        "Design status, justification, frequency, operates-since date, owner and notes; other fields are a 400. " +
        "422 when the result would be NOT_APPLICABLE without a justification. Audited.",
      tags: ["Controls"],
      requestBody: jsonBody(ref("ControlPatch"), {
        designStatus: "PARTIAL",
        owner: "Platform team",
        notes: "Logging covers two of three features.",
      }),
      ok: { "200": json(ref("Control"), "The updated control.") },
      errors: ["Validation", "NotFound", "Unprocessable"],
    }),
  },
  "/api/v1/criteria": {
    get: op("controls:read", {
      operationId: "listCriteria",
      summary: "List Trust Services criteria",
      description:
        "The 61 criteria of the 2017 Trust Services Criteria (points of focus revised 2022), in official order, each with the controls " +
        "that address it. With `period`: only the criteria of that audit period's categories, addressed only by controls in its scope " +
        "(also needs `periods:read`; 404 when there is no such period). With `category`: only that category's criteria. " +
        "Unknown query parameters are a 400.",
      tags: ["Controls"],
      parameters: [
        query("period", { type: "string", format: "uuid" }, "An audit period id: its categories and in-scope controls."),
        query("category", ref("Category"), "Only this category's criteria."),
      ],
      ok: { "200": json(ref("CriteriaList"), "The criteria.") },
      errors: ["Validation", "NotFound"],
    }),
  },
  "/api/v1/features": {
    get: op("features:read", {
      operationId: "listFeatures",
      summary: "List AI features (the inventory)",
      description:
        `Page-numbered, ${FEATURE_PAGE_SIZE} a page, ordered like the inventory table (ties broken by slug). ` +
        "With `format=csv`: every matching feature (not one page) as a CSV attachment, in the import format of /inventory/import.",
      tags: ["Features"],
      parameters: [
        query("q", text(200), "Searches name, purpose and owner."),
        query("vendor", text(200), "Vendor name (exact, case-insensitive)."),
        query("data", { type: "string", enum: DATA_CATEGORIES }, "Features whose prompts receive this data category."),
        query("impact", { type: "string", enum: IMPACTS }),
        query("status", { type: "string", enum: FEATURE_STATUSES }),
        query("owner", text(200), "Owner (exact, case-insensitive)."),
        query("sort", { type: "string", enum: FEATURE_SORTS, default: "name" }),
        query("dir", { type: "string", enum: ["asc", "desc"], default: "asc" }),
        query("page", { type: "integer", minimum: 1, maximum: 100000, default: 1 }),
        query("format", { type: "string", enum: ["json", "csv"], default: "json" }),
      ],
      ok: {
        "200": {
          description: "A page of features, or with format=csv the CSV file (`Content-Disposition: attachment`).",
          content: {
            "application/json": { schema: ref("FeaturePage") },
            "text/csv": { schema: { type: "string" } },
          },
        },
      },
      errors: ["Validation"],
    }),
    post: op("features:write", {
      operationId: "createFeature",
      summary: "Add an AI feature",
      description: "The guide's six questions, owner, status and flags. 409 when the slug is taken. Vendors not known yet are created.",
      tags: ["Features"],
      requestBody: jsonBody(ref("FeatureCreate"), {
        name: "Support reply drafts",
        owner: "Support engineering",
        purpose: "Drafts replies to support tickets for an agent to edit.",
        inputData: ["CUSTOMER_CONFIDENTIAL"],
        outputs: "A draft reply shown to the agent.",
        invokers: ["STAFF"],
        vendors: [{ vendor: "OpenAI", model: "gpt-4o" }],
        failureImpact: "MEDIUM",
        logsPrompts: true,
      }),
      ok: { "201": json(ref("Feature"), "Created.") },
      errors: ["Validation", "Conflict"],
    }),
  },
  "/api/v1/features/{slug}": {
    parameters: [param("FeatureSlug")],
    get: op("features:read", {
      operationId: "getFeature",
      summary: "Get an AI feature",
      description: "One feature by its slug.",
      tags: ["Features"],
      ok: { "200": json(ref("Feature"), "The feature.") },
      errors: ["NotFound"],
    }),
    patch: op("features:write", {
      operationId: "updateFeature",
      summary: "Update an AI feature",
      description:
        "Partial: the body's fields are laid over the current feature and the whole is validated. Retire with `status: RETIRED`.",
      tags: ["Features"],
      requestBody: jsonBody(ref("FeaturePatch"), { owner: "Support engineering", failureImpact: "HIGH", userFacing: false }),
      ok: { "200": json(ref("Feature"), "The updated feature.") },
      errors: ["Validation", "NotFound"],
    }),
  },
  "/api/v1/features/{slug}/controls/{code}": {
    parameters: [param("FeatureSlug"), param("ControlCode")],
    put: op("features:write", {
      operationId: "setMapping",
      summary: "Confirm whether a control applies to a feature",
      description: "`{applies: true}`, or `{applies: false, justification}`. Idempotent; audited.",
      tags: ["Features"],
      requestBody: jsonBody(ref("MappingInput"), { applies: false, justification: "The feature sends no personal data to the model." }),
      ok: { "200": json(ref("Mapping"), "The confirmed mapping.") },
      errors: ["Validation", "NotFound", "Unprocessable"],
    }),
  },
  "/api/v1/features/{slug}/datasets": {
    parameters: [param("FeatureSlug")],
    get: op("features:read", {
      operationId: "getDatasets",
      summary: "Get a feature's dataset manifest",
      description: "Each training or fine-tuning dataset: source, approver, date approved, whether PII was removed (readiness finding 5).",
      tags: ["Features"],
      ok: { "200": json(ref("DatasetManifest"), "The manifest.") },
      errors: ["NotFound"],
    }),
    put: op("features:write", {
      operationId: "setDatasets",
      summary: "Replace a feature's dataset manifest",
      description:
        "The body's list replaces the manifest, in one transaction with its audit-log entry (before and after). Names are unique " +
        "within the feature; an approval date after today (organisation's time zone) is a 400.",
      tags: ["Features"],
      requestBody: jsonBody(ref("DatasetsInput"), {
        datasets: [
          {
            name: "Support tickets 2025",
            source: "Zendesk export, EU tenant",
            approvedBy: "Data protection officer",
            approvedOn: "2026-01-15",
            piiRemoved: true,
            notes: null,
          },
        ],
      }),
      ok: { "200": json(ref("DatasetManifest"), "The manifest as saved.") },
      errors: ["Validation", "NotFound"],
    }),
  },
  "/api/v1/readiness": {
    get: op("controls:read", {
      operationId: "getReadiness",
      summary: "Readiness checks for an audit period",
      description:
        "The guide's seven common findings and the further checks, for one audit period: only changes merged in it, and only " +
        "evidence valid over its elapsed days, count (docs/readiness.md). Without `period`: the current period (the one holding " +
        "today in the organisation's time zone, latest start first; else the one that ended last). With `period`: also needs " +
        "`periods:read`; 404 when there is no such period. With no audit period at all: `period` null and no checks. Unknown " +
        "query parameters are a 400.",
      tags: ["Readiness"],
      parameters: [query("period", { type: "string", format: "uuid" }, "An audit period id.")],
      ok: { "200": json(ref("Readiness"), "The checks.") },
      errors: ["Validation", "NotFound"],
    }),
  },
  "/api/v1/evidence": {
    get: op("evidence:read", {
      operationId: "listEvidence",
      summary: "List evidence",
      description: "Newest upload first, cursor-paginated. `from`/`to` filter the effective date, both inclusive.",
      tags: ["Evidence"],
      parameters: [
        query("control", ref("ControlCode")),
        query("feature", text(80, "A feature's slug.")),
        query("status", ref("EvidenceStatus")),
        query("source", ref("EvidenceSource")),
        query("uploader", text(320), "An e-mail, or `token:<name>`."),
        query("from", date, "Effective date on or after."),
        query("to", date, "Effective date on or before."),
        query("cursor", text(200), "The `nextCursor` of the previous page."),
        query("limit", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
      ],
      ok: { "200": json(ref("EvidencePage"), "A page of evidence.") },
      errors: ["Validation"],
    }),
    post: op("evidence:write", {
      operationId: "uploadEvidence",
      summary: "Attach evidence (file or link)",
      description:
        "multipart/form-data. Exactly one of `file` and `url`. The server hashes the bytes (SHA-256), sniffs the media type and " +
        "records the upload time itself. 404 for an unknown control, feature or superseded id; 409 when `supersedes` names " +
        "evidence that already has a newer version; 413 above EVIDENCE_MAX_BYTES; 415 when the body is not multipart, the bytes " +
        "do not match the file name's extension, or the file is an executable.",
      tags: ["Evidence"],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: ref("EvidenceUpload"),
            encoding: { file: { contentType: "application/octet-stream" } },
            example: {
              control: "AI-PI-02",
              title: "Eval run for release 42",
              effectiveDate: "2026-01-15",
              url: "https://ci.example.com/run/42",
            },
          },
        },
      },
      ok: { "201": json(ref("Evidence"), "Stored, with status SUBMITTED.", { Location: { $ref: "#/components/headers/Location" } }) },
      errors: ["Validation", "NotFound", "Conflict", "PayloadTooLarge", "UnsupportedMediaType"],
    }),
  },
  "/api/v1/evidence/{id}": {
    parameters: [param("EvidenceId")],
    get: op("evidence:read", {
      operationId: "getEvidence",
      summary: "Get evidence",
      description: "One evidence record, with the versions of its lineage.",
      tags: ["Evidence"],
      ok: { "200": json(ref("EvidenceDetail"), "The evidence.") },
      errors: ["NotFound"],
    }),
  },
  "/api/v1/evidence/{id}/file": {
    parameters: [param("EvidenceId")],
    get: op("evidence:read", {
      operationId: "downloadEvidenceFile",
      summary: "Download the evidence file",
      description:
        "The stored bytes, always as an attachment, with their SHA-256 in `X-Attest-SHA256` (hex) and `Repr-Digest` (base64). " +
        "`Content-Type` is the evidence's sniffed `mediaType`. 404 for link evidence.",
      tags: ["Evidence"],
      ok: {
        "200": {
          description: "The bytes.",
          headers: evidenceFileHeaders,
          content: { "*/*": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
        },
      },
      errors: ["NotFound"],
    }),
  },
  "/api/v1/evidence/{id}/review": {
    parameters: [param("EvidenceId")],
    post: op("evidence:review", {
      operationId: "reviewEvidence",
      summary: "Accept or reject evidence",
      description:
        "Only accepted evidence counts toward coverage. A rejection needs a reason. 409 unless the evidence is SUBMITTED. " +
        "Segregation of duties: 403 for a token that acts for no named person (make one with `token:create --user`), and for " +
        "the person who uploaded the evidence (directly or through a token acting for them, or the same token) unless the " +
        "organisation allows self-review, in which case the evidence is marked `selfReviewed`.",
      tags: ["Evidence"],
      requestBody: jsonBody(ref("EvidenceReview"), { decision: "reject", reason: "The export is from the wrong quarter." }),
      ok: { "200": json(ref("Evidence"), "The reviewed evidence.") },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  "/api/v1/evidence/{id}/withdraw": {
    parameters: [param("EvidenceId")],
    post: op("evidence:write", {
      operationId: "withdrawEvidence",
      summary: "Withdraw evidence",
      description:
        "A recorded state with a reason; nothing is deleted and the bytes stay. Only the uploader (the same person or token) or a " +
        "caller with evidence:review (a token's scopes count) may withdraw, as for a correction (`supersedes`); anyone else gets 403. " +
        "409 when it is already withdrawn.",
      tags: ["Evidence"],
      requestBody: jsonBody(ref("EvidenceWithdraw"), { reason: "Uploaded to the wrong control." }),
      ok: { "200": json(ref("Evidence"), "The withdrawn evidence.") },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  // Access reviews: decisions, sign-off, revocations, the record (inline schemas).
  "/api/v1/access-reviews/{reviewId}/items/{itemId}/decision": {
    parameters: [accessReviewIdParam, accessReviewItemIdParam],
    post: op("access-reviews:decide", {
      operationId: "decideAccessReviewItem",
      summary: "Decide an access-review item",
      description:
        "Keep, revoke or modify, always with a comment; the caller must be the item's assigned reviewer, signed in as themselves " +
        "(an API token is refused, 403). When the access is the caller's own, `selfJustification` is required (422 naming it). " +
        "A decision can change until sign-off; on a signed-off campaign every decision is refused (409), as on one not started.",
      tags: ["Access reviews"],
      requestBody: jsonBody(
        {
          type: "object",
          required: ["decision", "comment"],
          properties: {
            decision: { type: "string", enum: ["keep", "revoke", "modify"] },
            comment: text(2000, "Why; required for every decision."),
            selfJustification: text(2000, "Required when the access belongs to the caller."),
          },
        },
        { decision: "revoke", comment: "Left the team in November." },
      ),
      ok: { "200": json(accessReviewDecisionSchema, "The item as decided.") },
      errors: ["Validation", "NotFound", "Conflict", "Unprocessable"],
    }),
  },
  "/api/v1/access-reviews/{reviewId}/items/{itemId}/revocation": {
    parameters: [accessReviewIdParam, accessReviewItemIdParam],
    post: op("access-reviews:decide", {
      operationId: "markAccessRevocationDone",
      summary: "Mark a revocation done",
      description:
        "For a revoke or modify decision: the date it was carried out (not before the decision, not in the future) and an optional " +
        "note. Allowed to a compliance lead or admin, or to the item's reviewer, signed in (tokens are refused), also after sign-off. " +
        "409 when the item was kept, is undecided, or is already marked done.",
      tags: ["Access reviews"],
      requestBody: jsonBody(
        {
          type: "object",
          required: ["doneOn"],
          properties: { doneOn: date, note: text(2000, "How or where it was done, such as a ticket.") },
        },
        { doneOn: "2026-11-20", note: "IT-4521" },
      ),
      ok: {
        "200": json(
          {
            type: "object",
            properties: {
              id: { type: "string", format: "uuid" },
              reviewId: { type: "string", format: "uuid" },
              principal: { type: "string" },
              resource: { type: "string" },
              decision: { type: "string", enum: ["revoke", "modify"] },
              doneOn: date,
              note: nullable({ type: "string" }),
              doneBy: nullable({ type: "string" }),
            },
          },
          "The revocation, marked done.",
        ),
      },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  "/api/v1/access-reviews/{reviewId}/sign-off": {
    parameters: [accessReviewIdParam],
    post: op("access-reviews:write", {
      operationId: "signOffAccessReview",
      summary: "Sign off an access review",
      description:
        "Once every item is decided (409 naming how many are open), a compliance lead signs off with a statement, signed in as " +
        "themselves (tokens are refused). The campaign locks, and its record (CSV) is stored as ACCEPTED, GENERATED evidence for " +
        "AI-SEC-05, with its SHA-256, in the same transaction. The record is effective on the sign-off day and counts for that " +
        "day's quarter (`performedIn`); a sign-off after the labelled quarter's last day is `late`.",
      tags: ["Access reviews"],
      requestBody: jsonBody(
        { type: "object", required: ["statement"], properties: { statement: text(4000, "What the signer attests.") } },
        { statement: "Every access in scope was reviewed and the revocations are done." },
      ),
      ok: {
        "200": json(
          {
            type: "object",
            properties: {
              id: { type: "string", format: "uuid" },
              name: { type: "string" },
              quarter: { type: "string", pattern: "^\\d{4}-Q[1-4]$" },
              status: { type: "string", const: "SIGNED_OFF" },
              signedOffAt: time,
              signedOffBy: { type: "string", description: "The signer's e-mail." },
              signOffName: { type: "string" },
              signOffStatement: { type: "string" },
              performedIn: {
                type: "string",
                pattern: "^\\d{4}-Q[1-4]$",
                description: "The quarter of the sign-off day (organisation time).",
              },
              late: { type: "boolean", description: "Signed off after the labelled quarter's last day." },
              items: { type: "integer" },
              evidence: {
                type: "object",
                properties: {
                  id: { type: "string", format: "uuid" },
                  sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
                  fileName: { type: "string" },
                  status: { type: "string", const: "ACCEPTED" },
                },
              },
            },
          },
          "Signed off; the record is accepted evidence.",
        ),
      },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  "/api/v1/access-reviews/{reviewId}/record": {
    parameters: [accessReviewIdParam],
    get: op("access-reviews:read", {
      operationId: "downloadAccessReviewRecord",
      summary: "Download the access-review record",
      description:
        "The CSV generated at sign-off, byte for byte as stored as AI-SEC-05 evidence, as an attachment with its SHA-256. " +
        "404 until the campaign is signed off.",
      tags: ["Access reviews"],
      ok: {
        "200": {
          description: "The record (RFC 4180 CSV).",
          headers: evidenceFileHeaders,
          content: { "text/csv": { schema: { type: "string" } } },
        },
      },
      errors: ["NotFound"],
    }),
  },
  // Access-review campaigns: list, create, detail, items (draft only), start.
  "/api/v1/access-reviews": {
    get: op("access-reviews:read", {
      operationId: "listAccessReviews",
      summary: "List access-review campaigns",
      description: "Every campaign, latest quarter first, with its progress (decided / total items).",
      tags: ["Access reviews"],
      ok: {
        "200": json(
          { type: "object", required: ["items"], properties: { items: { type: "array", items: accessReviewCampaign } } },
          "The campaigns.",
        ),
      },
    }),
    post: op("access-reviews:write", {
      operationId: "createAccessReview",
      summary: "Create an access-review campaign",
      description:
        "A draft campaign for a quarter and a scope (features by slug, resource kinds). 422 when the quarter has not started yet, " +
        "or when the quarter already has a campaign and no `sameQuarterReason` is given.",
      tags: ["Access reviews"],
      requestBody: jsonBody(accessReviewCampaignInput, { name: "Q4 2026 access review", quarter: "2026-Q4", resources: ["MODEL_API_KEY"] }),
      ok: { "201": json(accessReviewCampaign, "The created campaign (DRAFT).", { Location: { $ref: "#/components/headers/Location" } }) },
      errors: ["Validation", "Unprocessable"],
    }),
  },
  "/api/v1/access-reviews/{reviewId}": {
    parameters: [accessReviewIdParam],
    get: op("access-reviews:read", {
      operationId: "getAccessReview",
      summary: "Get an access-review campaign",
      description: "The campaign, its progress and every item in import order, with decisions.",
      tags: ["Access reviews"],
      ok: {
        "200": json(
          { allOf: [accessReviewCampaign, { type: "object", properties: { items: { type: "array", items: accessReviewItem } } }] },
          "The campaign.",
        ),
      },
      errors: ["NotFound"],
    }),
  },
  "/api/v1/access-reviews/{reviewId}/items": {
    parameters: [accessReviewIdParam],
    post: op("access-reviews:write", {
      operationId: "addAccessReviewItems",
      summary: "Add items to a draft campaign",
      description:
        "A JSON array of items, added all or nothing (a bad one is a 400 naming its index). Principals are matched to accounts by " +
        "e-mail or its local part. Only while the campaign is a DRAFT: once started the items are frozen (409).",
      tags: ["Access reviews"],
      requestBody: jsonBody({ type: "array", items: accessReviewItemInput, minItems: 1, maxItems: 20000 }, [
        {
          principal: "ci-deploy",
          principalKind: "SERVICE",
          resource: "OpenAI production key",
          resourceKind: "MODEL_API_KEY",
          accessLevel: "write",
        },
      ]),
      ok: { "201": json({ type: "object", properties: { added: { type: "integer" } } }, "How many were added.") },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  "/api/v1/access-reviews/{reviewId}/start": {
    parameters: [accessReviewIdParam],
    post: op("access-reviews:write", {
      operationId: "startAccessReview",
      summary: "Start an access-review campaign",
      description:
        "DRAFT -> IN_PROGRESS. Needs at least one item and every item with a reviewer who may decide (an enabled engineer, " +
        "compliance lead or admin); otherwise 409 saying what is missing. The items are frozen from then on.",
      tags: ["Access reviews"],
      ok: { "200": json(accessReviewCampaign, "The started campaign.") },
      errors: ["NotFound", "Conflict"],
    }),
  },
  "/api/v1/audit-log": {
    get: op("audit-log:read", {
      operationId: "listAuditLog",
      summary: "Read the audit log",
      description: `Newest first, ${AUDIT_LOG_PAGE_SIZE} a page (keyset). \`from\`/\`to\` are UTC calendar days, both inclusive.`,
      tags: ["Audit log"],
      parameters: [
        query("actor", text(320), "Part of the actor's e-mail or token name."),
        query("entityType", text(100), "Such as Control, Feature, Evidence."),
        query("entityId", text(200)),
        query("action", text(100), "Such as control.updated."),
        query("from", date),
        query("to", date),
        query("cursor", { type: "string", pattern: "^[1-9][0-9]{0,18}$" }, "The `nextCursor` of the previous page."),
      ],
      ok: { "200": json(ref("AuditLogPage"), "A page of entries.") },
      errors: ["Validation"],
    }),
  },
  "/api/v1/audit-log/verify": {
    get: op("audit-log:read", {
      operationId: "verifyAuditLog",
      summary: "Verify the audit log's hash chain",
      description:
        "The same check as `npm run audit:verify`: recomputes every entry's HMAC and link and compares the head with the newest signed checkpoint; names missing or altered entries.",
      tags: ["Audit log"],
      ok: { "200": json(ref("AuditChainVerdict"), "The verdict (a broken chain is still a 200 with ok: false).") },
    }),
  },
  "/api/v1/changes": {
    get: op("changes:read", {
      operationId: "listChanges",
      summary: "List model and prompt changes",
      description:
        `Newest merged first, ${CHANGE_PAGE_SIZE} a page, each with its evaluation: accepted AI-PI-02 evidence naming its commit or pull request, dated on or before its merge day (organisation's calendar). ` +
        "With `format=csv`: every matching change (not one page) as a CSV attachment, the audit-day cross-reference.",
      tags: ["Changes"],
      parameters: [
        query("evaluation", { type: "string", enum: EVALUATION_STATES }, "Only changes in this evaluation state."),
        query("covered", { type: "string", enum: ["true", "false"] }, "Only changes that are (or are not) evaluated before release."),
        query("kind", { type: "string", enum: CHANGE_KINDS }),
        query("feature", text(80), "A feature's slug."),
        query("from", date, "Merged on or after this day (UTC)."),
        query("to", date, "Merged on or before this day (UTC)."),
        query("page", { type: "integer", minimum: 1, maximum: 100000, default: 1 }),
        query("format", { type: "string", enum: ["json", "csv"], default: "json" }),
      ],
      ok: {
        "200": {
          description: "A page of changes, or with format=csv the CSV file (`Content-Disposition: attachment`).",
          content: { "application/json": { schema: ref("ChangeList") }, "text/csv": { schema: { type: "string" } } },
        },
      },
      errors: ["Validation"],
    }),
    post: op("changes:write", {
      operationId: "createChanges",
      summary: "Record one change, or import many",
      description:
        'One change, or `{"changes": [...]}` recorded all or nothing. A change whose commit or pull request is already recorded is refused (one: 409; in an import: the row is named in `fields`).',
      tags: ["Changes"],
      requestBody: jsonBody(
        { oneOf: [ref("ChangeInput"), ref("ChangeImport")] },
        { kind: "PROMPT_CHANGE", title: "Shorter system prompt for reply drafts", commitSha: "3f2a9c1", mergedAt: "2026-03-01T14:30:00Z" },
      ),
      ok: { "201": json({ oneOf: [ref("Change"), ref("ChangeImported")] }, "The recorded change, or the import's count and ids.") },
      errors: ["Validation", "Conflict"],
    }),
  },
  "/api/v1/periods": {
    get: op("periods:read", {
      operationId: "listPeriods",
      summary: "List audit periods",
      description: "Every audit period, latest end first.",
      tags: ["Periods"],
      ok: { "200": json(ref("PeriodList"), "The periods.") },
    }),
    post: op("periods:write", {
      operationId: "createPeriod",
      summary: "Create an audit period",
      description: "Type I as of a date or Type II over a window; Security is always in scope; auditors must hold the Auditor role.",
      tags: ["Periods"],
      requestBody: jsonBody(ref("PeriodInput"), {
        name: "SOC 2 Type II 2026",
        type: "TYPE_II",
        start: "2026-01-01",
        end: "2026-12-31",
        categories: ["SECURITY", "PRIVACY"],
      }),
      ok: { "201": json(ref("Period"), "The created period.", { Location: { $ref: "#/components/headers/Location" } }) },
      errors: ["Validation"],
    }),
  },
  "/api/v1/periods/{id}/coverage": {
    parameters: [param("PeriodId")],
    get: op("periods:read", {
      operationId: "getPeriodCoverage",
      summary: "Coverage of an audit period",
      description:
        "For each control in the period's categories: its slots (calendar windows of its frequency, per-event changes, or validity days) with their state and the accepted evidence that covers them, and expected, covered, coverage and status.",
      tags: ["Periods"],
      ok: { "200": json(ref("PeriodCoverage"), "The coverage.") },
      errors: ["NotFound"],
    }),
  },
  "/api/v1/periods/{id}": {
    parameters: [param("PeriodId")],
    get: op("periods:read", {
      operationId: "getPeriod",
      summary: "Get an audit period",
      description: "One period with its scope and auditors.",
      tags: ["Periods"],
      ok: { "200": json(ref("Period"), "The period.") },
      errors: ["NotFound"],
    }),
    put: op("periods:write", {
      operationId: "replacePeriod",
      summary: "Edit an audit period",
      description: "Replaces the period's name, type, dates, categories, features and auditors.",
      tags: ["Periods"],
      requestBody: jsonBody(ref("PeriodInput"), {
        name: "SOC 2 Type II 2026",
        type: "TYPE_II",
        start: "2026-01-01",
        end: "2026-12-31",
        categories: ["SECURITY", "PRIVACY"],
      }),
      ok: { "200": json(ref("Period"), "The period as saved.") },
      errors: ["Validation", "NotFound"],
    }),
  },
  "/api/v1/vendors": {
    get: op("vendors:read", {
      operationId: "listVendors",
      summary: "List vendors with their package state",
      description: `By name, ${VENDOR_PAGE_SIZE} a page, each with its due-diligence package state today.`,
      tags: ["Vendors"],
      parameters: [
        query("filter", { type: "string", enum: VENDOR_FILTERS }, "incomplete: packages not complete; overdue: annual review overdue."),
        query("page", { type: "integer", minimum: 1, maximum: 100000, default: 1 }),
      ],
      ok: { "200": json(ref("VendorList"), "A page of vendors.") },
    }),
    post: op("vendors:write", {
      operationId: "createVendor",
      summary: "Create a vendor",
      description: "A model provider or other AI vendor; names are unique regardless of case (409).",
      tags: ["Vendors"],
      requestBody: jsonBody(ref("VendorInput"), { name: "OpenAI", website: "https://openai.com", zeroRetention: true, dataRegion: "US" }),
      ok: { "201": json(ref("Vendor"), "The created vendor.", { Location: { $ref: "#/components/headers/Location" } }) },
      errors: ["Validation", "Conflict"],
    }),
  },
  "/api/v1/vendors/{vendorId}": {
    parameters: [param("VendorId")],
    get: op("vendors:read", {
      operationId: "getVendor",
      summary: "Get a vendor",
      description: "The vendor, its dependent features, its package items and the package state today.",
      tags: ["Vendors"],
      ok: { "200": json(ref("Vendor"), "The vendor.") },
      errors: ["NotFound"],
    }),
    patch: op("vendors:write", {
      operationId: "updateVendor",
      summary: "Edit a vendor",
      description: "The fields given change (null clears one); the others stay as they are.",
      tags: ["Vendors"],
      requestBody: jsonBody(ref("VendorPatch"), { dataRegion: "EU", trainingOptOut: true }),
      ok: { "200": json(ref("Vendor"), "The vendor as saved.") },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  "/api/v1/vendors/{vendorId}/package": {
    parameters: [param("VendorId")],
    post: op("vendors:write", {
      operationId: "linkVendorPackageItem",
      summary: "Link existing evidence as a package item",
      description:
        "Files submitted or accepted evidence as one of the vendor's package items. To upload a new file as a package item, use POST /api/v1/evidence with `vendor` and `vendorItem`.",
      tags: ["Vendors"],
      requestBody: jsonBody(ref("VendorPackageLink"), { kind: "DPA", evidence: "00000000-0000-4000-8000-000000000001" }),
      ok: { "201": json(ref("Vendor"), "The vendor with the new item.") },
      errors: ["Validation", "NotFound", "Conflict"],
    }),
  },
  "/api/v1/vendors/{vendorId}/package/{packageItemId}": {
    parameters: [param("VendorId"), param("PackageItemId")],
    patch: op("vendors:write", {
      operationId: "recordSoc2Report",
      summary: "Record a SOC 2 report's type and bridge letter",
      description:
        "For a SOC 2 report item (422 for another kind): its type, and the evidence that is its bridge letter. The period covered is the report evidence's validity. Readiness: a sub-service organisation's reports must cover the audit period, with a bridge letter when the latest ends more than three months before the period's end (docs/subservice-organisations.md).",
      tags: ["Vendors"],
      requestBody: jsonBody(ref("Soc2ReportPatch"), { reportType: "TYPE_II", bridgeLetter: null }),
      ok: { "200": json(ref("Vendor"), "The vendor as saved.") },
      errors: ["Validation", "NotFound", "Conflict", "Unprocessable"],
    }),
  },
  "/api/v1/vendors/{vendorId}/cuecs": {
    parameters: [param("VendorId")],
    post: op("vendors:write", {
      operationId: "addCuec",
      summary: "Add a CUEC",
      description:
        "A complementary user entity control listed in a carve-out sub-service organisation's SOC 2 report (422 unless the vendor is scoped as a carve-out), with the control that addresses it if known. A CUEC without a control is a readiness finding.",
      tags: ["Vendors"],
      requestBody: jsonBody(ref("CuecInput"), { text: "User entities restrict access to their API keys.", control: "AI-SEC-01" }),
      ok: { "201": json(ref("Vendor"), "The vendor with the new CUEC.") },
      errors: ["Validation", "NotFound", "Unprocessable"],
    }),
  },
  "/api/v1/vendors/{vendorId}/cuecs/{cuecId}": {
    parameters: [param("VendorId"), param("CuecId")],
    patch: op("vendors:write", {
      operationId: "updateCuec",
      summary: "Reword a CUEC or link it to a control",
      description: "The fields given change; `control: null` unlinks it (a readiness finding again).",
      tags: ["Vendors"],
      requestBody: jsonBody(ref("CuecPatch"), { control: "AI-SEC-05" }),
      ok: { "200": json(ref("Vendor"), "The vendor as saved.") },
      errors: ["Validation", "NotFound"],
    }),
    delete: op("vendors:write", {
      operationId: "removeCuec",
      summary: "Remove a CUEC",
      description: "For one recorded by mistake; the audit log keeps its words and control.",
      tags: ["Vendors"],
      ok: { "200": json(ref("Vendor"), "The vendor without the CUEC.") },
      errors: ["NotFound"],
    }),
  },
};

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Attest machine API",
    version: "1",
    summary: "SOC 2 evidence for AI features: controls, inventory, evidence, audit log.",
    description:
      "Authenticate with a bearer API token (`Authorization: Bearer att_...`, created by an admin in Settings or with " +
      "`npm run -s token:create`) or a browser session cookie. Each operation says which roles may call it. Errors are " +
      '`{"error": {"code", "message", "fields"?}}`. Dates are YYYY-MM-DD; times are ISO 8601 UTC.',
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
  },
  security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  tags: [
    { name: "System", description: "Health and this description." },
    { name: "Controls", description: "The controls matrix and the gap assessment." },
    { name: "Features", description: "The AI feature inventory and the feature x control mapping." },
    { name: "Evidence", description: "Dated, hashed evidence, its review and its versions." },
    { name: "Audit log", description: "The append-only, hash-chained record of every change." },
    { name: "Periods", description: "Audit periods: the window a report covers and what is in scope." },
    { name: "Changes", description: "Model and prompt changes and whether evaluation evidence covers them." },
    { name: "Vendors", description: "Vendor due diligence: the guide's evidence package, the annual review and fallbacks." },
    { name: "Readiness", description: "The guide's common findings, checked for an audit period." },
    { name: "Access reviews", description: "Quarterly access-review campaigns (AI-SEC-05): items, reviewers, decisions, sign-off." },
  ],
  paths,
  components: {
    schemas,
    parameters,
    headers,
    responses: errorResponses,
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "att_…",
        description:
          "An API token (`att_` followed by the secret). Shown once at creation, stored hashed; acts with its role, optionally " +
          "narrowed to scopes such as `evidence:write`; expires and can be revoked (then 401).",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description:
          "The browser session after signing in (`__Secure-next-auth.session-token` when served over https). " +
          "Writes with a session are accepted only from Attest's own pages (same Origin).",
      },
    },
  },
};
