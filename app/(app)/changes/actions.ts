"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { parseChangesText, type RowError } from "@/lib/changes/csv";
import { IMPORT_MAX_BYTES, IMPORT_MAX_LABEL } from "@/lib/imports/upload";
import { checkChangeRows, createChange, importChanges, rowsRefused } from "@/lib/changes/service";
import { CHANGE_KINDS, changeSchema } from "@/lib/validations/change";

// Recording model and prompt changes: one from the form, or many from a CSV or `gh pr list` JSON.

export const createChangeAction = action("changes:write", changeSchema, async (input, principal): Promise<ActionResult<{ id: string }>> => {
  const { id } = await createChange(input, principal);
  revalidatePath("/changes");
  return { ok: true, data: { id }, message: `Recorded “${input.title}”.` };
});

export interface ChangeImportPreview {
  text: string;
  format: string;
  rows: {
    row: number;
    title: string;
    pullRequest: string | null;
    commitSha: string | null;
    mergedAt: string;
    kind: string;
    feature: string | null;
  }[];
  errors: RowError[];
}

const importInput = z.object({
  step: z.enum(["preview", "commit"]),
  text: z.string().max(IMPORT_MAX_BYTES, { error: `The text is larger than ${IMPORT_MAX_LABEL}; split it.` }),
  kind: z.enum(CHANGE_KINDS, { error: "Choose the kind of these changes." }),
  feature: z.string().trim().max(80).optional(),
});

// Preview writes nothing and shows every row's problems; commit writes all rows in one transaction, or none.
export const importChangesAction = action(
  "changes:write",
  importInput,
  async ({ step, text, kind, feature }, principal): Promise<ActionResult<{ preview: ChangeImportPreview | null; created?: number }>> => {
    const parsed = parseChangesText(text, { kind, feature: feature || undefined });
    if (step === "preview") {
      const errors = [...parsed.errors, ...(parsed.rows.length ? await checkChangeRows(parsed.rows) : [])].sort((a, b) => a.row - b.row);
      const preview: ChangeImportPreview = {
        text,
        format: parsed.format,
        rows: parsed.rows.map(({ row, input }) => ({
          row,
          title: input.title,
          pullRequest: input.pullRequest ?? null,
          commitSha: input.commitSha ?? null,
          mergedAt: input.mergedAt.toISOString(),
          kind: input.kind,
          feature: input.feature ?? null,
        })),
        errors,
      };
      return { ok: true, data: { preview } };
    }
    if (parsed.errors.length) throw rowsRefused(parsed.errors);
    const { created } = await importChanges(parsed.rows, principal);
    revalidatePath("/changes");
    return { ok: true, data: { preview: null, created }, message: `Imported ${created} change${created === 1 ? "" : "s"}.` };
  },
);
