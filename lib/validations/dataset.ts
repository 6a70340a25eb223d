import { z } from "zod";
import { calendarDate } from "@/lib/validations/control";
import { blankToNull, required } from "@/lib/validations/form-input";

// A feature's dataset manifest (readiness finding 5): for each dataset its source, who approved it
// and on which day, and whether PII was removed. Shared by the API and the feature page's form.

export const DATASETS_MAX = 100;

const text = (label: string, max: number) =>
  required(
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(max, { error: `${label} can be at most ${max} characters.` }),
    `Give the ${label.toLowerCase()}.`,
  );

export const datasetSchema = z.object({
  name: text("Dataset name", 200),
  source: text("Source", 1000),
  approvedBy: text("Approver", 200),
  approvedOn: required(calendarDate, "Give the date the dataset was approved (YYYY-MM-DD)."),
  piiRemoved: required(
    z.preprocess(
      (v) => (v === "true" || v === "yes" ? true : v === "false" || v === "no" ? false : v),
      z.boolean({ error: "Say whether PII was removed: true or false." }),
    ),
    "Say whether PII was removed: true or false.",
  ),
  notes: z.preprocess(
    blankToNull,
    z.string({ error: "Notes must be text." }).trim().max(4000, { error: "Notes can be at most 4000 characters." }).nullable().optional(),
  ),
});

export type DatasetInput = z.output<typeof datasetSchema>;

/** The whole manifest, replacing what was recorded: names are unique within a feature. */
export const datasetsSchema = z.object({
  datasets: required(
    z
      .array(datasetSchema, { error: "datasets must be a list of datasets." })
      .max(DATASETS_MAX, { error: `A feature can list at most ${DATASETS_MAX} datasets.` })
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((d, i) => {
          const key = d.name.toLowerCase();
          if (seen.has(key))
            ctx.addIssue({ code: "custom", message: `The dataset ${d.name} is listed twice: give each dataset once.`, path: [i, "name"] });
          seen.add(key);
        });
      }),
    "Give the datasets (an empty list removes them all).",
  ),
});

export type DatasetsInput = z.output<typeof datasetsSchema>;
