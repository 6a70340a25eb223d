import { z } from "zod";

export const DESIGN_STATUSES = ["IN_PLACE", "PARTIAL", "MISSING", "NOT_APPLICABLE"] as const;
export const FREQUENCIES = ["PER_EVENT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL", "VALIDITY"] as const;
export const CATEGORIES = ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"] as const;

export const DESIGN_STATUS_LABELS: Record<(typeof DESIGN_STATUSES)[number], string> = {
  IN_PLACE: "In place",
  PARTIAL: "Partial",
  MISSING: "Missing",
  NOT_APPLICABLE: "Not applicable",
};
export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  PER_EVENT: "Per event",
  DAILY: "Daily",
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
  SEMI_ANNUAL: "Semi-annual",
  ANNUAL: "Annual",
  VALIDITY: "Validity (document)",
};
export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  SECURITY: "Security",
  AVAILABILITY: "Availability",
  PROCESSING_INTEGRITY: "Processing Integrity",
  CONFIDENTIALITY: "Confidentiality",
  PRIVACY: "Privacy",
};

export const controlCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { error: "A control code is capital letters, digits and hyphens, such as AI-SEC-01." });

/** A calendar date chosen by a person: YYYY-MM-DD, and a real day. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date in the form YYYY-MM-DD." })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: "That date does not exist." },
  );

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

// Fields a compliance lead may change on a control (gap assessment). Absent fields stay as they are.
export const controlPatchSchema = z
  .object({
    designStatus: z.enum(DESIGN_STATUSES, { error: "Choose a design status: in place, partial, missing or not applicable." }).optional(),
    justification: z.preprocess(emptyToNull, z.string().trim().max(4000).nullable()).optional(),
    frequency: z.enum(FREQUENCIES, { error: "Choose a frequency." }).optional(),
    operatesSince: z.preprocess(emptyToNull, calendarDate.nullable()).optional(),
    owner: z.preprocess(emptyToNull, z.string().trim().max(200).nullable()).optional(),
    notes: z.preprocess(emptyToNull, z.string().trim().max(4000).nullable()).optional(),
  })
  .strict();

export type ControlPatch = z.output<typeof controlPatchSchema>;
