import { z } from "zod";
import type { SchemaObject } from "openapi3-ts/oas31";
import { date, endpoint, fileHeaders, json, location, nullable, ref, time, uuid } from "@/lib/api/endpoint";
import {
  accessReviewSchema,
  decisionInputSchema,
  itemsSchema,
  revocationInputSchema,
  signOffInputSchema,
} from "@/lib/validations/access-review";

// Access reviews: creation, items, start, decisions, revocations, sign-off and the record (lib/api/endpoint.ts).

const reviewId = z.uuid().meta({ description: "The access review id, a UUID." });
const reviewParams = z.object({ reviewId });
const itemParams = z.object({ reviewId, itemId: z.uuid().meta({ description: "The item id, a UUID." }) });
/** Up to 20,000 items per request (the CSV import's maximum); a typical item is about 200 bytes. */
export const ITEMS_BODY_LIMIT = 8 * 1024 * 1024;

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
    example: { decision: "revoke", comment: "Left the team in November." },
    operationId: "decideAccessReviewItem",
    summary: "Decide an access-review item",
    description:
      "Keep, revoke or modify, always with a comment; the caller must be the item's assigned reviewer, signed in as themselves " +
      "(an API token is refused, 403). When the access is the caller's own, `selfJustification` is required (422 naming it). " +
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
    example: { doneOn: "2026-11-20", note: "IT-4521" },
    operationId: "markAccessRevocationDone",
    summary: "Mark a revocation done",
    description:
      "For a revoke or modify decision: the date it was carried out (not before the decision, not in the future) and an optional " +
      "note. Allowed to a compliance lead or admin, or to the item's reviewer, signed in (tokens are refused), also after sign-off. " +
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
    example: { statement: "Every access in scope was reviewed and the revocations are done." },
    operationId: "signOffAccessReview",
    summary: "Sign off an access review",
    description:
      "Once every item is decided (409 naming how many are open), a compliance lead signs off with a statement, signed in as " +
      "themselves (tokens are refused). The access review locks, and its record (CSV) is stored as ACCEPTED, GENERATED evidence for " +
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
