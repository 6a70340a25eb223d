import { db, type Tx } from "@/lib/db";
import { generateToken } from "@/lib/auth/tokens";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { readOnlyRoles, ROLE_LABELS, scopesBeyondRole, type RoleName } from "@/lib/permissions";
import { WIDE_TOKEN_REFUSALS } from "@/lib/validations/token";

// API tokens, shared by Settings → API tokens (server actions) and `npm run token:create`.
// Only the SHA-256 of the secret is stored. The secret is returned to the caller once and never
// written anywhere else: not to the audit log, not to the server log.

export interface NewToken {
  name: string;
  /** The token's role; ignored when it acts for a person (it then has theirs). */
  role?: RoleName;
  /** The person the token acts for (segregation of duties: its uploads and reviews are theirs). */
  actsFor?: { userId: string } | { email: string } | null;
  scopes: string[];
  expiresAt: Date | null;
  /** Whether an ADMIN token was asked for explicitly (checked here for a person's role). */
  allowAdmin?: boolean;
}

const refused = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/** The person a token will act for, enabled, and the role that gives it. */
async function resolveActsFor(tx: Tx, input: NewToken) {
  if (!input.actsFor) {
    if (!input.role) throw refused("role", "Choose the token's role, or a person for it to act for.");
    // An auditor reads the periods given to them (lib/auth/scope.ts): a token with their role and
    // no person would read nothing at all, so it is refused rather than made.
    if (readOnlyRoles().includes(input.role)) {
      throw refused(
        "role",
        `An ${ROLE_LABELS[input.role]} token must act for an auditor: choose the person, and it reads the audit periods given to them.`,
      );
    }
    return { userId: null, role: input.role, email: null };
  }
  const where = "userId" in input.actsFor ? { id: input.actsFor.userId } : { email: input.actsFor.email.toLowerCase() };
  const user = await tx.user.findUnique({ where, select: { id: true, email: true, role: true, disabledAt: true } });
  if (!user) throw refused("actsFor", "There is no such user: choose a person from the list (or check the e-mail address).");
  if (user.disabledAt) throw refused("actsFor", `${user.email} is disabled: a token cannot act for a disabled account.`);
  if (user.role === "ADMIN" && !input.allowAdmin) throw refused("allowAdmin", WIDE_TOKEN_REFUSALS.admin);
  const lacking = scopesBeyondRole(user.role, input.scopes);
  if (lacking.length) {
    throw refused(
      "scopes",
      `${user.email} is ${ROLE_LABELS[user.role]}, which does not have ${lacking.join(", ")}: a scope can only narrow the person's role. Untick ${lacking.length > 1 ? "them" : "it"}.`,
    );
  }
  return { userId: user.id, role: user.role as RoleName, email: user.email };
}

const utc = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export async function createToken(input: NewToken, { actor }: Principal) {
  const { secret, hash, prefix } = generateToken();
  const token = await db.$transaction(async (tx) => {
    const actsFor = await resolveActsFor(tx, input);
    const token = await tx.apiToken.create({
      include: { user: { select: { email: true } } },
      data: {
        name: input.name,
        role: actsFor.role,
        userId: actsFor.userId,
        scopes: input.scopes,
        tokenHash: hash,
        prefix,
        expiresAt: input.expiresAt,
        createdById: actor.kind === "user" ? actor.id : null,
        // The token works only while its creator keeps this role (lib/tokens/state.ts).
        creatorRole: actor.kind === "user" ? (actor.role as RoleName) : null,
      },
    });
    await appendAudit(tx, actor, {
      action: "token.created",
      entityType: "ApiToken",
      entityId: token.id,
      after: {
        name: token.name,
        role: token.role,
        scopes: token.scopes,
        prefix,
        expiresAt: token.expiresAt,
        creatorRole: token.creatorRole,
        actsFor: actsFor.email,
      },
    });
    return token;
  });
  return { id: token.id, name: token.name, role: token.role, prefix, secret, actsFor: token.userId ? token.user?.email : null };
}

export async function revokeToken(tokenId: string, { actor }: Principal) {
  return db.$transaction(async (tx) => {
    // The conditional update makes two concurrent revocations record one revocation, not two.
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt } });
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) throw new AppError("NOT_FOUND", "That token does not exist. Reload the page to see the current tokens.");
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        `The token "${token.name}" was already revoked on ${utc(token.revokedAt!)}; nothing changed. Reload the page to see its current state.`,
      );
    }
    await appendAudit(tx, actor, {
      action: "token.revoked",
      entityType: "ApiToken",
      entityId: token.id,
      before: { revokedAt: null },
      after: { name: token.name, prefix: token.prefix, revokedAt },
    });
    return { id: token.id, name: token.name, prefix: token.prefix };
  });
}
