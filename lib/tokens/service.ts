import { db } from "@/lib/db";
import { generateToken } from "@/lib/auth/tokens";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import { AppError } from "@/lib/errors";
import type { RoleName } from "@/lib/permissions";

// API tokens, shared by Settings → API tokens (server actions) and `npm run token:create`.
// Only the SHA-256 of the secret is stored. The secret is returned to the caller once and never
// written anywhere else: not to the audit log, not to the server log.

export interface NewToken {
  name: string;
  role: RoleName;
  scopes: string[];
  expiresAt: Date | null;
}

const utc = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export async function createToken(input: NewToken, actor: Actor) {
  const { secret, hash, prefix } = generateToken();
  const token = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        name: input.name,
        role: input.role,
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
      },
    });
    return token;
  });
  return { id: token.id, name: token.name, role: token.role, prefix, secret };
}

export async function revokeToken(tokenId: string, actor: Actor) {
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
