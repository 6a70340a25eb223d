import "server-only";
import { db } from "@/lib/db";
import { tokenState } from "@/lib/tokens/state";

/** Every token, newest first, for Settings → API tokens. The hash is never read here. */
export async function listTokens(now = new Date()) {
  const tokens = await db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      creatorRole: true,
      createdBy: { select: { name: true, email: true, role: true, disabledAt: true } },
      user: { select: { name: true, email: true, role: true, disabledAt: true } },
    },
  });
  return tokens.map((t) => ({ ...t, state: tokenState(t, now) }));
}

export type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

/** The people a new token may act for: enabled accounts, by name. */
export async function tokenPeople() {
  return db.user.findMany({
    where: { disabledAt: null },
    select: { id: true, name: true, email: true, role: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}

export type TokenPerson = Awaited<ReturnType<typeof tokenPeople>>[number];
