import assert from "node:assert/strict";
import { test } from "node:test";
import { userPrincipal } from "@/lib/auth/principal";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { renameUser, resetPassword } from "@/lib/users/account";
import { appError, parseBody, scratchUser } from "@/lib/testing/scratch";
import { renameUserSchema, resetPasswordSchema } from "@/lib/validations/user";
import { PASSWORD_CONTAINS_EMAIL } from "@/lib/validations/password";

// Issue 14, item 8: an admin renames a user and resets their password. Bad input is refused with a
// clear message and writes nothing; each change is audited in its own transaction; a reset raises
// the session version that ends the user's sessions (lib/auth/session.ts).

const snapshot = async (id: string) => ({
  user: await db.user.findUniqueOrThrow({ where: { id }, select: { name: true, passwordHash: true, sessionVersion: true } }),
  audit: await db.auditLogEntry.count({ where: { entityId: id } }),
});

test("renaming: a blank or over-long name is refused and changes nothing; a new name is saved with its audit entry", async () => {
  const admin = userPrincipal(await scratchUser("ADMIN"));
  const user = await scratchUser("ENGINEER");
  const before = await snapshot(user.id);

  assert.throws(() => parseBody(renameUserSchema, { userId: user.id, name: "   " }), appError("VALIDATION", /Enter a name\./));
  assert.throws(() => parseBody(renameUserSchema, { userId: user.id, name: "x".repeat(121) }), appError("VALIDATION", /at most 120/));
  assert.throws(() => parseBody(renameUserSchema, { userId: "not-an-id", name: "Ada" }), appError("VALIDATION", /Unknown user\./));
  await assert.rejects(
    renameUser("00000000-0000-4000-8000-00000000dead", "Ada", admin),
    appError("NOT_FOUND", "That user does not exist."),
  );
  assert.deepEqual(await snapshot(user.id), before);

  const { name } = parseBody(renameUserSchema, { userId: user.id, name: "  Ada Lovelace  " });
  const renamed = await renameUser(user.id, name, admin);
  assert.equal(renamed.name, "Ada Lovelace");
  const entries = await db.auditLogEntry.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } });
  assert.deepEqual(
    entries.map((e) => [e.action, e.actorId, e.before, e.after]),
    [["user.renamed", admin.user.id, { name: user.name }, { name: "Ada Lovelace" }]],
  );
  // The same name again is no change: nothing more is written.
  await renameUser(user.id, "Ada Lovelace", admin);
  assert.equal(await db.auditLogEntry.count({ where: { entityId: user.id } }), 1);
});

test("resetting a password: one that breaks the rule is refused and changes nothing; a good one replaces the hash, ends sessions and is audited without the password", async () => {
  const admin = userPrincipal(await scratchUser("ADMIN"));
  const user = await scratchUser("ENGINEER");
  const before = await snapshot(user.id);

  assert.throws(
    () => parseBody(resetPasswordSchema, { userId: user.id, password: "short" }),
    appError("VALIDATION", /at least 12 characters/),
  );
  assert.throws(
    () => parseBody(resetPasswordSchema, { userId: user.id, password: "qwerty123456" }),
    appError("VALIDATION", /too easy to guess/),
  );
  const local = user.email.split("@")[0];
  await assert.rejects(resetPassword(user.id, `${local} and more words`, admin), appError("VALIDATION", PASSWORD_CONTAINS_EMAIL));
  await assert.rejects(
    resetPassword("00000000-0000-4000-8000-00000000dead", "a long enough passphrase 42", admin),
    appError("NOT_FOUND", "That user does not exist."),
  );
  assert.deepEqual(await snapshot(user.id), before);

  const password = "a long enough passphrase 42";
  await resetPassword(user.id, parseBody(resetPasswordSchema, { userId: user.id, password }).password, admin);
  const after = await snapshot(user.id);
  assert.equal(after.user.name, before.user.name);
  assert.equal(after.user.sessionVersion, before.user.sessionVersion + 1, "sessions signed in before the reset end");
  assert.equal(await verifyPassword(password, after.user.passwordHash), true);
  const entries = await db.auditLogEntry.findMany({ where: { entityId: user.id } });
  assert.deepEqual(
    entries.map((e) => [e.action, e.actorId, e.after]),
    [["user.password_reset", admin.user.id, { sessionsEnded: true }]],
  );
  assert.doesNotMatch(JSON.stringify(entries.map((e) => [e.before, e.after])), /passphrase|scrypt/);
});
