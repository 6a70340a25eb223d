import { z } from "zod";
import { slugOf } from "@/lib/format";

export const DATA_CATEGORIES = ["CUSTOMER_CONFIDENTIAL", "PERSONAL_DATA", "SECRETS", "INTERNAL", "PUBLIC"] as const;
export const INVOKERS = ["END_USERS", "STAFF", "AUTOMATED_JOBS", "AGENTS"] as const;
export const IMPACTS = ["LOW", "MEDIUM", "HIGH"] as const;
export const FEATURE_STATUSES = ["ACTIVE", "RETIRED"] as const;
export const FLAGS = [
  "automatedDecisions",
  "irreversibleActions",
  "usesTrainingData",
  "exposesToolServers",
  "logsPrompts",
  "userFacing",
] as const;
/** The yes/no answers about a feature, one per FLAGS entry. */
export type FeatureFlags = Record<(typeof FLAGS)[number], boolean>;

export const DATA_CATEGORY_LABELS: Record<(typeof DATA_CATEGORIES)[number], string> = {
  CUSTOMER_CONFIDENTIAL: "Customer confidential",
  PERSONAL_DATA: "Personal data",
  SECRETS: "Secrets or credentials",
  INTERNAL: "Internal",
  PUBLIC: "Public",
};
export const INVOKER_LABELS: Record<(typeof INVOKERS)[number], string> = {
  END_USERS: "End users",
  STAFF: "Staff",
  AUTOMATED_JOBS: "Automated jobs",
  AGENTS: "Agents or tools",
};
export const IMPACT_LABELS: Record<(typeof IMPACTS)[number], string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };
export const FLAG_LABELS: Record<(typeof FLAGS)[number], string> = {
  automatedDecisions: "Outputs drive automated decisions",
  irreversibleActions: "Can take irreversible actions",
  usesTrainingData: "Uses fine-tuning or training data",
  exposesToolServers: "Exposes MCP or tool servers to agents",
  logsPrompts: "Logs prompts and responses",
  userFacing: "Users interact with it directly",
};

const text = (label: string, max = 4000) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is too long: use at most ${max} characters.` });
const optionalText = (max = 4000) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string()
      .trim()
      .max(max, { error: `Use at most ${max} characters.` })
      .nullable()
      .optional(),
  );
/** Checkbox groups arrive as one string, several strings, or nothing. */
const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: message })).max(values.length, { error: `Choose each of the ${values.length} options at most once.` }),
  );
/** Checkboxes: "on"/"true" from forms (absent when unticked), booleans from JSON; anything else is refused, not read as false. */
const flag = z.preprocess(
  (v) => (v === "on" || v === "true" ? true : v === "false" ? false : v),
  z.boolean({ error: "Use true or false." }),
);

/** Slugs that name the inventory's own pages and API paths (/inventory/new, /inventory/import, /api/v1/features/import). */
export const RESERVED_SLUGS: readonly string[] = ["new", "import"];

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "A slug is lower-case letters, digits and single hyphens, such as support-reply-drafts." })
  .max(80, { error: "A slug is at most 80 characters." })
  .refine((slug) => !RESERVED_SLUGS.includes(slug), {
    error: (issue) =>
      `"${String(issue.input)}" names a page of the inventory: choose another slug, such as ${String(issue.input)}-feature.`,
  });

/** A feature's slug from its name, within slugSchema's 80 characters. */
export function slugify(name: string): string {
  return (slugOf(name, 80) || "feature").replace(/^(new|import)$/, "$1-feature");
}

export const vendorLinkSchema = z.object({
  vendor: text("Vendor", 200),
  model: optionalText(200),
  fallbackStrategy: optionalText(),
});

// The guide's six questions, owner, status and the flags that drive which controls apply.
export const featureSchema = z.object({
  slug: slugSchema.optional(),
  name: text("Name", 200),
  owner: text("Owner", 200),
  status: z.enum(FEATURE_STATUSES, { error: "Status is ACTIVE or RETIRED." }).default("ACTIVE"),
  purpose: text("What it does"),
  inputData: list(DATA_CATEGORIES, "Unknown data category: use CUSTOMER_CONFIDENTIAL, PERSONAL_DATA, SECRETS, INTERNAL or PUBLIC."),
  inputNotes: optionalText(),
  outputs: text("What comes out and where it goes"),
  invokers: list(INVOKERS, "Unknown invoker: use END_USERS, STAFF, AUTOMATED_JOBS or AGENTS.").refine((v) => v.length > 0, {
    error: "Say who or what can invoke it.",
  }),
  vendors: z.array(vendorLinkSchema).max(50, { error: "List at most 50 vendors for one feature." }).default([]),
  failureImpact: z.enum(IMPACTS, { error: "Choose the impact of a wrong output: LOW, MEDIUM or HIGH." }),
  failureNotes: optionalText(),
  automatedDecisions: flag.default(false),
  irreversibleActions: flag.default(false),
  usesTrainingData: flag.default(false),
  exposesToolServers: flag.default(false),
  logsPrompts: flag.default(false),
  userFacing: flag.default(false),
  promptLogRetention: optionalText(500),
});

export type FeatureInput = z.output<typeof featureSchema>;

export const mappingSchema = z
  .object({
    applies: z.preprocess(
      (v) => (v === "true" ? true : v === "false" ? false : v),
      z.boolean({ error: "Say whether the control applies (true or false)." }),
    ),
    justification: optionalText(),
  })
  .refine((m) => m.applies || Boolean(m.justification), {
    error: "A control that does not apply needs a justification: say why this feature does not touch what the control governs.",
    path: ["justification"],
  });

// ---- The inventory list: filters, sorting and page, from the URL (page) or the query string (API). ----

export const FEATURE_SORTS = ["name", "owner", "status", "impact", "updated"] as const;
export const FEATURE_PAGE_SIZE = 25;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const one = (v: unknown) => blankToUndefined(Array.isArray(v) ? v[0] : v);

export const featureListSchema = z.object({
  q: z.preprocess(one, z.string().trim().max(200, { error: "Search with at most 200 characters." }).optional()),
  vendor: z.preprocess(one, z.string().trim().max(200).optional()),
  data: z.preprocess(one, z.enum(DATA_CATEGORIES, { error: "Unknown data category." }).optional()),
  impact: z.preprocess(one, z.enum(IMPACTS, { error: "Impact is LOW, MEDIUM or HIGH." }).optional()),
  status: z.preprocess(one, z.enum(FEATURE_STATUSES, { error: "Status is ACTIVE or RETIRED." }).optional()),
  owner: z.preprocess(one, z.string().trim().max(200).optional()),
  sort: z.preprocess(one, z.enum(FEATURE_SORTS, { error: "Sort by name, owner, status, impact or updated." }).default("name")),
  dir: z.preprocess(one, z.enum(["asc", "desc"], { error: "Direction is asc or desc." }).default("asc")),
  page: z.preprocess(
    one,
    z.coerce.number({ error: "Page is a number." }).int().min(1, { error: "Pages start at 1." }).max(100_000).default(1),
  ),
});

export type FeatureListQuery = z.output<typeof featureListSchema>;

/** For pages: a hand-edited URL with one bad value keeps the others (the bad one falls back). */
export function parseFeatureListLenient(raw: Record<string, unknown>): FeatureListQuery {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(featureListSchema.shape) as (keyof typeof featureListSchema.shape)[]) {
    if (featureListSchema.shape[key].safeParse(raw[key]).success) kept[key] = raw[key];
  }
  return featureListSchema.parse(kept);
}
