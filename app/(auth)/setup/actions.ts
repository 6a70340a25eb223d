"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit } from "@/lib/audit-log/append";
import { emailSchema, nameSchema, passwordMatchesEmail, passwordSchema } from "@/lib/validations/password";
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

const ALREADY_DONE = "Setup is already done: an account exists. Sign in instead.";
// The throttling key of setup-code guesses (not an e-mail address, so it never meets an account).
const SETUP_KEY = "setup-code";

const fieldError = (field: string, message: string, code: "VALIDATION" | "FORBIDDEN" = "VALIDATION"): ActionResult => ({
  ok: false,
  error: { code, message },
  fieldErrors: { [field]: [message] },
});

/**
 * The only action open to anonymous callers, and only while the database has no user at all and
 * with the one-time setup code. The check and the insert happen under one advisory lock, so two
 * racing calls make one admin.
 */
export async function createFirstAdmin(_previous: unknown, input: unknown): Promise<ActionResult> {
  if ((await db.user.count()) > 0) return { ok: false, error: { code: "FORBIDDEN", message: ALREADY_DONE } };
  const parsed = setupSchema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
  if (!parsed.success) {
    const { code, message, fieldErrors } = validationError(parsed.error, "Check the fields.", { named: false });
    return { ok: false, error: { code, message }, fieldErrors };
  }
  const { setupCode, name, email, password } = parsed.data;
  if (passwordMatchesEmail(password, email)) return fieldError("password", "The password must not contain your e-mail address.");

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

  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
  const created = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707372)`;
    if ((await tx.user.count()) > 0) return null;
    const user = await tx.user.create({ data: { name, email, role: "ADMIN", passwordHash } });
    await appendAudit(
      tx,
      { kind: "user", id: user.id, email, role: "ADMIN" },
      {
        action: "setup.first_admin_created",
        entityType: "User",
        entityId: user.id,
        after: { email, name, role: "ADMIN" },
      },
    );
    return user;
  });
  if (!created) return { ok: false, error: { code: "FORBIDDEN", message: ALREADY_DONE } };
  removeSetupCode();
  logAuthEvent("setup.completed", { email, address, userId: created.id });
  return { ok: true, message: "Administrator created. Sign in with your e-mail and password." };
}
