"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { userActor } from "@/lib/auth/session";
import { changeRole, createUser, setDisabled } from "@/lib/users/service";
import { changeRoleSchema, createUserSchema, setDisabledSchema } from "@/lib/validations/user";

export const createUserAction = action("users:manage", createUserSchema, async (input, user) => {
  const created = await createUser(input, userActor(user));
  revalidatePath("/settings/users");
  return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
});

export const changeRoleAction = action("users:manage", changeRoleSchema, async ({ userId, role }, user) => {
  const changed = await changeRole(userId, role, userActor(user));
  revalidatePath("/settings/users");
  return { ok: true, message: `${changed.email} is now ${changed.role}. It takes effect on their next request.` };
});

export const setDisabledAction = action("users:manage", setDisabledSchema, async ({ userId, disabled }, user) => {
  const changed = await setDisabled(userId, disabled, userActor(user));
  revalidatePath("/settings/users");
  return {
    ok: true,
    message: `${changed.email} is ${disabled ? "disabled: they are signed out on their next request" : "enabled again"}.`,
  };
});
