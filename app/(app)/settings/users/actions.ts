"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { changeRole, createUser, setDisabled } from "@/lib/users/service";
import { changeRoleSchema, createUserSchema, setDisabledSchema } from "@/lib/validations/user";

export const createUserAction = action("users:manage", createUserSchema, async (input, principal) => {
  const created = await createUser(input, principal);
  revalidatePath("/settings/users");
  return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
});

export const changeRoleAction = action("users:manage", changeRoleSchema, async ({ userId, role }, principal) => {
  const changed = await changeRole(userId, role, principal);
  revalidatePath("/settings/users");
  return { ok: true, message: `${changed.email} is now ${changed.role}. It takes effect on their next request.` };
});

export const setDisabledAction = action("users:manage", setDisabledSchema, async ({ userId, disabled }, principal) => {
  const changed = await setDisabled(userId, disabled, principal);
  revalidatePath("/settings/users");
  return {
    ok: true,
    message: `${changed.email} is ${disabled ? "disabled: they are signed out on their next request" : "enabled again"}.`,
  };
});
