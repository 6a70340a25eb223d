import { z } from "zod";
import { calendarDate, controlCodeSchema } from "@/lib/validations/control";
import { blank, required } from "@/lib/validations/form-input";

// What an evidence upload carries besides its bytes (multipart fields of POST /api/v1/evidence,
// the same for the browser and for CI). Blank fields mean "not given", as HTML forms send them.

// File names are labels shown to people (lists, downloads, audit entries): characters that are
// invisible or break a line could disguise what a file is, or forge a line in a log or a CSV.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// \p{Cf}: format characters (zero-width spaces and joiners, U+FEFF, soft hyphen, ...);
// U+2028 and U+2029: line and paragraph separators.
const INVISIBLE = /[\p{Cf}\u2028\u2029]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** What is wrong with a file name's characters (checked before any trimming), or null when nothing is. */
export function fileNameProblem(name: string): string | null {
  if (CONTROL.test(name)) {
    return "The file name contains control characters (such as NUL or a line break). Rename the file and upload it again.";
  }
  if (BIDI.test(name)) {
    return "The file name contains a text-direction control character (such as a right-to-left override), which can disguise its extension. Rename the file.";
  }
  const separator = /[\u2028\u2029]/.exec(name)?.[0];
  if (separator) {
    return `The file name contains a line or paragraph separator (${codePoint(separator)}), which breaks it across lines in lists and logs. Rename the file.`;
  }
  const invisible = INVISIBLE.exec(name)?.[0];
  if (invisible) {
    return `The file name contains an invisible character (${codePoint(invisible)}${invisible === "\ufeff" ? ", a byte-order mark" : ""}), which can make it look like another name. Rename the file.`;
  }
  return null;
}

/** A file name given as a form field (CSV imports): checked like an uploaded file's name. */
export const fileNameSchema = z
  .string()
  .max(300, { error: "The file name is too long: use at most 300 characters." })
  .superRefine((name, ctx) => {
    const problem = fileNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((name) => name.normalize("NFC").trim());

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
    control: required(controlCodeSchema, "Choose the control this evidence is for."),
    title: required(z.string().trim().max(200, { error: "A title can be at most 200 characters." }), "Give the evidence a title."),
    description: optional(z.string().trim().max(4000, { error: "A description can be at most 4,000 characters." })),
    effectiveDate: required(calendarDate, "Give the effective date: the day the evidence speaks for (YYYY-MM-DD)."),
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
        .regex(/^[0-9a-f]{7,64}$/, { error: "A commit SHA is 7 to 64 hexadecimal characters (SHA-1 or SHA-256)." }),
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
