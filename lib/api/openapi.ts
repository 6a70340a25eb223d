import type {
  HeaderObject,
  InfoObject,
  OpenAPIObject,
  PathsObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from "openapi3-ts/oas31";
import { date, json, nullable, operation, ref, requestComponents, time, uuid, type ErrorResponseName } from "@/lib/api/endpoint";
import { ENDPOINTS } from "@/lib/api/registry";
import { itemReference } from "@/lib/api/endpoints/access-reviews";
import { EVALUATION_STATES } from "@/lib/coverage/evaluation";
import { CREDENTIAL_FLAGS } from "@/lib/access-reviews/iam-credentials";
import { CATEGORIES, DESIGN_STATUSES, FREQUENCIES } from "@/lib/validations/control";
import { DATA_CATEGORIES, FEATURE_PAGE_SIZE, FEATURE_STATUSES, IMPACTS, INVOKERS } from "@/lib/validations/feature";
import { CHANGE_KINDS } from "@/lib/validations/change";
import { AUDIT_LOG_PAGE_SIZE } from "@/lib/validations/audit-log";
import { PACKAGE_KINDS } from "@/lib/vendors/package";
import { SOC2_REPORT_TYPES, SUBSERVICE_METHODS, VENDOR_RELATIONSHIPS } from "@/lib/vendors/subservice";

// The OpenAPI 3.1 description of the machine API, served at GET /api/v1/openapi.json. Its
// operations are generated from the endpoints' declarations (lib/api/endpoints/, the same objects
// apiRoute() parses requests with): parameters and request bodies from their zod schemas, the
// permission and its roles from the permission map. What stays here is the prose of the document,
// the public operations and the response shapes, whose enums come from the server's constants.
// lib/api/openapi.test.ts fails when a route, its declaration, this document and
// e2e/endpoints.ts disagree.

export type {
  OpenAPIObject as OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject as Ref,
  SchemaObject,
} from "openapi3-ts/oas31";
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

// ---- Building blocks ----

const text = (maxLength: number, description?: string): SchemaObject => ({
  type: "string",
  maxLength,
  ...(description ? { description } : {}),
});

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

const featureProperties: Record<string, SchemaObject | ReferenceObject> = {
  slug: ref("Slug"),
  name: text(200),
  owner: text(200),
  status: { type: "string", enum: [...FEATURE_STATUSES] },
  purpose: { ...text(4000), description: "What it does." },
  inputData: { type: "array", items: { type: "string", enum: [...DATA_CATEGORIES] }, description: "What data enters the prompt." },
  inputNotes: nullable(text(4000)),
  outputs: { ...text(4000), description: "What comes out and where it goes." },
  invokers: { type: "array", items: { type: "string", enum: [...INVOKERS] }, minItems: 1 },
  vendors: { type: "array", items: ref("VendorLink") },
  failureImpact: { type: "string", enum: [...IMPACTS] },
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
const periodProperties: Record<string, SchemaObject | ReferenceObject> = {
  name: text(120),
  type: { type: "string", enum: ["TYPE_I", "TYPE_II"], description: "Type I: as of a date (start = end); Type II: over a window." },
  start: date,
  end: { ...date, description: "Inclusive; on or after start. Ignored (set to start) for a Type I." },
  categories: { type: "array", items: categoryEnum, description: "Categories in scope; must include SECURITY." },
  features: { type: "array", items: text(80), description: "Slugs of the features in scope." },
  auditors: { type: "array", items: { type: "string", format: "email" }, description: "E-mails of Auditor accounts given access." },
};

const changeProperties: Record<string, SchemaObject | ReferenceObject> = {
  kind: { type: "string", enum: [...CHANGE_KINDS] },
  feature: text(80, "Slug of the AI feature it changes (optional)."),
  title: text(300),
  pullRequest: { ...text(500), description: "A URL ending /pull/12, #12 or 12." },
  commitSha: { type: "string", pattern: "^[0-9a-fA-F]{7,64}$" },
  mergedAt: { type: "string", maxLength: 40, description: "ISO 8601; without a zone it is UTC. Not in the future." },
  approvedBy: text(200),
  ticket: text(300),
};

const schemas: Record<string, SchemaObject | ReferenceObject> = {
  Period: {
    type: "object",
    required: ["id", "name", "type", "start", "end", "categories", "features", "auditors", "createdAt", "updatedAt"],
    properties: { id: uuid, ...periodProperties, createdAt: time, updatedAt: time },
  },
  CoverageSlot: {
    type: "object",
    required: ["start", "end", "state", "evidence"],
    properties: {
      start: date,
      end: date,
      state: { type: "string", enum: ["COVERED", "MISSING", "NOT_YET_DUE", "NOT_IN_OPERATION"] },
      evidence: { type: "array", items: uuid, description: "Accepted evidence that covers the slot." },
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
    required: ["period", "today", "timeZone", "summary", "items", "locked"],
    properties: {
      period: {
        type: "object",
        properties: { id: uuid, name: { type: "string" }, type: { type: "string" }, start: date, end: date },
      },
      today: { ...date, description: "Today in the organisation's time zone (a locked period: the day it was locked)." },
      timeZone: { type: "string" },
      locked: nullable({
        type: "object",
        properties: { lockedAt: time, lockedBy: { type: "string" } },
        description: "Set when the period is locked: the figures are its snapshot as of lockedAt, not recomputed (docs/periods-lock.md).",
      }),
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
      id: uuid,
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
        enum: [...EVALUATION_STATES],
        description:
          "BEFORE_RELEASE: accepted AI-PI-02 evidence names the same commit (7+ character prefix either way) or pull request and is effective on or before the merge day; AFTER_RELEASE: such evidence exists only dated later (a finding); NONE: no such evidence. Evidence of other controls never counts.",
      },
      evidence: {
        type: "array",
        items: uuid,
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
  ChangeImported: {
    type: "object",
    required: ["created", "ids", "skipped", "skippedRows"],
    properties: {
      created: { type: "integer" },
      ids: { type: "array", items: uuid },
      skipped: {
        type: "integer",
        minimum: 0,
        description:
          "Rows already recorded and so not written again: a recorded change has the same pull request (same number: `#12`, `12`, a URL ending in `/pull/12`) or the same commit (one SHA a 7+ character prefix of the other).",
      },
      skippedRows: {
        type: "array",
        description: "Each skipped row: its number (as in errors) and which recorded change it repeats.",
        items: { type: "object", required: ["row", "message"], properties: { row: { type: "integer" }, message: { type: "string" } } },
      },
    },
  },
  ImportRowError: {
    type: "object",
    description:
      "What is wrong with one row of an imported CSV: row 1 is the header, the first data row is row 2, row 0 the file as a whole.",
    required: ["row", "messages"],
    properties: {
      row: { type: "integer", minimum: 0 },
      messages: { type: "array", items: { type: "string" }, description: "Each names the column it is about (`failureImpact: ...`)." },
    },
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
      code: { type: "string", enum: [...ERROR_CODES] },
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
  Category: { type: "string", enum: [...CATEGORIES] },
  Frequency: { type: "string", enum: [...FREQUENCIES] },
  DesignStatus: { type: "string", enum: [...DESIGN_STATUSES] },
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
  ControlOperating: {
    type: "object",
    required: ["status", "covered", "expected", "coverage", "lastAcceptedEvidence", "nextSlotDue"],
    description: 'A control\'s figures in the period asked for (docs/coverage.md, "The controls matrix").',
    properties: {
      status: { type: "string", enum: ["OPERATING", "GAPS", "NOT_OPERATING", "NOT_YET_DUE", "NOT_APPLICABLE"] },
      covered: { type: "integer" },
      expected: { type: "integer", description: "Slots due (days for a validity control)." },
      coverage: nullable({ type: "number", minimum: 0, maximum: 1 }),
      lastAcceptedEvidence: nullable({ type: "object", required: ["id", "effectiveDate"], properties: { id: uuid, effectiveDate: date } }),
      nextSlotDue: nullable({
        type: "object",
        required: ["start", "end", "due"],
        properties: { start: date, end: date, due: { ...date, description: "The last day on which the slot can still be met." } },
      }),
    },
  },
  ControlList: {
    type: "object",
    required: ["items"],
    properties: {
      period: {
        type: "object",
        required: ["id", "name", "start", "end", "locked"],
        description: "Only with `period`: the period the figures are of.",
        properties: { id: uuid, name: { type: "string" }, start: date, end: date, locked: { type: "boolean" } },
      },
      items: {
        type: "array",
        items: {
          allOf: [
            ref("Control"),
            {
              type: "object",
              properties: {
                // Only with `period`: the control's figures in it; null when the period's categories leave it out.
                operating: nullable(ref("ControlOperating")),
              },
            },
          ],
        },
      },
    },
  },
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
          id: uuid,
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
    required: ["id", "title", "guideText", "passes", "state", "count", "checked", "items", "remedy", "fixHref", "fixLabel"],
    properties: {
      id: { type: "string", description: "Stable id, such as `dataset-manifest`; `/readiness#<id>` opens it." },
      title: { type: "string" },
      guideText: { type: "string", description: "The guide's finding and what avoids it." },
      passes: {
        type: "boolean",
        description: "True only when `state` is PASSES: a check with nothing recorded to check does not pass.",
      },
      state: {
        type: "string",
        enum: ["PASSES", "FAILS", "NOTHING_RECORDED"],
        description:
          "FAILS: `count` > 0. NOTHING_RECORDED: nothing failed but nothing was there to check (`checked` is 0, such as no change merged in the period); not ready. PASSES: something was checked and nothing failed.",
      },
      count: { type: "integer", minimum: 0, description: "How many items fail the check (items lists at most 20)." },
      checked: {
        type: "integer",
        minimum: 0,
        description:
          "How many records the check examined: the period's changes, the features in scope, the vendors in use, every vendor (sub-service checks), or the requirements themselves (incident plan, contract disclosure).",
      },
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
        properties: { id: uuid, name: { type: "string" }, start: date, end: date },
        description: "The audit period the checks ran for; null when there is no audit period yet (and no checks).",
      }),
      today: { ...date, description: "Today in the organisation's time zone." },
      checks: { type: "array", items: ref("ReadinessCheck"), description: "The guide's seven findings, in its order." },
      further: { type: "array", items: ref("ReadinessCheck"), description: "Checks beyond the guide's seven findings." },
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
      id: uuid,
      lineageId: { type: "string", format: "uuid", description: "Shared by every version of this evidence." },
      version: { type: "integer", minimum: 1 },
      supersedes: nullable({ ...uuid, description: "The version this one corrects; null for a first version." }),
      supersededBy: nullable({ ...uuid, description: "The newer version that corrects this one; null for the latest version." }),
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
                id: uuid,
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
  Vendor: {
    type: "object",
    required: ["id", "name", "features", "packageItems", "package"],
    properties: {
      id: uuid,
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
      relationship: { type: "string", enum: [...VENDOR_RELATIONSHIPS] },
      subserviceMethod: nullable({ type: "string", enum: [...SUBSERVICE_METHODS] }),
      models: { type: "array", items: { type: "string" } },
      features: {
        type: "array",
        description: "The features that depend on the vendor, each with its model and fallback strategy (AI-AVL-01).",
        items: {
          type: "object",
          properties: {
            slug: ref("Slug"),
            name: { type: "string" },
            status: { type: "string", enum: [...FEATURE_STATUSES] },
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
            id: uuid,
            kind: { type: "string", enum: [...PACKAGE_KINDS] },
            notes: nullable({ type: "string" }),
            createdAt: time,
            evidence: nullable({
              type: "object",
              properties: {
                id: uuid,
                title: { type: "string" },
                control: { type: "string" },
                status: { type: "string" },
                validFrom: nullable(date),
                validUntil: nullable(date),
              },
            }),
            reportType: nullable({
              type: "string",
              enum: [...SOC2_REPORT_TYPES],
              description: "SOC 2 report items: its type; the period covered is the evidence's validFrom to validUntil.",
            }),
            bridgeLetter: nullable({
              type: "object",
              description: "SOC 2 report items: the bridge letter carrying the report forward (docs/subservice-organisations.md).",
              properties: {
                id: uuid,
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
            id: uuid,
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
            properties: {
              lastReviewedAt: nullable(date),
              nextReviewDue: nullable(date),
              notReviewed: { type: "boolean", description: "Never reviewed, and no first-review date has passed: not overdue." },
              overdue: { type: "boolean", description: "The next review date has passed, or a reviewed vendor has no next date." },
            },
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

const headers: Record<string, HeaderObject> = {
  Location: { description: "The URL of the created resource.", schema: { type: "string" } },
};

// ---- Paths ----

const accessReviewDecisionSchema: SchemaObject = {
  type: "object",
  properties: {
    ...itemReference,
    selfReview: { type: "boolean", description: "The access belongs to the reviewer." },
    decision: { type: "string", enum: ["keep", "revoke", "modify"] },
    comment: { type: "string" },
    selfJustification: nullable({ type: "string" }),
    decidedAt: time,
    decidedBy: { type: "string", description: "The reviewer's e-mail." },
  },
};

// Access reviews: creation, scope, items, start (inline schemas).
const accessReviewResourceKinds = ["MODEL_API_KEY", "PROMPT_LOGS", "TRAINING_DATA", "TOOL_SERVER", "OTHER"] as const;
const accessReviewShape: SchemaObject = {
  type: "object",
  required: ["id", "name", "quarter", "status", "dueDate", "resources", "features", "progress"],
  properties: {
    id: uuid,
    name: { type: "string" },
    quarter: { type: "string", pattern: "^\\d{4}-Q[1-4]$" },
    status: { type: "string", enum: ["DRAFT", "IN_PROGRESS", "SIGNED_OFF"] },
    dueDate: nullable(date),
    resources: { type: "array", items: { type: "string", enum: [...accessReviewResourceKinds] } },
    features: { type: "array", items: { type: "string" } },
    startedAt: nullable(time),
    signedOffAt: nullable(time),
    signedOffBy: nullable({ type: "string" }),
    signOffName: nullable({ type: "string" }),
    sameQuarterReason: nullable({ type: "string", description: "Why this is another access review for its quarter; null for the first." }),
    performedIn: nullable({
      type: "string",
      pattern: "^\\d{4}-Q[1-4]$",
      description: "Stored at sign-off: the quarter of the sign-off day (organisation time), the coverage slot the record counts for.",
    }),
    late: nullable({ type: "boolean", description: "Stored at sign-off: signed off after the labelled quarter's last day." }),
    evidenceId: nullable(uuid),
    createdBy: nullable({ type: "string" }),
    createdAt: time,
    progress: { type: "object", properties: { decided: { type: "integer" }, total: { type: "integer" } } },
  },
};
const accessReviewItem: SchemaObject = {
  type: "object",
  properties: {
    id: uuid,
    position: { type: "integer", description: "Import order." },
    principal: { type: "string" },
    principalKind: { type: "string", enum: ["HUMAN", "SERVICE", "ROOT"], description: "ROOT: a cloud account's root user." },
    principalUser: nullable({ type: "string", description: "The Attest account the access belongs to (e-mail)." }),
    resource: { type: "string" },
    resourceKind: { type: "string", enum: [...accessReviewResourceKinds] },
    accessLevel: { type: "string" },
    source: { type: "string" },
    reviewer: nullable({ type: "string" }),
    decision: nullable({ type: "string", enum: ["KEEP", "REVOKE", "MODIFY"] }),
    comment: nullable({ type: "string" }),
    selfJustification: nullable({ type: "string" }),
    decidedAt: nullable(time),
    decidedBy: nullable({ type: "string" }),
    credentials: nullable({
      type: "object",
      description:
        "What an AWS IAM credential report said about the principal, kept as imported: root or not, console access (password, " +
        "last use), MFA, each access key (active, created or rotated, last used, region, service) and signing certificate. Times " +
        "are ISO 8601 or AWS's own words (`N/A`, `no_information`, `not_supported`). Null for items from other sources.",
    }),
    credentialsAsOf: nullable({ ...time, description: "The import's time: the reference the flags were computed against." }),
    flags: {
      type: "array",
      items: { type: "string", enum: [...CREDENTIAL_FLAGS] },
      description: "Computed at import from `credentials` and `credentialsAsOf` (see docs/access-reviews.md); empty without credentials.",
    },
    raw: { description: "The original CSV row (column -> cell), or null for items added by hand or API." },
  },
};

const paths: PathsObject = {
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
};

/** The authenticated operations, generated from their declarations (lib/api/endpoints/). */
/** The response shapes written here, and the request schemas the declarations name; a name means one schema. */
function withRequestSchemas(responses: Record<string, SchemaObject | ReferenceObject>): Record<string, SchemaObject | ReferenceObject> {
  const requests = requestComponents(ENDPOINTS);
  const both = Object.keys(requests).filter((name) => name in responses);
  if (both.length) throw new Error(`Request and response schemas share names: ${both.join(", ")}.`);
  return { ...responses, ...requests };
}

for (const e of ENDPOINTS) {
  const url = (paths[e.path] ??= {});
  url[e.method.toLowerCase() as Lowercase<typeof e.method>] = operation(e);
}

// OpenAPI 3.1 adds info.summary, which openapi3-ts does not type.
const info: InfoObject & { summary: string } = {
  title: "Attest machine API",
  version: "1",
  summary: "SOC 2 evidence for AI features: controls, inventory, evidence, audit log.",
  description:
    "Authenticate with a bearer API token (`Authorization: Bearer att_...`, created by an admin in Settings or with " +
    "`npm run -s token:create`) or a browser session cookie. Each operation says which roles may call it. Errors are " +
    '`{"error": {"code", "message", "fields"?}}`. Dates are YYYY-MM-DD; times are ISO 8601 UTC.',
  license: { name: "Apache-2.0", identifier: "Apache-2.0" },
};

export const openApiDocument: OpenAPIObject = {
  openapi: "3.1.0",
  info,

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
    { name: "Access reviews", description: "Quarterly access reviews (AI-SEC-05): items, reviewers, decisions, sign-off." },
  ],
  paths,
  components: {
    schemas: withRequestSchemas({
      ...schemas,
      AccessReviewDecision: accessReviewDecisionSchema,
      AccessReview: accessReviewShape,
      AccessReviewItem: accessReviewItem,
    }),
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
