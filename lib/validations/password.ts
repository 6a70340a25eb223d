import { z } from "zod";

// Passwords: at least 12 characters (NIST SP 800-63B allows long passphrases, so no composition
// rules beyond length), at most 256, and not one of the passwords everyone tries first.
const COMMON = new Set([
  "password1234",
  "123456789012",
  "qwertyuiopas",
  "passwordpassword",
  "administrator",
  "letmeinletmein",
  "changemechangeme",
  "welcome12345",
]);

export const PASSWORD_RULE = "at least 12 characters, not a common password, and not your e-mail address";

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(12, { error: `The password is too short: use ${PASSWORD_RULE}.` })
  .max(256, { error: "The password is too long: use at most 256 characters." })
  .refine((p) => !COMMON.has(p.toLowerCase()) && !/^(.)\1+$/.test(p), {
    error: `That password is too easy to guess: use ${PASSWORD_RULE}.`,
  });

export const emailSchema = z
  .string({ error: "Enter an e-mail address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid e-mail address, such as name@example.com." }));

export const nameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(120, { error: "The name is too long: use at most 120 characters." });

/** The password must not contain the e-mail's local part. */
export function passwordMatchesEmail(password: string, email: string): boolean {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  return local.length >= 4 && password.toLowerCase().includes(local);
}
