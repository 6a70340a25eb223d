import { z } from "zod";
import { CATEGORIES } from "@/lib/validations/control";

// GET /api/v1/criteria?period=&category= and the criteria page's ?period=: one schema for both.
export const criteriaQuerySchema = z.strictObject(
  {
    period: z.uuid({ error: "period must be an audit period id (a UUID)." }).optional(),
    category: z.enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(", ")}.` }).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys.join(", ")}. Use period and category.` : undefined,
  },
);

export type CriteriaQuery = z.output<typeof criteriaQuerySchema>;
