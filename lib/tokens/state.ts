// A token's state as the API sees it (lib/api/route.ts): revoked first, then expired at expiresAt.
export type TokenState = "active" | "expired" | "revoked";

export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}
