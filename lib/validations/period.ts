import { z } from "zod";
import { CATEGORIES, calendarDate } from "@/lib/validations/control";
import { blank, commaList, required } from "@/lib/validations/form-input";

// An audit period: Type I as of a date (start = end), Type II over a window. Security is always in
// scope (the mandatory category); the end is on or after the start.

export const PERIOD_TYPES = ["TYPE_I", "TYPE_II"] as const;
export const PERIOD_TYPE_LABELS: Record<(typeof PERIOD_TYPES)[number], string> = {
  TYPE_I: "Type I (as of a date)",
  TYPE_II: "Type II (over a window)",
};

export const periodSchema = z
  .object({
    name: z.preprocess(
      blank,
      z
        .string({ error: "Give the period a name, such as “SOC 2 Type II 2026”." })
        .trim()
        .min(1, { error: "Give the period a name, such as “SOC 2 Type II 2026”." })
        .max(120, { error: "A name can be at most 120 characters." }),
    ),
    type: z.enum(PERIOD_TYPES, { error: "Choose Type I (as of a date) or Type II (over a window)." }),
    start: required(calendarDate, "Give the start date (YYYY-MM-DD)."),
    end: z.preprocess(blank, calendarDate.optional()),
    categories: z.preprocess(commaList, z.array(z.enum(CATEGORIES, { error: "Unknown category." })).max(5)),
    features: z.preprocess(commaList, z.array(z.string().trim().max(80)).max(5000)),
    auditors: z.preprocess(commaList, z.array(z.email({ error: "Auditors are given by e-mail." })).max(100)),
  })
  .transform((p) => ({
    ...p,
    end: p.type === "TYPE_I" ? p.start : (p.end ?? ""),
    categories: [...new Set(p.categories)],
  }))
  .superRefine((p, ctx) => {
    if (p.type === "TYPE_II" && !p.end)
      ctx.addIssue({ code: "custom", path: ["end"], message: "Give the end date of the Type II window (YYYY-MM-DD)." });
    else if (p.end < p.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The end is before the start: choose an end on or after the start." });
    if (!p.categories.includes("SECURITY")) {
      ctx.addIssue({
        code: "custom",
        path: ["categories"],
        message: "Security is always in scope: every SOC 2 report covers it. Tick Security.",
      });
    }
  });

export type PeriodInput = z.output<typeof periodSchema>;
