import { z } from "zod";
import { fileNameSchema } from "@/lib/validations/evidence";

// The query parameters every CSV import endpoint takes (POST .../import with a text/csv body).

/** `dryRun=true`: the preview the import page shows (every row, every problem), nothing written. */
export const dryRunParam = z
  .enum(["true", "false"], { error: "use true or false." })
  .default("false")
  .transform((value) => value === "true")
  .meta({ description: "`true`: answer 200 with what the import would do and every row's problems; nothing is written." });

/** The file's name, for messages and the audit entry (a form's upload sends its own). */
export const fileNameParam = fileNameSchema
  .default("import.csv")
  .meta({ description: "The file's name, as a browser upload would send it: used in messages and recorded in the audit entry." });
