import { db, type Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import type { RoleName } from "@/lib/permissions";
import { PASSWORD_CONTAINS_EMAIL, passwordMatchesEmail } from "@/lib/validations/password";

// User management, shared by Settings (server actions) and `npm run user:create`.
// Users are never deleted: disabling keeps their history and audit entries.

const publicUser = (u: { id: string; email: string; name: string; role: string; disabledAt: Date | null }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: Boolean(u.disabledAt),
});

type NewUser = { name: string; email: string; role: RoleName; password: string };

export async function createUser(input: NewUser, { actor }: Principal) {
  return insertUser(input, { action: "user.created", actor: () => actor, after: publicUser });
}

type UserRow = { id: string; email: string; name: string; role: RoleName; disabledAt: Date | null };

/** How the insert is audited: the action, who acted (given the new row), and what is recorded. */
type InsertAudit = { action: string; actor: (user: UserRow) => Actor; after: (user: UserRow) => object };

/**
 * Checks the password, hashes it (outside the transaction: it is slow on purpose), then inserts the
 * user and its audit entry in one transaction. `beforeInsert` runs first inside that transaction.
 */
async function insertUser(input: NewUser, audit: InsertAudit, beforeInsert?: (tx: Tx) => Promise<void>) {
  if (passwordMatchesEmail(input.password, input.email)) {
    throw new AppError("VALIDATION", PASSWORD_CONTAINS_EMAIL, { password: [PASSWORD_CONTAINS_EMAIL] });
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await beforeInsert?.(tx);
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new AppError("CONFLICT", `A user with the e-mail ${input.email} already exists.`, {
        email: ["This e-mail is already in use."],
      });
    }
    const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash } });
    await appendAudit(tx, audit.actor(user), { action: audit.action, entityType: "User", entityId: user.id, after: audit.after(user) });
    return publicUser(user);
  });
}

export const SETUP_ALREADY_DONE = "Setup is already done: an account exists. Sign in instead.";

/**
 * The first administrator, made by the first-run setup page. The "no user yet" check and the insert
 * run under one advisory lock in one transaction, so two racing setups make one admin; the loser
 * gets a FORBIDDEN AppError. Audited as `setup.first_admin_created` by the new admin, as it always was.
 */
export function createFirstAdmin(input: Omit<NewUser, "role">) {
  const audit: InsertAudit = {
    action: "setup.first_admin_created",
    actor: (user) => ({ kind: "user", id: user.id, email: user.email, role: user.role }),
    after: (user) => ({ email: user.email, name: user.name, role: user.role }),
  };
  return insertUser({ ...input, role: "ADMIN" }, audit, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707372)`;
    if ((await tx.user.count()) > 0) throw new AppError("FORBIDDEN", SETUP_ALREADY_DONE);
  });
}

async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const admins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (admins === 0) throw new AppError("CONFLICT", "This is the last active admin: make someone else an admin first.");
}

export async function changeRole(userId: string, role: RoleName, { actor }: Principal) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707373)`;
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (before.role === role) return publicUser(before);
    if (before.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    const after = await tx.user.update({ where: { id: userId }, data: { role } });
    await appendAudit(tx, actor, {
      action: "user.role_changed",
      entityType: "User",
      entityId: userId,
      before: { role: before.role },
      after: { role },
    });
    return publicUser(after);
  });
}

export async function setDisabled(userId: string, disabled: boolean, { actor }: Principal) {
  if (disabled && actor.id === userId) throw new AppError("CONFLICT", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707373)`;
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (Boolean(before.disabledAt) === disabled) return publicUser(before);
    if (disabled && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    const after = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    await appendAudit(tx, actor, {
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "User",
      entityId: userId,
      before: { disabled: !disabled },
      after: { disabled },
    });
    return publicUser(after);
  });
}
