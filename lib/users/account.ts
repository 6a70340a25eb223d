import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { PASSWORD_CONTAINS_EMAIL, passwordMatchesEmail } from "@/lib/validations/password";

// An admin's corrections to someone's account (Settings -> Users): the name shown everywhere, and a
// new password when theirs is lost. Inputs are parsed by lib/validations/user.ts first; each write
// shares its transaction with its audit entry.

const NO_SUCH_USER = "That user does not exist.";

export async function renameUser(userId: string, name: string, { actor }: Principal) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!before) throw new AppError("NOT_FOUND", NO_SUCH_USER);
    if (before.name === name) return before;
    const after = await tx.user.update({ where: { id: userId }, data: { name }, select: { id: true, email: true, name: true } });
    await appendAudit(tx, actor, {
      action: "user.renamed",
      entityType: "User",
      entityId: userId,
      before: { name: before.name },
      after: { name },
    });
    return after;
  });
}

/**
 * Sets a new password chosen by an admin and ends the user's sessions: sessionVersion goes up, and
 * a session signed in under the old value is no longer taken (lib/auth/session.ts). The password
 * rule is the one every password meets; the hash is made before the transaction (it is slow on
 * purpose) and never audited.
 */
export async function resetPassword(userId: string, password: string, { actor }: Principal) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError("NOT_FOUND", NO_SUCH_USER);
  if (passwordMatchesEmail(password, user.email)) {
    throw new AppError("VALIDATION", PASSWORD_CONTAINS_EMAIL, { password: [PASSWORD_CONTAINS_EMAIL] });
  }
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    // The e-mail cannot change, but the row may have gone between the read and here.
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", NO_SUCH_USER);
    await appendAudit(tx, actor, {
      action: "user.password_reset",
      entityType: "User",
      entityId: userId,
      after: { sessionsEnded: true },
    });
    return { id: userId, email: user.email };
  });
}
