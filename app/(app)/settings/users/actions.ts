"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { changeRole, createUser, setDisabled } from "@/lib/users/service";
import { renameUser, resetPassword } from "@/lib/users/account";
import { changeRoleSchema, createUserSchema, renameUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/validations/user";

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

export const renameUserAction = action("users:manage", renameUserSchema, async ({ userId, name }, principal) => {
  const renamed = await renameUser(userId, name, principal);
  revalidatePath("/settings/users");
  return { ok: true, message: `${renamed.email} is now named ${renamed.name}.` };
});

export const resetPasswordAction = action("users:manage", resetPasswordSchema, async ({ userId, password }, principal) => {
  const reset = await resetPassword(userId, password, principal);
  revalidatePath("/settings/users");
  return { ok: true, message: `${reset.email} has a new password: give it to them. Their sessions have ended.` };
});
