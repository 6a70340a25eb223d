"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { userActor } from "@/lib/auth/session";
import { updateControl } from "@/lib/controls/update";
import { controlCodeSchema, controlPatchSchema } from "@/lib/validations/control";

const updateControlInput = controlPatchSchema.extend({ code: controlCodeSchema });

export const saveControlDesign = action("controls:write", updateControlInput, async ({ code, ...patch }, user) => {
  await updateControl(code, patch, userActor(user));
  revalidatePath(`/controls/${code}`);
  revalidatePath("/controls");
  return { ok: true, message: "Saved. The change is in the audit log." };
});
