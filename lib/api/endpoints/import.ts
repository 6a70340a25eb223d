import { z } from "zod";
import type { ReferenceObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";
import { json, ref } from "@/lib/api/endpoint";
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

/**
 * The 200 of `dryRun=true`: the rows as the import would write them (under `list`, each with its
 * `row` number and `rowFields`), after the fields in `before`, and every row's problems.
 */
export function dryRunAnswer(spec: {
  list?: string;
  rowFields: Record<string, SchemaObject | ReferenceObject>;
  before?: Record<string, SchemaObject>;
  required?: string[];
  description: string;
}): ResponseObject {
  const list = spec.list ?? "rows";
  const before = spec.before ?? {};
  return json(
    {
      type: "object",
      required: spec.required ?? [...Object.keys(before), list, "errors"],
      properties: {
        ...before,
        [list]: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, ...spec.rowFields } } },
        errors: { type: "array", items: ref("ImportRowError") },
      },
    },
    spec.description,
  );
}
