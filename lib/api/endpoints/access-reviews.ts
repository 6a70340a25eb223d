import { z } from "zod";
import type { SchemaObject } from "openapi3-ts/oas31";
import { csvBody, date, endpoint, fileHeaders, json, location, nullable, ref, time, uuid } from "@/lib/api/endpoint";
import { dryRunParam, fileNameParam, dryRunAnswer } from "@/lib/api/endpoints/import";
import { DERIVED_ACCESS, mappingSchema, type ColumnMapping } from "@/lib/access-reviews/csv";
import {
  accessReviewSchema,
  decisionInputSchema,
  itemsSchema,
  PRINCIPAL_KINDS,
  RESOURCE_KINDS,
  revocationInputSchema,
  signOffInputSchema,
} from "@/lib/validations/access-review";

// Access reviews: creation, items, start, decisions, revocations, sign-off and the record (lib/api/endpoint.ts).

const reviewId = z.uuid().meta({ description: "The access review id, a UUID." });
const reviewParams = z.object({ reviewId });
const itemParams = z.object({ reviewId, itemId: z.uuid().meta({ description: "The item id, a UUID." }) });
/** Up to 20,000 items per request (the CSV import's maximum); a typical item is about 200 bytes. */
export const ITEMS_BODY_LIMIT = 8 * 1024 * 1024;
/** The CSV import's column mapping as query parameters: each optional (the import page's suggestion fills the rest). */
const mappingQuery = z.object(
  Object.fromEntries(
    Object.entries(mappingSchema.shape).map(([name, field]) => {
      const bare = field instanceof z.ZodDefault ? field.unwrap() : field;
      // A column name is bounded here as any query string is; the form's select offers only the header's names.
      return [name, (bare instanceof z.ZodString ? bare.max(300, { error: "At most 300 characters." }) : bare).optional()];
    }),
    // Object.fromEntries forgets the keys; each field is its form field's schema without the default, optional.
  ) as unknown as Record<keyof ColumnMapping, z.ZodOptional<z.ZodType<string>>>,
);

/** How a decision or a revocation names its item (also the AccessReviewDecision schema's first fields). */
export const itemReference: Record<string, SchemaObject> = {
  id: uuid,
  reviewId: uuid,
  principal: { type: "string" },
  resource: { type: "string" },
};

export const accessReviewsApi = {
  decideAccessReviewItem: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews/{reviewId}/items/{itemId}/decision",
    permission: "access-reviews:decide",
    params: itemParams,
    body: decisionInputSchema,
    bodyName: "AccessReviewDecisionInput",
    example: { decision: "revoke", comment: "Left the team in November." },
    operationId: "decideAccessReviewItem",
    summary: "Decide an access-review item",
    description:
      "Keep, revoke or modify, always with a comment; the caller must be the item's assigned reviewer, signed in as themselves " +
      "(a token that acts for no named person is refused, 403). When the access is the caller's own, `selfJustification` is required (422 naming it). " +
      "A decision can change until sign-off; on a signed-off access review every decision is refused (409), as on one not started.",
    tags: ["Access reviews"],
    ok: { "200": json(ref("AccessReviewDecision"), "The item as decided.") },
    errors: ["Validation", "NotFound", "Conflict", "Unprocessable"],
  }),
  markAccessRevocationDone: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews/{reviewId}/items/{itemId}/revocation",
    permission: "access-reviews:decide",
    params: itemParams,
    body: revocationInputSchema,
    bodyName: "RevocationDoneInput",
    example: { doneOn: "2026-11-20", note: "IT-4521" },
    operationId: "markAccessRevocationDone",
    summary: "Mark a revocation done",
    description:
      "For a revoke or modify decision: the date it was carried out (not before the decision, not in the future) and an optional " +
      "note. Allowed to a compliance lead or admin, or to the item's reviewer, signed in or through a token that acts for them (a token that acts for nobody is refused), also after sign-off. " +
      "409 when the item was kept, is undecided, or is already marked done.",
    tags: ["Access reviews"],
    ok: {
      "200": json(
        {
          type: "object",
          properties: {
            ...itemReference,
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
  signOffAccessReview: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews/{reviewId}/sign-off",
    permission: "access-reviews:write",
    params: reviewParams,
    body: signOffInputSchema,
    bodyName: "SignOffInput",
    example: { statement: "Every access in scope was reviewed and the revocations are done." },
    operationId: "signOffAccessReview",
    summary: "Sign off an access review",
    description:
      "Once every item is decided (409 naming how many are open), a compliance lead signs off with a statement, signed in as " +
      "themselves or through a token that acts for them (a token that acts for nobody is refused). The access review locks, and its record (CSV) is stored as ACCEPTED, GENERATED evidence for " +
      "AI-SEC-05, with its SHA-256, in the same transaction. The record is effective on the sign-off day and counts for that " +
      "day's quarter (`performedIn`); a sign-off after the labelled quarter's last day is `late`.",
    tags: ["Access reviews"],
    ok: {
      "200": json(
        {
          type: "object",
          properties: {
            id: uuid,
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
                id: uuid,
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
  downloadAccessReviewRecord: endpoint({
    method: "GET",
    path: "/api/v1/access-reviews/{reviewId}/record",
    permission: "access-reviews:read",
    params: reviewParams,
    operationId: "downloadAccessReviewRecord",
    summary: "Download the access-review record",
    description:
      "The CSV generated at sign-off, byte for byte as stored as AI-SEC-05 evidence, as an attachment with its SHA-256. " +
      "404 until the access review is signed off.",
    tags: ["Access reviews"],
    ok: {
      "200": {
        description: "The record (RFC 4180 CSV).",
        headers: fileHeaders,
        content: { "text/csv": { schema: { type: "string" } } },
      },
    },
    errors: ["NotFound"],
  }),
  listAccessReviews: endpoint({
    method: "GET",
    path: "/api/v1/access-reviews",
    permission: "access-reviews:read",
    operationId: "listAccessReviews",
    summary: "List access reviews",
    description: "Every access review, latest quarter first, with its progress (decided / total items).",
    tags: ["Access reviews"],
    ok: {
      "200": json(
        { type: "object", required: ["items"], properties: { items: { type: "array", items: ref("AccessReview") } } },
        "The access reviews.",
      ),
    },
  }),
  createAccessReview: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews",
    permission: "access-reviews:write",
    body: accessReviewSchema,
    bodyName: "AccessReviewInput",
    example: { name: "Q4 2026 access review", quarter: "2026-Q4", resources: ["MODEL_API_KEY"] },
    operationId: "createAccessReview",
    summary: "Create an access review",
    description:
      "A draft access review for a quarter and a scope (features by slug, resource kinds). 422 when the quarter has not started yet, " +
      "or when the quarter already has an access review and no `sameQuarterReason` is given.",
    tags: ["Access reviews"],
    ok: { "201": json(ref("AccessReview"), "The created access review (DRAFT).", location) },
    errors: ["Validation", "Unprocessable"],
  }),
  getAccessReview: endpoint({
    method: "GET",
    path: "/api/v1/access-reviews/{reviewId}",
    permission: "access-reviews:read",
    params: reviewParams,
    operationId: "getAccessReview",
    summary: "Get an access review",
    description: "The access review, its progress and every item in import order, with decisions.",
    tags: ["Access reviews"],
    ok: {
      "200": json(
        {
          allOf: [ref("AccessReview"), { type: "object", properties: { items: { type: "array", items: ref("AccessReviewItem") } } }],
        },
        "The access review.",
      ),
    },
    errors: ["NotFound"],
  }),
  addAccessReviewItems: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews/{reviewId}/items",
    permission: "access-reviews:write",
    params: reviewParams,
    body: z.unknown(),
    documentedBody: itemsSchema,
    bodyName: "AccessReviewItemsInput",
    bodyLimit: ITEMS_BODY_LIMIT,
    example: [
      {
        principal: "ci-deploy",
        principalKind: "SERVICE",
        resource: "OpenAI production key",
        resourceKind: "MODEL_API_KEY",
        accessLevel: "write",
      },
    ],
    operationId: "addAccessReviewItems",
    summary: "Add items to a draft access review",
    description:
      "A JSON array of items, added all or nothing (a bad one is a 400 naming its index). Principals are matched to accounts by " +
      "e-mail or its local part. Only while the access review is a DRAFT: once started the items are frozen (409).",
    tags: ["Access reviews"],
    ok: { "201": json({ type: "object", properties: { added: { type: "integer" } } }, "How many were added.") },
    errors: ["Validation", "NotFound", "Conflict"],
  }),
  importAccessReviewItemsCsv: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews/{reviewId}/items/import",
    permission: "access-reviews:write",
    params: reviewParams,
    query: mappingQuery.extend({ fileName: fileNameParam, dryRun: dryRunParam }),
    parameterNotes: {
      principal: "The column that holds the principal (an account, e-mail or service name).",
      principalKind: "The column that says human or service; else principalKindDefault.",
      principalKindDefault: "The kind of every principal when no column says: INFER guesses from the name and the row.",
      resource: "The column that names the resource; or resourceFixed for every row.",
      resourceFixed: "One resource for every row (when no column names it).",
      resourceKind: "The kind of every row's resource.",
      accessLevel: `The column that holds the access level; \`${DERIVED_ACCESS}\` derives it from an IAM credential report's columns; or accessLevelFixed.`,
      accessLevelFixed: "One access level for every row (when no column holds it).",
      reviewer: "The column that holds each item's reviewer (an e-mail of a user who may decide).",
      source: "Where the file came from, recorded on each item (default: CSV import).",
    },
    requestBody: csvBody(
      "An access export as CSV (an AWS IAM credential report, or any CSV with a header row) and, in the query, which columns " +
        "hold what. Each mapping parameter left out is the import page's first suggestion for this header (an IAM report's " +
        "own; else columns named principal/user/email, resource/system, access_level/role, reviewer).",
      "principal,kind,resource,access_level,reviewer\r\nci-deploy,service,OpenAI production key,write,lead@example.com\r\n",
    ),
    operationId: "importAccessReviewItemsCsv",
    summary: "Import a draft access review's items from CSV",
    description:
      "The import page's CSV import, for scripts: the same column mapping, checks and row-numbered messages (row 1 is the header). " +
      "Every row becomes an item in one transaction with ONE audit entry (count, file name, SHA-256 of the bytes, layout, mapping), " +
      "or nothing is written: a bad row is a 400 naming the row and the column. Only while the access review is a DRAFT (409 " +
      "once started). Send the file as the body with `Content-Type: text/csv` (415 otherwise; 413 over 5 MB or 20,000 rows).",
    tags: ["Access reviews"],
    ok: {
      "201": json(
        {
          type: "object",
          required: ["imported", "sha256"],
          properties: {
            imported: { type: "integer" },
            sha256: { type: "string", pattern: "^[0-9a-f]{64}$", description: "Of the bytes as sent; recorded in the audit entry." },
          },
        },
        "Imported: every row is an item.",
      ),
      "200": dryRunAnswer({
        list: "items",
        before: {
          fileName: { type: "string" },
          layout: { type: "string", enum: ["IAM_CREDENTIAL_REPORT", "GENERIC"] },
          layoutLabel: { type: "string" },
          mapping: { type: "object", description: "The mapping used: the parameters given over the suggestion." },
        },
        required: ["layout", "mapping", "items", "errors"],
        rowFields: {
          principal: { type: "string" },
          principalKind: { type: "string", enum: [...PRINCIPAL_KINDS] },
          resource: { type: "string" },
          resourceKind: { type: "string", enum: [...RESOURCE_KINDS] },
          accessLevel: { type: "string" },
          source: { type: "string" },
          reviewer: nullable({ type: "string" }),
        },
        description: "With dryRun=true: the items the file would become and every row's problems; nothing written.",
      }),
    },
    errors: ["NotFound", "Conflict", "PayloadTooLarge", "UnsupportedMediaType"],
  }),
  startAccessReview: endpoint({
    method: "POST",
    path: "/api/v1/access-reviews/{reviewId}/start",
    permission: "access-reviews:write",
    params: reviewParams,
    operationId: "startAccessReview",
    summary: "Start an access review",
    description:
      "DRAFT -> IN_PROGRESS. Needs at least one item and every item with a reviewer who may decide (an enabled engineer, " +
      "compliance lead or admin); otherwise 409 saying what is missing. The items are frozen from then on.",
    tags: ["Access reviews"],
    ok: { "200": json(ref("AccessReview"), "The started access review.") },
    errors: ["NotFound", "Conflict"],
  }),
};
