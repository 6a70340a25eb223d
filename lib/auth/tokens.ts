import { createHash, randomBytes } from "node:crypto";

// API tokens: `att_` + 32 random bytes. Only the SHA-256 is stored; the secret is shown once.
// A fast hash is right here (unlike passwords): the secret has 256 bits of entropy.
export const TOKEN_PREFIX = "att_";

export function generateToken(): { secret: string; hash: string; prefix: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashToken(secret), prefix: secret.slice(0, 10) };
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

// Kept apart from node:crypto so the token form can use it in the browser (a crypto polyfill there
// brings eval, which the Content-Security-Policy refuses).
export { parseExpiry } from "@/lib/auth/token-expiry";
