import { z } from "zod";
import { parseExpiry } from "@/lib/auth/token-expiry";
import { PERMISSIONS, ROLE_LABELS, isPermission, scopesBeyondRole, type Permission } from "@/lib/permissions";
import { roleSchema } from "@/lib/validations/user";

// The Settings → API tokens form, checked the same way in the browser's form and the server action.
// A scope only narrows a token's role (lib/permissions.ts tokenCan), so a scope the role lacks would
// silently do nothing: it is refused instead, with what to do about it.

export const TOKEN_SCOPES = Object.keys(PERMISSIONS) as Permission[];

export const EXPIRY_CHOICES = ["30d", "90d", "1y", "never", "custom"] as const;
export const EXPIRY_LABELS: Record<(typeof EXPIRY_CHOICES)[number], string> = {
  "30d": "In 30 days",
  "90d": "In 90 days",
  "1y": "In 1 year",
  never: "Never",
  custom: "On a date…",
};

export const tokenNameSchema = z
  .string({ error: "Enter a name for the token, such as the CI job that will use it." })
  .trim()
  .min(1, { error: "Enter a name for the token, such as the CI job that will use it." })
  .max(100, { error: "The name is too long: use at most 100 characters." });

/** Checkbox groups arrive as one string, several strings, or nothing. */
const scopesField = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z.string().refine(isPermission, {
        error: (issue) => `"${String(issue.input)}" is not a permission: choose scopes from the list, or none for the role's permissions.`,
      }),
    )
    .max(TOKEN_SCOPES.length, { error: `A token has at most ${TOKEN_SCOPES.length} scopes, one per permission.` }),
);

/** A ticked checkbox arrives as "on" (or "true"); an unticked one not at all. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const WIDE_TOKEN_LABELS = { admin: "Allow the Admin role", noExpiry: "Allow a token that never expires" } as const;
export const WIDE_TOKEN_REFUSALS = {
  admin: `An Admin token can manage users, tokens and settings: whoever holds it is an admin. Tick “${WIDE_TOKEN_LABELS.admin}” to create it anyway, or choose a narrower role.`,
  noExpiry: `A token that never expires works until someone revokes it. Tick “${WIDE_TOKEN_LABELS.noExpiry}” to create it anyway, or choose an expiry.`,
} as const;

/** A custom expiry is a calendar date; the token stops working at 00:00 UTC on that day. */
export function expiryFromDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export const createTokenSchema = z
  .object({
    name: tokenNameSchema,
    // With a person to act for, the role is theirs and the form sends none.
    role: roleSchema.optional(),
    actsFor: z
      .union([z.literal(""), z.uuid({ error: "Choose a person from the list, or no one." })])
      .optional()
      .transform((v) => v || null),
    scopes: scopesField,
    expires: z.enum(EXPIRY_CHOICES, { error: "Choose when the token expires: in 30 days, 90 days, 1 year, never, or on a date." }),
    expiresOn: z.string().optional(),
    allowAdmin: checkbox,
    allowNoExpiry: checkbox,
  })
  .superRefine((input, ctx) => {
    if (!input.actsFor && !input.role) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "Choose the token's role, or a person for it to act for." });
    }
    // Wide tokens are asked for explicitly (the command line's --allow-admin and --allow-no-expiry).
    // A person's role is known only to the server (lib/tokens/service.ts checks it there).
    if (!input.actsFor && input.role === "ADMIN" && !input.allowAdmin) {
      ctx.addIssue({ code: "custom", path: ["allowAdmin"], message: WIDE_TOKEN_REFUSALS.admin });
    }
    if (input.expires === "never" && !input.allowNoExpiry) {
      ctx.addIssue({ code: "custom", path: ["allowNoExpiry"], message: WIDE_TOKEN_REFUSALS.noExpiry });
    }
    if (input.role && !input.actsFor) {
      const lacking = scopesBeyondRole(input.role, input.scopes ?? []);
      const them = lacking.length > 1 ? "them" : "it";
      if (lacking.length) {
        ctx.addIssue({
          code: "custom",
          path: ["scopes"],
          message: `The ${ROLE_LABELS[input.role]} role does not have ${lacking.join(", ")}: a scope can only narrow a token's role. Untick ${them}, or choose a role that has ${them}.`,
        });
      }
    }
    if (input.expires === "custom") {
      const date = input.expiresOn?.trim() ?? "";
      if (!date) {
        ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Choose the date the token expires, or another expiry." });
      } else if (!z.iso.date().safeParse(date).success) {
        ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Enter the expiry date as YYYY-MM-DD, such as 2027-01-31." });
      } else if (expiryFromDate(date) <= new Date()) {
        ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "The expiry date must be in the future: choose tomorrow or later." });
      }
    }
  })
  .transform(({ name, role, actsFor, scopes, expires, expiresOn, allowAdmin }) => ({
    name,
    role: actsFor ? undefined : role,
    actsFor: actsFor ? { userId: actsFor } : null,
    allowAdmin,
    scopes: [...new Set(scopes)] as Permission[],
    expiresAt: expires === "custom" ? expiryFromDate(expiresOn!.trim()) : parseExpiry(expires),
  }));

export const revokeTokenSchema = z.object({ tokenId: z.uuid({ error: "Unknown token: reload the page and try again." }) });

/** What the create action returns to the form: the secret, for the admin's browser this once. */
export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  secret: string;
}
