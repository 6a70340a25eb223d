import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import type { RequestBodyObject } from "openapi3-ts/oas31";
import { UNBOUNDED, contractOperations } from "@/lib/api/contract";
import { openApiDocument as doc, type OperationObject } from "@/lib/api/openapi";
import { ENDPOINTS } from "@/lib/api/registry";
import { evidenceFieldsSchema } from "@/lib/validations/evidence";
import { featureSchema } from "@/lib/validations/feature";
import { vendorItemFieldsSchema } from "@/lib/validations/vendor";

// The fast half of the API contract (e2e/api-contract.spec.ts sends the same requests over HTTP):
// the bad requests derived from the OpenAPI document are refused by the schemas the server parses
// them with (each endpoint's declaration, which apiRoute() uses), and each documented example is
// accepted. The two bodies a handler reads in a second step are checked as the handler does.

const accepts = (schema: z.ZodType) => (input: unknown) => schema.safeParse(input).success;
const paths = doc.paths!;
const jsonExample = (op: OperationObject | undefined) => (op?.requestBody as RequestBodyObject).content["application/json"].example;
const featureExample = featureSchema.parse(jsonExample(paths["/api/v1/features"].post));

type ServerSchemas = Record<string, { body?: (b: unknown) => boolean; query?: (q: Record<string, string>) => boolean }>;
const SERVER: ServerSchemas = {
  ...Object.fromEntries(
    ENDPOINTS.map((e) => {
      const body = e.documentedBody ?? e.body;
      return [e.operationId, { ...(body ? { body: accepts(body) } : {}), ...(e.query ? { query: accepts(e.query) } : {}) }];
    }),
  ),
  // PATCH lays the body over the current feature and validates the whole (app/api/v1/features/[slug]/route.ts).
  updateFeature: { body: (b) => accepts(featureSchema)({ ...featureExample, ...(b as object) }) },
  // The multipart fields, parsed by the evidence service (lib/evidence/service.ts).
  uploadEvidence: { body: (b) => accepts(vendorItemFieldsSchema)(b) && accepts(evidenceFieldsSchema)(b) },
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
