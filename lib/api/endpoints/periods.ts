import { z } from "zod";
import { endpoint, json, location, ref } from "@/lib/api/endpoint";
import { periodSchema } from "@/lib/validations/period";
import { periodLockApi } from "@/lib/api/endpoints/period-lock";
import { DEFAULT_SAMPLE_SIZE, sampleQuerySchema } from "@/lib/validations/sampling";
import { MAX_SAMPLE_SIZE, SAMPLING_METHOD } from "@/lib/sampling/draw";

// Audit periods and their coverage (lib/api/endpoint.ts).

const periodParams = z.object({ id: z.uuid().meta({ description: "The audit period id (a UUID)." }) });

const periodExample = {
  name: "SOC 2 Type II 2026",
  type: "TYPE_II",
  start: "2026-01-01",
  end: "2026-12-31",
  categories: ["SECURITY", "PRIVACY"],
};

export const periodsApi = {
  listPeriods: endpoint({
    method: "GET",
    path: "/api/v1/periods",
    permission: "periods:read",
    operationId: "listPeriods",
    summary: "List audit periods",
    description: "Every audit period, latest end first.",
    tags: ["Periods"],
    ok: { "200": json(ref("PeriodList"), "The periods.") },
  }),
  createPeriod: endpoint({
    method: "POST",
    path: "/api/v1/periods",
    permission: "periods:write",
    body: periodSchema,
    bodyName: "PeriodInput",
    example: periodExample,
    operationId: "createPeriod",
    summary: "Create an audit period",
    description: "Type I as of a date or Type II over a window; Security is always in scope; auditors must hold the Auditor role.",
    tags: ["Periods"],
    ok: { "201": json(ref("Period"), "The created period.", location) },
    errors: ["Validation"],
  }),
  getPeriodCoverage: endpoint({
    method: "GET",
    path: "/api/v1/periods/{id}/coverage",
    permission: "periods:read",
    params: periodParams,
    operationId: "getPeriodCoverage",
    summary: "Coverage of an audit period",
    description:
      "For each control in the period's categories: its slots (calendar windows of its frequency, per-event changes, or validity days) with their state and the accepted evidence that covers them, and expected, covered, coverage and status.",
    tags: ["Periods"],
    ok: { "200": json(ref("PeriodCoverage"), "The coverage.") },
    errors: ["NotFound"],
  }),
  exportPeriod: endpoint({
    method: "GET",
    path: "/api/v1/periods/{id}/export",
    permission: "periods:read",
    params: periodParams,
    operationId: "exportPeriod",
    summary: "Export the auditor package of an audit period",
    description:
      "A ZIP, streamed as it is written: the period's evidence files by control, CSVs (controls with coverage, evidence, changes, " +
      "exceptions, readiness checks, audit-log entries of the window with their chain hashes), `oscal/assessment-results.json` " +
      "(OSCAL 1.1.2), an offline `index.html`, `public-key.pem`, and last `manifest.json` (every file's path, size and SHA-256; " +
      "the period, its scope and lock state; the export time; the audit log's head) with `manifest.sig`, its Ed25519 signature " +
      "(base64) by the installation's key (Settings → Organisation). Check it with `npm run verify-package -- FILE` or the " +
      "commands of docs/auditors.md. 409 when a stored evidence file is missing (nothing is sent).",
    tags: ["Periods"],
    ok: {
      "200": {
        description: "The package (`Content-Disposition: attachment`).",
        headers: {
          "Content-Disposition": { description: 'Always `attachment; filename="attest-….zip"`.', schema: { type: "string" } },
          "Cache-Control": { description: "`private, no-store`.", schema: { type: "string", const: "private, no-store" } },
        },
        content: { "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } } },
      },
    },
    errors: ["NotFound", "Conflict"],
  }),
  samplePeriod: endpoint({
    method: "GET",
    path: "/api/v1/periods/{id}/sample",
    permission: "periods:read",
    params: periodParams,
    query: sampleQuerySchema,
    parameterNotes: {
      control: "A control code in the period's categories (404 otherwise); none: every control in them.",
      kind:
        "What is sampled: `slots` (the coverage's due slots, covered or missing; a validity control's due days), `evidence` " +
        "(effective in the window or valid on one of its days, every status and version), or `changes` (merged in the window; " +
        "with a control, only a per-event one). Default `slots`.",
      size: `How many to draw, 1 to ${MAX_SAMPLE_SIZE}; default ${DEFAULT_SAMPLE_SIZE}. At or above the population's size: the whole population.`,
      seed: 'Letters, digits, "-" and "_" (at most 64). None: a new random seed, sent back in the file and in `X-Attest-Sample-Seed`.',
    },
    operationId: "samplePeriod",
    summary: "Draw a reproducible sample of an audit period",
    description:
      `A random sample of a control's slots, evidence or changes in the period, as a CSV attachment. Method \`${SAMPLING_METHOD}\`: ` +
      'every member is ranked by the SHA-256 (hex) of `seed + ":" + id` and the first `size` are taken, so the same seed ' +
      'always draws the same sample from the same population, and anyone can redo it (docs/auditors.md, "Sampling"). The file ' +
      "starts with a `field,value` block (period, control, kind, population and its size, sample size, seed, method, cut-off key), " +
      "then an empty line, then the sample, one row per member in draw order with its rank and draw key. Nothing is stored: " +
      "drawing writes nothing, not even to the audit log. 400 for bad parameters, or `changes` with a control that is not per-event.",
    tags: ["Periods"],
    ok: {
      "200": {
        description: "The sample (`Content-Disposition: attachment`).",
        headers: {
          "Content-Disposition": { description: 'Always `attachment; filename="attest-sample-….csv"`.', schema: { type: "string" } },
          "X-Attest-Sample-Seed": { description: "The seed the sample was drawn with.", schema: { type: "string" } },
        },
        content: { "text/csv": { schema: { type: "string" } } },
      },
    },
    errors: ["Validation", "NotFound"],
  }),
  getPeriod: endpoint({
    method: "GET",
    path: "/api/v1/periods/{id}",
    permission: "periods:read",
    params: periodParams,
    operationId: "getPeriod",
    summary: "Get an audit period",
    description: "One period with its scope and auditors.",
    tags: ["Periods"],
    ok: { "200": json(ref("Period"), "The period.") },
    errors: ["NotFound"],
  }),
  replacePeriod: endpoint({
    method: "PUT",
    path: "/api/v1/periods/{id}",
    permission: "periods:write",
    params: periodParams,
    body: periodSchema,
    bodyName: "PeriodInput",
    example: periodExample,
    operationId: "replacePeriod",
    summary: "Edit an audit period",
    description: "Replaces the period's name, type, dates, categories, features and auditors.",
    tags: ["Periods"],
    ok: { "200": json(ref("Period"), "The period as saved.") },
    errors: ["Validation", "NotFound"],
  }),
  ...periodLockApi,
};
