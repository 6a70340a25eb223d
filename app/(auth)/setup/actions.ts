"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { AppError, validationError } from "@/lib/errors";
import { createFirstAdmin as createFirstAdminUser, SETUP_ALREADY_DONE } from "@/lib/users/service";
import { userCount } from "@/lib/users/queries";
import { emailSchema, nameSchema, PASSWORD_CONTAINS_EMAIL, passwordMatchesEmail, passwordSchema } from "@/lib/validations/password";
import type { ActionResult } from "@/lib/actions";
import { formDataToObject } from "@/lib/actions";
import { clientAddress } from "@/lib/auth/client-address-hook";
import { logAuthEvent } from "@/lib/auth/auth-log";
import { readOrCreateSetupCode, removeSetupCode, setupCodesMatch } from "@/lib/auth/setup-code";
import { retryMessage, takeSignInAttempt } from "@/lib/auth/throttle";

const setupSchema = z.object({
  setupCode: z
    .string()
    .trim()
    .min(1, "Enter the setup code that npm start printed to its console.")
    .max(64, "That is not a setup code: it has 10 letters and digits, such as ABCDE-FGH23."),
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});

// The throttling key of setup-code guesses (not an e-mail address, so it never meets an account).
const SETUP_KEY = "setup-code";

const fieldError = (field: string, message: string, code: "VALIDATION" | "FORBIDDEN" = "VALIDATION"): ActionResult => ({
  ok: false,
  error: { code, message },
  fieldErrors: { [field]: [message] },
});

/**
 * The only action open to anonymous callers, and only while the database has no user at all and
 * with the one-time setup code. lib/users/service.ts makes the admin: the check and the insert
 * happen under one advisory lock, so two racing calls make one admin.
 */
export async function createFirstAdmin(_previous: unknown, input: unknown): Promise<ActionResult> {
  if ((await userCount()) > 0) return { ok: false, error: { code: "FORBIDDEN", message: SETUP_ALREADY_DONE } };
  const parsed = setupSchema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
  if (!parsed.success) {
    const { code, message, fieldErrors } = validationError(parsed.error, "Check the fields.", { named: false });
    return { ok: false, error: { code, message }, fieldErrors };
  }
  const { setupCode, name, email, password } = parsed.data;
  // Checked before the code, as the form's other fields are: it says what to change without a guess spent.
  if (passwordMatchesEmail(password, email)) return fieldError("password", PASSWORD_CONTAINS_EMAIL);

  // The code can be guessed, so guesses are throttled like sign-in (per address, doubling blocks).
  const address = clientAddress(await headers());
  const attempt = await takeSignInAttempt(SETUP_KEY, address);
  if (!attempt.allowed) {
    logAuthEvent("setup.throttled", { address, limit: attempt.limit, retryAfterSeconds: attempt.retryAfterSeconds });
    return { ok: false, error: { code: "TOO_MANY_REQUESTS", message: retryMessage(attempt.retryAfterSeconds, "wrong setup codes") } };
  }
  if (!setupCodesMatch(setupCode, readOrCreateSetupCode().code)) {
    logAuthEvent("setup.code_rejected", { address });
    return fieldError(
      "setupCode",
      "That setup code is not right. Use the code npm start printed to its console (also in the file setup-code in the data folder).",
    );
  }
  await attempt.succeeded();

  let created: { id: string };
  try {
    created = await createFirstAdminUser({ name, email, password });
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, error: { code: error.code, message: error.message }, fieldErrors: error.fieldErrors };
    throw error;
  }
  removeSetupCode();
  logAuthEvent("setup.completed", { email, address, userId: created.id });
  return { ok: true, message: "Administrator created. Sign in with your e-mail and password." };
}
