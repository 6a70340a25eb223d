import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { TOKEN_PREFIX, generateToken, hashToken, parseExpiry } from "@/lib/auth/tokens";

test("generateToken: att_ prefix, 32 random bytes, SHA-256 hash, a short display prefix", () => {
  const { secret, hash, prefix } = generateToken();
  assert.equal(TOKEN_PREFIX, "att_");
  assert.match(secret, /^att_[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(secret.slice(4), "base64url").length, 32);
  assert.equal(hash, createHash("sha256").update(secret).digest("hex"));
  assert.equal(hash, hashToken(secret));
  assert.equal(prefix, secret.slice(0, 10));
  assert.ok(!hash.includes(secret.slice(4)), "the hash does not contain the secret");
  const other = generateToken();
  assert.notEqual(other.secret, secret);
  assert.notEqual(other.hash, hash);
});

test("parseExpiry: hours, days, weeks and years from a fixed now", () => {
  const now = new Date("2026-03-01T00:00:00.000Z");
  assert.equal(parseExpiry("90d", now)?.toISOString(), "2026-05-30T00:00:00.000Z");
  assert.equal(parseExpiry("12h", now)?.toISOString(), "2026-03-01T12:00:00.000Z");
  assert.equal(parseExpiry("2w", now)?.toISOString(), "2026-03-15T00:00:00.000Z");
  assert.equal(parseExpiry("1y", now)?.toISOString(), "2027-03-01T00:00:00.000Z");
  assert.equal(parseExpiry(" 1d ", now)?.toISOString(), "2026-03-02T00:00:00.000Z");
});

test("parseExpiry: never means no expiry", () => {
  assert.equal(parseExpiry("never"), null);
});

test("parseExpiry: an invalid value is refused with an explanation", () => {
  for (const bad of ["", "90", "d", "90 days", "-1d", "1.5d", "90m", "12345d", "soon"]) {
    assert.throws(() => parseExpiry(bad), /is not an expiry: use a number and a unit/, `"${bad}"`);
  }
});

test("parseExpiry: zero is refused (a token must expire in the future)", () => {
  assert.throws(() => parseExpiry("0d"), /must be in the future/);
  assert.throws(() => parseExpiry("0h"), /must be in the future/);
});
