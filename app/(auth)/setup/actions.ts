"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit } from "@/lib/audit-log/append";
import { emailSchema, nameSchema, passwordMatchesEmail, passwordSchema } from "@/lib/validations/password";
import type { ActionResult } from "@/lib/actions";
import { formDataToObject } from "@/lib/actions";

const setupSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

/**
 * The only action open to anonymous callers, and only while the database has no user at all.
 * The check and the insert happen under one advisory lock, so two racing calls make one admin.
 */
export async function createFirstAdmin(_previous: unknown, input: unknown): Promise<ActionResult> {
  if ((await db.user.count()) > 0) {
    return { ok: false, error: { code: "FORBIDDEN", message: "Setup is already done: an account exists. Sign in instead." } };
  }
  const parsed = setupSchema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, error: { code: "VALIDATION", message: Object.values(fieldErrors).flat()[0] ?? "Check the fields." }, fieldErrors };
  }
  const { name, email, password } = parsed.data;
  if (passwordMatchesEmail(password, email)) {
    const message = "The password must not contain your e-mail address.";
    return { ok: false, error: { code: "VALIDATION", message }, fieldErrors: { password: [message] } };
  }
  const passwordHash = await hashPassword(password);
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
  if (!created) {
    return { ok: false, error: { code: "FORBIDDEN", message: "Setup is already done: an account exists. Sign in instead." } };
  }
  return { ok: true, message: "Administrator created. Sign in with your e-mail and password." };
}
