import assert from "node:assert/strict";
import { criteriaQuerySchema } from "@/lib/validations/criteria";
import { test } from "node:test";
import { z } from "zod";
import { UNBOUNDED, contractOperations } from "@/lib/api/contract";
import { openApiDocument as doc, type OperationObject } from "@/lib/api/openapi";
import type { RequestBodyObject } from "openapi3-ts/oas31";
import {
  campaignSchema,
  decisionInputSchema,
  itemsSchema,
  revocationInputSchema,
  signOffInputSchema,
} from "@/lib/access-reviews/validation";
import { auditLogFiltersSchema } from "@/lib/validations/audit-log";
import { changeListQuery, changeSchema } from "@/lib/validations/change";
import { controlPatchSchema, customControlCreateSchema } from "@/lib/validations/control";
import { evidenceFieldsSchema, evidenceListSchema, reviewSchema, withdrawSchema } from "@/lib/validations/evidence";
import { featureListSchema, featureSchema, mappingSchema } from "@/lib/validations/feature";
import { periodSchema } from "@/lib/validations/period";
import { datasetsSchema } from "@/lib/validations/dataset";
import { readinessQuerySchema } from "@/lib/validations/readiness";
import {
  cuecCreateSchema,
  cuecPatchSchema,
  packageLinkSchema,
  soc2ReportPatchSchema,
  vendorApiListSchema,
  vendorCreateSchema,
  vendorItemFieldsSchema,
  vendorPatchSchema,
} from "@/lib/vendors/validation";

// The fast half of the API contract (e2e/api-contract.spec.ts sends the same requests over HTTP):
// the bad requests derived from the OpenAPI document are refused by the server's own schemas, and
// each documented example is accepted. A newly documented operation that takes input needs its
// schema here.

const accepts = (schema: z.ZodType) => (input: unknown) => schema.safeParse(input).success;
const paths = doc.paths!;
const jsonExample = (op: OperationObject | undefined) => (op?.requestBody as RequestBodyObject).content["application/json"].example;
const featureExample = featureSchema.parse(jsonExample(paths["/api/v1/features"].post));

type ServerSchemas = Record<string, { body?: (b: unknown) => boolean; query?: (q: Record<string, string>) => boolean }>;
const SERVER: ServerSchemas = {
  createControl: { body: accepts(customControlCreateSchema) },
  updateControl: { body: accepts(controlPatchSchema) },
  createFeature: { body: accepts(featureSchema) },
  // PATCH lays the body over the current feature and validates the whole (app/api/v1/features/[slug]/route.ts).
  updateFeature: { body: (b) => accepts(featureSchema)({ ...featureExample, ...(b as object) }) },
  listFeatures: {
    query: ({ format, ...rest }) => (format === undefined || ["json", "csv"].includes(format)) && accepts(featureListSchema)(rest),
  },
  setMapping: { body: accepts(mappingSchema) },
  setDatasets: { body: accepts(datasetsSchema) },
  getReadiness: { query: accepts(readinessQuerySchema) },
  listEvidence: { query: accepts(evidenceListSchema) },
  uploadEvidence: { body: (b) => accepts(vendorItemFieldsSchema)(b) && accepts(evidenceFieldsSchema)(b) },
  reviewEvidence: { body: accepts(reviewSchema) },
  withdrawEvidence: { body: accepts(withdrawSchema) },
  createAccessReview: { body: accepts(campaignSchema) },
  addAccessReviewItems: { body: accepts(itemsSchema) },
  listAuditLog: { query: accepts(auditLogFiltersSchema) },
  listCriteria: { query: accepts(criteriaQuerySchema) },
  listChanges: {
    query: ({ format, ...rest }) => (format === undefined || ["json", "csv"].includes(format)) && accepts(changeListQuery)(rest),
  },
  createChanges: { body: accepts(changeSchema) },
  createPeriod: { body: accepts(periodSchema) },
  replacePeriod: { body: accepts(periodSchema) },
  listVendors: { query: accepts(vendorApiListSchema) },
  createVendor: { body: accepts(vendorCreateSchema) },
  updateVendor: { body: accepts(vendorPatchSchema) },
  linkVendorPackageItem: { body: accepts(packageLinkSchema) },
  recordSoc2Report: { body: accepts(soc2ReportPatchSchema) },
  addCuec: { body: accepts(cuecCreateSchema) },
  updateCuec: { body: accepts(cuecPatchSchema) },
  decideAccessReviewItem: { body: accepts(decisionInputSchema) },
  markAccessRevocationDone: { body: accepts(revocationInputSchema) },
  signOffAccessReview: { body: accepts(signOffInputSchema) },
};

const operations = contractOperations(doc);

test("every documented operation that takes input yields bad requests, and has its server schema listed here", () => {
  assert.ok(operations.length >= 20, `${operations.length} operations`);
  for (const op of operations) assert.ok(SERVER[op.operationId], `${op.method} ${op.path} (${op.operationId}): add its schema to SERVER`);
});

test("each documented request example is accepted by the server's schema", () => {
  for (const op of operations) {
    const body = paths[op.path][op.method.toLowerCase() as "post"]!.requestBody as RequestBodyObject | undefined;
    for (const media of Object.values(body?.content ?? {})) {
      assert.ok(SERVER[op.operationId].body!(media.example), `${op.operationId}: its example is refused`);
    }
  }
});

test("each bad request is refused by the server's schema", () => {
  const accepted: string[] = [];
  for (const op of operations) {
    const server = SERVER[op.operationId];
    for (const bad of op.bad) {
      const ok = bad.query ? server.query!(bad.query) : server.body!(bad.body);
      if (ok) accepted.push(`${op.operationId} ${bad.what}`);
    }
  }
  assert.deepEqual(accepted, [], "accepted although the document says it is invalid");
});

test("every string a request sends has a documented bound (maxLength, enum, pattern or format), as the server has", () => {
  const unbounded = operations.flatMap((op) => op.bad.filter((b) => b.what.includes(UNBOUNDED)).map((b) => `${op.operationId} ${b.what}`));
  assert.deepEqual(unbounded, []);
});
