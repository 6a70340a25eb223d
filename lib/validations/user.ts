import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/validations/password";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: ADMIN, COMPLIANCE_LEAD, ENGINEER or AUDITOR." });

export const createUserSchema = z.object({ name: nameSchema, email: emailSchema, role: roleSchema, password: passwordSchema });
export const changeRoleSchema = z.object({ userId: z.uuid({ error: "Unknown user." }), role: roleSchema });
export const setDisabledSchema = z.object({
  userId: z.uuid({ error: "Unknown user." }),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const renameUserSchema = z.object({ userId: z.uuid({ error: "Unknown user." }), name: nameSchema });
export const resetPasswordSchema = z.object({ userId: z.uuid({ error: "Unknown user." }), password: passwordSchema });
