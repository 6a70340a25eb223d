import { z } from "zod";
import { csvBody, endpoint, json, ref } from "@/lib/api/endpoint";
import { dryRunParam, fileNameParam, dryRunAnswer } from "@/lib/api/endpoints/import";
import { formatParam } from "@/lib/api/endpoints/format";
import { controlCodeSchema } from "@/lib/validations/control";
import { datasetsSchema } from "@/lib/validations/dataset";
import { FEATURE_PAGE_SIZE, featureListSchema, featureSchema, mappingSchema, slugSchema } from "@/lib/validations/feature";

// The AI feature inventory, its mappings and dataset manifests (lib/api/endpoint.ts).

const slugParams = z.object({ slug: slugSchema });
const mappingParams = z.object({ slug: slugSchema, code: controlCodeSchema });
/** PATCH lays the fields given over the current feature, then validates the whole (app/api/v1/features/[slug]/route.ts). */
const featurePatchBody = z.record(z.string(), z.unknown(), { error: "The request body must be a JSON object of the fields to change." });

export const featuresApi = {
  listFeatures: endpoint({
    method: "GET",
    path: "/api/v1/features",
    permission: "features:read",
    query: featureListSchema.extend({ format: formatParam }),
    parameterNotes: {
      q: "Searches name, purpose and owner.",
      vendor: "Vendor name (exact, case-insensitive).",
      data: "Features whose prompts receive this data category.",
      owner: "Owner (exact, case-insensitive).",
    },
    operationId: "listFeatures",
    summary: "List AI features (the inventory)",
    description:
      `Page-numbered, ${FEATURE_PAGE_SIZE} a page, ordered like the inventory table (ties broken by slug). ` +
      "With `format=csv`: every matching feature (not one page) as a CSV attachment, in the import format of /inventory/import.",
    tags: ["Features"],
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
  createFeature: endpoint({
    method: "POST",
    path: "/api/v1/features",
    permission: "features:write",
    body: featureSchema,
    bodyName: "FeatureCreate",
    example: {
      name: "Support reply drafts",
      owner: "Support engineering",
      purpose: "Drafts replies to support tickets for an agent to edit.",
      inputData: ["CUSTOMER_CONFIDENTIAL"],
      outputs: "A draft reply shown to the agent.",
      invokers: ["STAFF"],
      vendors: [{ vendor: "OpenAI", model: "gpt-4o" }],
      failureImpact: "MEDIUM",
      logsPrompts: true,
    },
    operationId: "createFeature",
    summary: "Add an AI feature",
    description: "The guide's six questions, owner, status and flags. 409 when the slug is taken. Vendors not known yet are created.",
    tags: ["Features"],
    ok: { "201": json(ref("Feature"), "Created.") },
    errors: ["Validation", "Conflict"],
  }),
  getFeature: endpoint({
    method: "GET",
    path: "/api/v1/features/{slug}",
    permission: "features:read",
    params: slugParams,
    operationId: "getFeature",
    summary: "Get an AI feature",
    description: "One feature by its slug.",
    tags: ["Features"],
    ok: { "200": json(ref("Feature"), "The feature.") },
    errors: ["NotFound"],
  }),
  updateFeature: endpoint({
    method: "PATCH",
    path: "/api/v1/features/{slug}",
    permission: "features:write",
    params: slugParams,
    body: featurePatchBody,
    bodyName: "FeaturePatch",
    documentedBody: featureSchema.partial(),
    example: { owner: "Support engineering", failureImpact: "HIGH", userFacing: false },
    operationId: "updateFeature",
    summary: "Update an AI feature",
    description: "Partial: the body's fields are laid over the current feature and the whole is validated. Retire with `status: RETIRED`.",
    tags: ["Features"],
    ok: { "200": json(ref("Feature"), "The updated feature.") },
    errors: ["Validation", "NotFound"],
  }),
  setMapping: endpoint({
    method: "PUT",
    path: "/api/v1/features/{slug}/controls/{code}",
    permission: "features:write",
    params: mappingParams,
    body: mappingSchema,
    bodyName: "MappingInput",
    example: { applies: false, justification: "The feature sends no personal data to the model." },
    operationId: "setMapping",
    summary: "Confirm whether a control applies to a feature",
    description: "`{applies: true}`, or `{applies: false, justification}`. Idempotent; audited.",
    tags: ["Features"],
    ok: { "200": json(ref("Mapping"), "The confirmed mapping.") },
    errors: ["Validation", "NotFound", "Unprocessable"],
  }),
  getDatasets: endpoint({
    method: "GET",
    path: "/api/v1/features/{slug}/datasets",
    permission: "features:read",
    params: slugParams,
    operationId: "getDatasets",
    summary: "Get a feature's dataset manifest",
    description: "Each training or fine-tuning dataset: source, approver, date approved, whether PII was removed (readiness finding 5).",
    tags: ["Features"],
    ok: { "200": json(ref("DatasetManifest"), "The manifest.") },
    errors: ["NotFound"],
  }),
  setDatasets: endpoint({
    method: "PUT",
    path: "/api/v1/features/{slug}/datasets",
    permission: "features:write",
    params: slugParams,
    body: datasetsSchema,
    bodyName: "DatasetsInput",
    example: {
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
    },
    operationId: "setDatasets",
    summary: "Replace a feature's dataset manifest",
    description:
      "The body's list replaces the manifest, in one transaction with its audit-log entry (before and after). Names are unique " +
      "within the feature; an approval date after today (organisation's time zone) is a 400.",
    tags: ["Features"],
    ok: { "200": json(ref("DatasetManifest"), "The manifest as saved.") },
    errors: ["Validation", "NotFound"],
  }),
  importFeaturesCsv: endpoint({
    method: "POST",
    path: "/api/v1/features/import",
    permission: "features:write",
    query: z.object({ dryRun: dryRunParam, fileName: fileNameParam }),
    requestBody: csvBody(
      "The inventory CSV the import page takes (and `GET /api/v1/features?format=csv` exports): a header row naming the columns, one feature a row.",
      "slug,name,owner,purpose,inputData,outputs,invokers,failureImpact\r\n" +
        "support-reply-drafts,Support reply drafts,Support team,Drafts replies to tickets.,CUSTOMER_CONFIDENTIAL;PERSONAL_DATA,A draft an agent edits.,STAFF,MEDIUM\r\n",
    ),
    operationId: "importFeaturesCsv",
    summary: "Import the inventory from CSV",
    description:
      "The import page's CSV import, for scripts: the same parser, checks and row-numbered messages. Every row is created " +
      "(a new slug) or updated (a known one) in one transaction, or nothing is: any bad row is a 400 naming the row and the " +
      "column (`fields` lists every bad row). Each feature's change is in the audit log, as from the page. " +
      "Send the file as the body with `Content-Type: text/csv` (415 otherwise; 413 over 5 MB).",
    tags: ["Features"],
    ok: {
      "201": json(
        {
          type: "object",
          required: ["imported", "created", "updated"],
          properties: {
            imported: { type: "integer" },
            created: { type: "array", items: { type: "string" }, description: "Slugs of the new features." },
            updated: { type: "array", items: { type: "string" }, description: "Slugs of the features the file changed." },
          },
        },
        "Imported: every row was written.",
      ),
      "200": dryRunAnswer({
        before: { fileName: { type: "string" } },
        rowFields: {
          slug: { type: "string" },
          name: { type: "string" },
          owner: { type: "string" },
          change: { type: "string", enum: ["create", "update"] },
        },
        description: "With dryRun=true: what the import would do, row by row, and every row's problems; nothing written.",
      }),
    },
    errors: ["PayloadTooLarge", "UnsupportedMediaType"],
  }),
};
