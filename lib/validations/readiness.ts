import { z } from "zod";

// GET /api/v1/readiness?period= and the readiness page's ?period=: one schema for both.
export const readinessQuerySchema = z.strictObject(
  {
    period: z.uuid({ error: "period must be an audit period id (a UUID)." }).optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys.join(", ")}. Use period.` : undefined),
  },
);

/** The AI-specific incidents an incident plan must cover (readiness finding 6). */
export const AI_INCIDENT_SCENARIOS = ["CUSTOMER_PII_IN_OUTPUT", "PROVIDER_OUTAGE"] as const;
export type AiIncidentScenario = (typeof AI_INCIDENT_SCENARIOS)[number];
export const AI_INCIDENT_SCENARIO_LABELS: Record<AiIncidentScenario, string> = {
  CUSTOMER_PII_IN_OUTPUT: "The model outputs customer PII",
  PROVIDER_OUTAGE: "The model provider has an outage",
};
export const INCIDENT_RECORD_KINDS = ["PLAN", "TABLETOP"] as const;
export const INCIDENT_RECORD_KIND_LABELS: Record<(typeof INCIDENT_RECORD_KINDS)[number], string> = {
  PLAN: "Incident response plan",
  TABLETOP: "Tabletop exercise",
};

const asList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** Marks one AI-AVL-03 evidence as the incident plan or a tabletop exercise (kind NONE: unmarks it). */
export const incidentRecordSchema = z.object({
  evidence: z.uuid({ error: "Choose the evidence to mark." }),
  kind: z.enum([...INCIDENT_RECORD_KINDS, "NONE"], { error: "Choose: incident response plan, tabletop exercise, or neither." }),
  scenarios: z.preprocess(
    asList,
    z
      .array(z.enum(AI_INCIDENT_SCENARIOS, { error: `A scenario is one of ${AI_INCIDENT_SCENARIOS.join(", ")}.` }))
      .max(AI_INCIDENT_SCENARIOS.length, { error: "Choose each scenario at most once." }),
  ),
});
export type IncidentRecordInput = z.output<typeof incidentRecordSchema>;
