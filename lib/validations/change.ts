import { z } from "zod";
import { EVALUATION_STATES } from "@/lib/coverage/evaluation";
import { calendarDate } from "@/lib/validations/control";

// A model or prompt change (AI-PI-01, AI-PI-02): what changed, where it was merged and who approved
// it. Shared by the form, the import and the API.

export const CHANGE_KINDS = ["MODEL_UPGRADE", "PROMPT_CHANGE", "FINE_TUNE", "CONFIG"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  MODEL_UPGRADE: "Base model upgrade",
  PROMPT_CHANGE: "Prompt change",
  FINE_TUNE: "Fine-tune",
  CONFIG: "Configuration",
};
export const CHANGE_PAGE_SIZE = 25;
export const IMPORT_MAX_ROWS = 1000;

const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const optionalText = (max: number, what: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(max, { error: `${what} can be at most ${max} characters.` })
      .optional(),
  );

/**
 * When it was merged: ISO 8601 with a zone, or a zone-less date and time (a datetime-local field),
 * which is taken as UTC. Not in the future: a change is recorded once it is merged.
 */
export const mergedAt = z.preprocess(
  blank,
  z
    .string({ error: "Give when it was merged (YYYY-MM-DDTHH:MM, UTC)." })
    .trim()
    .max(40, { error: "Merged at must be a date and time such as 2026-03-01T14:30 (UTC) or ISO 8601." })
    .transform((value, ctx) => {
      const zoneless = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value);
      const dated = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value);
      const date = new Date(zoneless ? `${value}Z` : dated ? `${value}T00:00:00Z` : value);
      if (!(zoneless || dated || withZone) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "Merged at must be a date and time such as 2026-03-01T14:30 (UTC) or ISO 8601." });
        return z.NEVER;
      }
      if (date.getTime() > Date.now() + 5 * 60_000) {
        ctx.addIssue({ code: "custom", message: "Merged at is in the future: record a change once it is merged." });
        return z.NEVER;
      }
      return date;
    }),
);

export const changeSchema = z.object({
  kind: z.enum(CHANGE_KINDS, { error: "Choose the kind: MODEL_UPGRADE, PROMPT_CHANGE, FINE_TUNE or CONFIG." }),
  feature: z.preprocess(blank, z.string().trim().max(80).optional()),
  title: z.preprocess(
    blank,
    z
      .string({ error: "Give the change a title, such as the pull request's." })
      .trim()
      .min(1, { error: "Give the change a title, such as the pull request's." })
      .max(300, { error: "A title can be at most 300 characters." }),
  ),
  pullRequest: optionalText(500, "A pull request"),
  commitSha: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{7,64}$/i, { error: "A commit SHA is 7 to 64 hexadecimal characters." })
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  mergedAt,
  approvedBy: optionalText(200, "Approved by"),
  ticket: optionalText(300, "A ticket"),
});

export type ChangeInput = z.output<typeof changeSchema>;

/** GET /api/v1/changes and the list page: filters and the page. Unknown values are refused by the API. */
export const changeListQuery = z.object({
  covered: z.enum(["true", "false"], { error: "covered is true or false." }).optional(),
  evaluation: z.enum(EVALUATION_STATES, { error: "evaluation is BEFORE_RELEASE, AFTER_RELEASE or NONE." }).optional(),
  kind: z.enum(CHANGE_KINDS, { error: "Unknown kind." }).optional(),
  feature: z.string().trim().max(80).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  page: z.coerce.number({ error: "page is a number from 1." }).int().min(1).max(100_000).default(1),
});
export type ChangeListQuery = z.output<typeof changeListQuery>;

/** "title: Give the change a title." for each problem in a rejected row or body. */
export function issueMessages(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
}
