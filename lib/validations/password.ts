import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// Passwords: at least 12 characters (NIST SP 800-63B allows long passphrases, so no composition
// rules beyond length), at most 256, and not one of the passwords everyone tries first.
//
// The common list is zxcvbn-ts's (about 49,000 passwords from public breach corpora, most used
// first), shipped in an npm package and updated with it rather than a list copied into this
// repository. Most entries are shorter than 12 characters and already fail the length rule; the
// list still matters for the long ones ("qwerty123456", "1q2w3e4r5t6y") and for a future lower
// minimum. A few that people pick for an app like this one are added. Compared in lower case.
const EXTRA_COMMON = [
  "password1234",
  "123456789012",
  "qwertyuiopas",
  "passwordpassword",
  "administrator",
  "letmeinletmein",
  "changemechangeme",
  "welcome12345",
];

let common: Set<string> | undefined;
/** The common-password list, lower case (built on first use: the package ships it compressed). */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set([...dictionary["passwords-common"], ...EXTRA_COMMON].map((p) => String(p).toLowerCase()));
  return common;
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.toLowerCase());

// Says what passwordMatchesEmail checks: the part of the e-mail before the @ (when it has 4 or more
// characters), not the whole address. "Not your e-mail address" let "ada.lovelace-2026!" through
// while the user believed it was refused.
export const PASSWORD_RULE =
  "at least 12 characters, not a common password, and not containing the part of your e-mail address before the @";

/** The refusal when passwordMatchesEmail is true; the same words wherever a password is set. */
export const PASSWORD_CONTAINS_EMAIL = "The password must not contain the part of the e-mail address before the @.";

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(12, { error: `The password is too short: use ${PASSWORD_RULE}.` })
  .max(256, { error: "The password is too long: use at most 256 characters." })
  .refine((p) => !isCommonPassword(p) && !/^(.)\1+$/.test(p), {
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

/** The password must not contain the e-mail's local part (the part before the @), if 4+ characters. */
export function passwordMatchesEmail(password: string, email: string): boolean {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  return local.length >= 4 && password.toLowerCase().includes(local);
}
