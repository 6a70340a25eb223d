import { z } from "zod";
import { calendarDate, controlCodeSchema } from "@/lib/validations/control";
import { blank } from "@/lib/validations/form-input";

// What an evidence upload carries besides its bytes (multipart fields of POST /api/v1/evidence,
// the same for the browser and for CI). Blank fields mean "not given", as HTML forms send them.

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const EVIDENCE_STATUSES = ["SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN"] as const;
export const EVIDENCE_SOURCES = ["BROWSER", "API", "GENERATED"] as const;
export const EVIDENCE_STATUS_LABELS: Record<(typeof EVIDENCE_STATUSES)[number], string> = {
  SUBMITTED: "Awaiting review",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};
export const EVIDENCE_SOURCE_LABELS: Record<(typeof EVIDENCE_SOURCES)[number], string> = {
  BROWSER: "Browser",
  API: "API",
  GENERATED: "Generated",
};

const httpsUrl = z
  .string()
  .trim()
  .max(2000, { error: "A URL can be at most 2,000 characters." })
  .refine((s) => /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(s) && URL.canParse(s), {
    error: "Give a full http(s) URL, such as https://ci.example.com/run/42.",
  });

export const evidenceFieldsSchema = z
  .object({
    control: z
      .preprocess(blank, controlCodeSchema.optional())
      .refine((v) => v !== undefined, { error: "Choose the control this evidence is for." }),
    title: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(200, { error: "A title can be at most 200 characters." })
        .optional()
        .refine((v) => v !== undefined, { error: "Give the evidence a title." }),
    ),
    description: optional(z.string().trim().max(4000, { error: "A description can be at most 4,000 characters." })),
    effectiveDate: z.preprocess(blank, calendarDate.optional()).refine((v) => v !== undefined, {
      error: "Give the effective date: the day the evidence speaks for (YYYY-MM-DD).",
    }),
    validFrom: optional(calendarDate),
    validUntil: optional(calendarDate),
    features: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : (blank(v) ?? []),
      z
        .array(
          z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "Features are slugs such as invoice-assistant, separated by commas." }),
        )
        .max(100),
    ),
    commitSha: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[0-9a-f]{7,40}$/, { error: "A commit SHA is 7 to 40 hexadecimal characters." }),
    ),
    pullRequest: optional(
      z
        .string()
        .trim()
        .max(500)
        .refine((s) => /^#?\d{1,9}$/.test(s) || (URL.canParse(s) && !/[\u0000-\u001f\u007f]/.test(s)), {
          error: "A pull request is a number (such as 123) or its URL.",
        })
        .transform((s) => s.replace(/^#/, "")),
    ),
    runUrl: optional(httpsUrl),
    url: optional(httpsUrl),
    supersedes: optional(z.uuid({ error: "supersedes must be the id of the evidence this corrects." })),
  })
  .refine((f) => !f.validFrom || !f.validUntil || f.validFrom <= f.validUntil, {
    path: ["validUntil"],
    error: "The validity ends before it starts: choose a “valid until” date on or after “valid from”.",
  });

export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;

export const reviewSchema = z
  .object({
    decision: z.enum(["accept", "reject"], { error: "decision must be accept or reject." }),
    reason: z.preprocess(blank, z.string().trim().max(4000).optional()),
  })
  .refine((r) => r.decision === "accept" || Boolean(r.reason), {
    path: ["reason"],
    error: "Say why the evidence is rejected, so the uploader knows what to fix.",
  });

export const withdrawSchema = z.object({
  reason: z.preprocess(
    blank,
    z.string({ error: "Say why the evidence is withdrawn." }).trim().min(1, { error: "Say why the evidence is withdrawn." }).max(4000),
  ),
});

export const evidenceListSchema = z
  .object({
    control: optional(controlCodeSchema),
    feature: optional(z.string().trim().max(80)),
    status: optional(z.enum(EVIDENCE_STATUSES, { error: "status is SUBMITTED, ACCEPTED, REJECTED or WITHDRAWN." })),
    source: optional(z.enum(EVIDENCE_SOURCES, { error: "source is BROWSER, API or GENERATED." })),
    uploader: optional(z.string().trim().max(320)),
    from: optional(calendarDate),
    to: optional(calendarDate),
    cursor: optional(z.string().trim().max(200)),
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "“to” is before “from”: choose a range that runs forward." });

export type EvidenceListFilters = z.output<typeof evidenceListSchema>;
