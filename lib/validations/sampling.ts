import { z } from "zod";
import { MAX_SAMPLE_SIZE, SEED_PATTERN } from "@/lib/sampling/draw";
import { blank } from "@/lib/validations/form-input";

// What a sample is drawn from (docs/auditors.md, "Sampling"): the page's GET form and
// GET /api/v1/periods/{id}/sample parse the same fields.

export const SAMPLE_KINDS = ["slots", "evidence", "changes"] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

export const SAMPLE_KIND_LABELS: Record<SampleKind, string> = {
  slots: "Slots (the coverage's due slots)",
  evidence: "Evidence (every status)",
  changes: "Changes merged in the period",
};

/** A sample size when none is asked for: the common minimum for a control operating many times a year. */
export const DEFAULT_SAMPLE_SIZE = 25;

const SIZE_MESSAGE = `size must be a whole number from 1 to ${MAX_SAMPLE_SIZE}.`;

export const sampleQuerySchema = z.strictObject(
  {
    control: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(64, { error: "control must be a control code, such as AI-SEC-05." })
        .transform((code) => code.toUpperCase())
        .optional(),
    ),
    kind: z.preprocess(blank, z.enum(SAMPLE_KINDS, { error: `kind must be one of ${SAMPLE_KINDS.join(", ")}.` }).default("slots")),
    size: z.preprocess(
      blank,
      z
        .string({ error: SIZE_MESSAGE })
        .trim()
        .regex(/^[0-9]+$/, { error: SIZE_MESSAGE })
        .transform(Number)
        .pipe(z.int({ error: SIZE_MESSAGE }).min(1, { error: SIZE_MESSAGE }).max(MAX_SAMPLE_SIZE, { error: SIZE_MESSAGE }))
        .optional(),
    ),
    seed: z.preprocess(
      blank,
      z.string().trim().regex(SEED_PATTERN, { error: 'seed must be 1 to 64 letters, digits, "-" or "_".' }).optional(),
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown query parameter: ${issue.keys.join(", ")}. Use control, kind, size and seed.`
        : undefined,
  },
);

export type SampleQuery = z.output<typeof sampleQuerySchema>;
