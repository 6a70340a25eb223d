import { z } from "zod";
import { calendarDate } from "@/lib/validations/control";
import { parseQuarter } from "@/lib/access-reviews/schedule";
import { blank, commaList } from "@/lib/validations/form-input";
import { SAME_QUARTER_REASON_MAX } from "@/lib/access-reviews/quarter-rules";

// Shared by the access review forms, the server actions and the API: what an access review, an item and a
// reviewer assignment look like, with the messages a person reads.

export const RESOURCE_KINDS = ["MODEL_API_KEY", "PROMPT_LOGS", "TRAINING_DATA", "TOOL_SERVER", "OTHER"] as const;
export type ResourceKindName = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKindName, string> = {
  MODEL_API_KEY: "Model API keys",
  PROMPT_LOGS: "Prompt logs",
  TRAINING_DATA: "Training data",
  TOOL_SERVER: "Tool servers",
  OTHER: "Other",
};

export const PRINCIPAL_KINDS = ["HUMAN", "SERVICE", "ROOT"] as const;
export type PrincipalKindName = (typeof PRINCIPAL_KINDS)[number];
export const PRINCIPAL_KIND_LABELS: Record<PrincipalKindName, string> = {
  HUMAN: "Human",
  SERVICE: "Service",
  ROOT: "Root account",
};

export const REVIEW_STATUS_LABELS = { DRAFT: "Draft", IN_PROGRESS: "In progress", SIGNED_OFF: "Signed off" } as const;

export const ITEM_PAGE_SIZE = 50;
export const MAX_ITEMS_PER_REQUEST = 20_000;

const NAME_MESSAGE = "Give the access review a name, such as “Q4 2026 access review”.";

export const quarterSchema = z
  .string({ error: "Give the quarter as YYYY-Qn, such as 2026-Q4." })
  .trim()
  .max(7, { error: "Give the quarter as YYYY-Qn, such as 2026-Q4." })
  .refine((q) => parseQuarter(q) !== null, { error: "Give the quarter as YYYY-Qn, such as 2026-Q4." });

export const accessReviewSchema = z.object({
  name: z.preprocess(
    blank,
    z.string({ error: NAME_MESSAGE }).trim().min(1, { error: NAME_MESSAGE }).max(120, { error: "A name can be at most 120 characters." }),
  ),
  quarter: z.preprocess(blank, quarterSchema),
  dueDate: z.preprocess(blank, calendarDate.optional()),
  features: z.preprocess(commaList, z.array(z.string().trim().max(80)).max(5000)),
  resources: z.preprocess(commaList, z.array(z.enum(RESOURCE_KINDS, { error: "Unknown resource kind." })).max(RESOURCE_KINDS.length)),
  // Required (by the service, which knows the other access reviews) when the quarter already has one.
  sameQuarterReason: z.preprocess(
    blank,
    z
      .string({ error: "The reason for another access review for the same quarter is text." })
      .trim()
      .max(SAME_QUARTER_REASON_MAX, { error: `The reason can be at most ${SAME_QUARTER_REASON_MAX} characters.` })
      .optional(),
  ),
});
export type AccessReviewInput = z.output<typeof accessReviewSchema>;

const text = (what: string, max = 300) =>
  z.preprocess(
    blank,
    z
      .string({ error: `Give the ${what}.` })
      .trim()
      .min(1, { error: `Give the ${what}.` })
      .max(max, { error: `The ${what} can be at most ${max} characters.` }),
  );

export const itemSchema = z.object({
  principal: text("principal (a person's e-mail or user name, or a service account)"),
  principalKind: z.enum(PRINCIPAL_KINDS, { error: "Choose Human, Service or Root account." }),
  resource: text("resource"),
  resourceKind: z.preprocess(blank, z.enum(RESOURCE_KINDS, { error: "Unknown resource kind." }).default("OTHER")),
  accessLevel: text("access level"),
  source: z.preprocess(blank, z.string().trim().max(200).default("Added by hand")),
  reviewer: z.preprocess(blank, z.email({ error: "The reviewer is given by e-mail." }).optional()),
});
export type ItemInput = z.output<typeof itemSchema>;

export const itemsSchema = z
  .array(itemSchema, { error: "Send a JSON array of items." })
  .min(1, { error: "Send at least one item." })
  .max(MAX_ITEMS_PER_REQUEST, { error: `At most ${MAX_ITEMS_PER_REQUEST} items per request.` });

// A reviewer's decision, a revocation's follow-up and a sign-off (lib/access-reviews/decisions.ts, sign-off.ts).

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is at most ${max} characters.` });

/** Free text that may be left out; blank counts as left out. */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is at most ${max} characters.` })
    .optional()
    .transform((v) => v || undefined);

export const decisionInputSchema = z.object({
  decision: z
    .string({ error: "Choose keep, revoke or modify." })
    .trim()
    .max(6, { error: "Choose keep, revoke or modify." })
    .toUpperCase()
    .pipe(z.enum(["KEEP", "REVOKE", "MODIFY"], { error: "Choose keep, revoke or modify." }))
    .meta({ description: "keep, revoke or modify (in any case)." }),
  comment: requiredText("A comment", 2000),
  selfJustification: optionalText("The justification", 2000),
});
export type DecisionInput = z.output<typeof decisionInputSchema>;

export const revocationInputSchema = z.object({
  doneOn: z.iso.date({ error: "Give the date it was done as YYYY-MM-DD." }),
  note: optionalText("The note", 2000),
});
export type RevocationInput = z.output<typeof revocationInputSchema>;

export const signOffInputSchema = z.object({
  statement: z
    .string({ error: "Write the sign-off statement." })
    .trim()
    .min(1, { error: "Write the sign-off statement." })
    .max(4000, { error: "The statement is at most 4000 characters." }),
});
