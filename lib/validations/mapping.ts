import { z } from "zod";
import { controlCodeSchema } from "@/lib/validations/control";
import { CATEGORIES } from "@/lib/validations/control";
import { mappingSchema, slugSchema } from "@/lib/validations/feature";

const asList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const confirmMappingSchema = z.intersection(z.object({ slug: slugSchema, code: controlCodeSchema }), mappingSchema);

/** Bulk: one category's controls (or some controls) for several features, applies or not. */
export const bulkMappingSchema = z
  .object({
    slugs: z.preprocess(
      asList,
      z
        .array(slugSchema)
        .min(1, { error: "Select at least one feature." })
        .max(1000, { error: "Select at most 1,000 features at once; map the rest in another batch." }),
    ),
    category: z.enum(CATEGORIES, { error: "Choose a category." }),
    decision: z.enum(["applies", "not-applicable"], { error: "Choose whether the controls apply." }),
    justification: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : v),
      z.string().trim().max(4000).nullable().optional(),
    ),
  })
  .refine((b) => b.decision === "applies" || Boolean(b.justification), {
    error: "Controls that do not apply need a justification: say why these features do not touch what they govern.",
    path: ["justification"],
  });
