"use server";

import { revalidatePath } from "next/cache";
import { action, type ActionResult } from "@/lib/actions";
import { createCustomControl, updateControlDefinition } from "@/lib/controls/custom";
import { updateControl } from "@/lib/controls/update";
import { controlCodeSchema, controlDefinitionPatchSchema, controlPatchSchema, customControlCreateSchema } from "@/lib/validations/control";

const updateControlInput = controlPatchSchema.extend({ code: controlCodeSchema });

export const saveControlDesign = action("controls:write", updateControlInput, async ({ code, ...patch }, principal) => {
  await updateControl(code, patch, principal);
  revalidatePath(`/controls/${code}`);
  revalidatePath("/controls");
  revalidatePath("/gap-assessment");
  revalidatePath("/criteria");
  return { ok: true, message: "Saved. The change is in the audit log." };
});

// Custom controls (/controls/new) and a control's definition (/controls/[code]/edit). On success
// the form navigates itself, so the action returns the code rather than redirecting.
export const createCustomControlAction = action(
  "controls:write",
  customControlCreateSchema,
  async (input, principal): Promise<ActionResult<{ code: string }>> => {
    const created = await createCustomControl(input, principal);
    revalidatePath("/controls");
    revalidatePath("/gap-assessment");
    revalidatePath("/criteria");
    return { ok: true, data: { code: created.code }, message: `Created ${created.code}. The change is in the audit log.` };
  },
);

const updateDefinitionInput = controlDefinitionPatchSchema.extend({ code: controlCodeSchema });

export const updateControlDefinitionAction = action(
  "controls:write",
  updateDefinitionInput,
  async ({ code, ...patch }, principal): Promise<ActionResult<{ code: string }>> => {
    await updateControlDefinition(code, patch, principal);
    revalidatePath(`/controls/${code}`);
    revalidatePath("/controls");
    revalidatePath("/gap-assessment");
    revalidatePath("/criteria");
    return { ok: true, data: { code }, message: "Saved. The change is in the audit log." };
  },
);
