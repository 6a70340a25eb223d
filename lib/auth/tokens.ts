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

/** "90d", "12h", "1y" or "never" -> a date (or null for never). */
export function parseExpiry(value: string, now = new Date()): Date | null {
  if (value === "never") return null;
  const match = /^(\d{1,4})([hdwy])$/.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not an expiry: use a number and a unit, such as 12h, 90d, 8w or 1y, or "never".`);
  const n = Number(match[1]);
  const hours = { h: 1, d: 24, w: 24 * 7, y: 24 * 365 }[match[2] as "h" | "d" | "w" | "y"];
  if (n === 0) throw new Error("The expiry must be in the future.");
  return new Date(now.getTime() + n * hours * 3600 * 1000);
}
