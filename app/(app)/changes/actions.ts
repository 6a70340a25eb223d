"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { IMPORT_MAX_BYTES, IMPORT_MAX_LABEL } from "@/lib/imports/upload";
import { createChange } from "@/lib/changes/service";
import { importChangesText, previewChangesText, type ChangeImportPreview } from "@/lib/changes/text-import";
import { CHANGE_KINDS, changeSchema } from "@/lib/validations/change";

// Recording model and prompt changes: one from the form, or many from a CSV or `gh pr list` JSON.

export const createChangeAction = action("changes:write", changeSchema, async (input, principal): Promise<ActionResult<{ id: string }>> => {
  const { id } = await createChange(input, principal);
  revalidatePath("/changes");
  return { ok: true, data: { id }, message: `Recorded “${input.title}”.` };
});

const importInput = z.object({
  step: z.enum(["preview", "commit"]),
  text: z.string().max(IMPORT_MAX_BYTES, { error: `The text is larger than ${IMPORT_MAX_LABEL}; split it.` }),
  kind: z.enum(CHANGE_KINDS, { error: "Choose the kind of these changes." }),
  feature: z.string().trim().max(80).optional(),
  kindRules: z.string().max(5000, { error: "The kind rules are longer than 5000 characters." }).optional(),
});

// Preview writes nothing and shows every row's problems; commit writes all rows not already recorded in one transaction, or none.
export const importChangesAction = action(
  "changes:write",
  importInput,
  async (
    { step, text, kind, feature, kindRules },
    principal,
  ): Promise<ActionResult<{ preview: ChangeImportPreview | null; created?: number }>> => {
    const defaults = { kind, feature: feature || undefined, kindRules };
    if (step === "preview") return { ok: true, data: { preview: await previewChangesText(text, defaults) } };
    const { created, skipped } = await importChangesText(text, defaults, principal);
    revalidatePath("/changes");
    const skippedText = skipped ? ` ${skipped} already recorded, skipped.` : "";
    return { ok: true, data: { preview: null, created }, message: `Imported ${created} change${created === 1 ? "" : "s"}.${skippedText}` };
  },
);
