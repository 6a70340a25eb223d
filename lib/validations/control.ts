import { z } from "zod";
import { blankToNull } from "@/lib/validations/form-input";

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

const CONTROL_CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
const CONTROL_CODE_ERROR = "A control code is capital letters, digits and hyphens, such as AI-SEC-01.";

export const controlCodeSchema = z.string().trim().regex(CONTROL_CODE, { error: CONTROL_CODE_ERROR });

/**
 * A control code as a page's URL segment gives it: percent-decoded (a malformed escape is no code),
 * then exactly a code, with nothing trimmed. Anything else names no control, so the page is a 404.
 */
export const controlCodeParam = z
  .string()
  .transform((raw, ctx) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "The address has a malformed %-escape." });
      return z.NEVER;
    }
  })
  .pipe(z.string().regex(CONTROL_CODE, { error: CONTROL_CODE_ERROR }));

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

// Fields a compliance lead may change on a control (gap assessment). Absent fields stay as they are.
export const controlPatchSchema = z
  .object({
    designStatus: z.enum(DESIGN_STATUSES, { error: "Choose a design status: in place, partial, missing or not applicable." }).optional(),
    justification: z.preprocess(blankToNull, z.string().trim().max(4000).nullable()).optional(),
    frequency: z.enum(FREQUENCIES, { error: "Choose a frequency." }).optional(),
    operatesSince: z.preprocess(blankToNull, calendarDate.nullable()).optional(),
    owner: z.preprocess(blankToNull, z.string().trim().max(200).nullable()).optional(),
    notes: z.preprocess(blankToNull, z.string().trim().max(4000).nullable()).optional(),
  })
  .strict();

export type ControlPatch = z.output<typeof controlPatchSchema>;

/**
 * Criteria ids from a form or a JSON body: checkboxes arrive as repeated fields (an array), a
 * hidden field or a script may send one comma-separated string, the API sends an array.
 */
const criteriaIds = z.preprocess(
  (v) => {
    const values = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    return values
      .flatMap((x) => (typeof x === "string" ? x.split(",") : [x]))
      .map((x) => (typeof x === "string" ? x.trim() : x))
      .filter((x) => x !== "");
  },
  z
    .array(z.string().max(20), { error: "Criteria must be a list of criterion ids, such as CC6.1." })
    .min(1, { error: "Choose at least one criterion this control supports." })
    .max(40)
    .transform((ids) => [...new Set(ids)]),
);

// What defines a control (as opposed to its gap-assessment state). The guide's 23 keep this text;
// teams write it for their own controls.
export const controlDefinitionSchema = z.object({
  title: z.string().trim().min(3, { error: "Give the control a title (at least 3 characters)." }).max(200),
  description: z.string().trim().min(1, { error: "Describe what the control does." }).max(4000),
  category: z.enum(CATEGORIES, { error: "Choose a category." }),
  criteria: criteriaIds,
  frequency: z.enum(FREQUENCIES, { error: "Choose a frequency." }),
  expectedEvidence: z.string().trim().min(1, { error: "Say what evidence shows the control operated." }).max(4000),
});

export const customControlCreateSchema = controlDefinitionSchema.extend({ code: controlCodeSchema }).strict();
export type CustomControlCreate = z.output<typeof customControlCreateSchema>;

/**
 * An edit of a control's definition. Criteria are always sent (an empty set is an error, not "no
 * change"); the text fields only for custom controls, since the guide's controls keep their text.
 */
export const controlDefinitionPatchSchema = controlDefinitionSchema.partial().extend({ criteria: criteriaIds }).strict();
export type ControlDefinitionPatch = z.output<typeof controlDefinitionPatchSchema>;

// GET /api/v1/controls?period=: the matrix's figures in that audit period too.
export const controlsQuerySchema = z.strictObject(
  {
    period: z.uuid({ error: "period must be an audit period id (a UUID)." }).optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys.join(", ")}. Use period.` : undefined),
  },
);
