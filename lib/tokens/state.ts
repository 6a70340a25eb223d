import type { RoleName } from "@/lib/permissions";

// A token's state as the API sees it (lib/api/route.ts): revoked first, then expired at expiresAt,
// then its creator's account: a token made by a person works only while that person is enabled and
// still has the role they made it with (docs/security/tokens.md). No creator: the command line.
// A token that acts for a person (userId) carries that person's role: it works only while they are
// enabled and still have the role the token was made with (role).
export type TokenState =
  "active" | "expired" | "revoked" | "creator-disabled" | "creator-role-changed" | "user-disabled" | "user-role-changed";

export interface TokenForState {
  revokedAt: Date | null;
  expiresAt: Date | null;
  creatorRole?: RoleName | null;
  createdBy?: { role: RoleName; disabledAt: Date | null } | null;
  role?: RoleName;
  user?: { role: RoleName; disabledAt: Date | null } | null;
}

export function tokenState(token: TokenForState, now = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  if (token.createdBy) {
    if (token.createdBy.disabledAt) return "creator-disabled";
    if (token.creatorRole !== token.createdBy.role) return "creator-role-changed";
  }
  if (token.user) {
    if (token.user.disabledAt) return "user-disabled";
    if (token.role !== token.user.role) return "user-role-changed";
  }
  return "active";
}

/** Why a token that is not active is refused (401), and what to do about it. */
export function refusalMessage(
  state: Exclude<TokenState, "active">,
  token: {
    creatorRole?: RoleName | null;
    createdBy?: { email: string; role: RoleName } | null;
    role?: RoleName;
    user?: { email: string; role: RoleName } | null;
  },
): string {
  const next = "Ask an admin for a new token.";
  switch (state) {
    case "revoked":
      return `This API token was revoked. ${next}`;
    case "expired":
      return `This API token has expired. ${next}`;
    case "creator-disabled":
      return `This API token was created by ${token.createdBy!.email}, whose account is disabled, so it no longer works. ${next}`;
    case "creator-role-changed":
      return `This API token was created by ${token.createdBy!.email} as ${token.creatorRole ?? "an unknown role"}, and they are now ${token.createdBy!.role}, so it no longer works. ${next}`;
    case "user-disabled":
      return `This API token acts for ${token.user!.email}, whose account is disabled, so it no longer works. ${next}`;
    case "user-role-changed":
      return `This API token acts for ${token.user!.email} as ${token.role ?? "an unknown role"}, and they are now ${token.user!.role}, so it no longer works. ${next}`;
  }
}
