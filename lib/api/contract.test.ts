import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import type { RequestBodyObject } from "openapi3-ts/oas31";
import { UNBOUNDED, contractOperations } from "@/lib/api/contract";
import { openApiDocument as doc, type OperationObject } from "@/lib/api/openapi";
import { ENDPOINTS } from "@/lib/api/registry";
import { evidenceFieldsSchema } from "@/lib/validations/evidence";
import { featureSchema } from "@/lib/validations/feature";
import { mapCsvRows, mappingWithSuggestion, readCsvTable } from "@/lib/access-reviews/csv";
import { parseChangesText } from "@/lib/changes/csv";
import { parseFeaturesCsv } from "@/lib/features/csv";
import { vendorItemFieldsSchema } from "@/lib/validations/vendor";

// The fast half of the API contract (e2e/api-contract.spec.ts sends the same requests over HTTP):
// the bad requests derived from the OpenAPI document are refused by the schemas the server parses
// them with (each endpoint's declaration, which apiRoute() uses), and each documented example is
// accepted (a CSV import's text/csv example by the import's own parser). The two bodies a handler reads in a second step are checked as the handler does.

const accepts = (schema: z.ZodType) => (input: unknown) => schema.safeParse(input).success;
const paths = doc.paths!;
const jsonExample = (op: OperationObject | undefined) => (op?.requestBody as RequestBodyObject).content["application/json"].example;
const featureExample = featureSchema.parse(jsonExample(paths["/api/v1/features"].post));

type ServerSchemas = Record<
  string,
  { body?: (b: unknown) => boolean; query?: (q: Record<string, string>) => boolean; csv?: (text: string) => boolean }
>;
/** A CSV the import's own parser reads without a bad row (the example's mapping: the import page's suggestion). */
const csvImports: ServerSchemas = {
  importFeaturesCsv: { csv: (text) => ((p) => p.errors.length === 0 && p.rows.length > 0)(parseFeaturesCsv(text)) },
  importChangesCsv: { csv: (text) => ((p) => p.errors.length === 0 && p.rows.length > 0)(parseChangesText(text)) },
  importAccessReviewItemsCsv: {
    csv: (text) => {
      const table = readCsvTable(text);
      const mapping = mappingWithSuggestion(table.header, {});
      return mapping.success && ((m) => m.errors.length === 0 && m.items.length > 0)(mapCsvRows(table, mapping.data));
    },
  },
};
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

// A text/csv body is the import's file, checked by its parser (the query by the declaration, as above).
for (const [id, { csv }] of Object.entries(csvImports)) SERVER[id] = { ...SERVER[id], csv };

const operations = contractOperations(doc);

test("every documented operation that takes input yields bad requests, and has its server schema listed here", () => {
  assert.ok(operations.length >= 20, `${operations.length} operations`);
  for (const op of operations) assert.ok(SERVER[op.operationId], `${op.method} ${op.path} (${op.operationId}): add its schema to SERVER`);
});

test("each documented request example is accepted by the server's schema", () => {
  for (const op of operations) {
    const body = paths[op.path][op.method.toLowerCase() as "post"]!.requestBody as RequestBodyObject | undefined;
    for (const [type, media] of Object.entries(body?.content ?? {})) {
      const accepted = type === "text/csv" ? SERVER[op.operationId].csv!(media.example) : SERVER[op.operationId].body!(media.example);
      assert.ok(accepted, `${op.operationId}: its ${type} example is refused`);
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
