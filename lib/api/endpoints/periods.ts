import { z } from "zod";
import { endpoint, json, location, ref } from "@/lib/api/endpoint";
import { periodSchema } from "@/lib/validations/period";

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
};
