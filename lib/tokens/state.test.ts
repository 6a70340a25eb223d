import { test } from "node:test";
import assert from "node:assert/strict";
import { refusalMessage, tokenState } from "@/lib/tokens/state";

const now = new Date("2026-03-01T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

test("tokenState: active without expiry or before it, expired from expiresAt on, revoked above all", () => {
  assert.equal(tokenState({ revokedAt: null, expiresAt: null }, now), "active");
  assert.equal(tokenState({ revokedAt: null, expiresAt: at("2026-03-01T12:00:00.001Z") }, now), "active");
  assert.equal(tokenState({ revokedAt: null, expiresAt: at("2026-03-01T12:00:00.000Z") }, now), "expired");
  assert.equal(tokenState({ revokedAt: null, expiresAt: at("2026-02-01T00:00:00.000Z") }, now), "expired");
  assert.equal(tokenState({ revokedAt: at("2026-02-01T00:00:00.000Z"), expiresAt: null }, now), "revoked");
  assert.equal(tokenState({ revokedAt: at("2026-02-01T00:00:00.000Z"), expiresAt: at("2026-01-01T00:00:00.000Z") }, now), "revoked");
});

test("tokenState: a person's token works only while they are enabled and keep the role they made it with", () => {
  const base = { revokedAt: null, expiresAt: null, creatorRole: "ADMIN" as const };
  assert.equal(tokenState({ ...base, createdBy: { role: "ADMIN", disabledAt: null } }, now), "active");
  assert.equal(tokenState({ ...base, createdBy: { role: "ADMIN", disabledAt: at("2026-02-01T00:00:00.000Z") } }, now), "creator-disabled");
  assert.equal(tokenState({ ...base, createdBy: { role: "COMPLIANCE_LEAD", disabledAt: null } }, now), "creator-role-changed");
  assert.equal(tokenState({ ...base, creatorRole: null, createdBy: { role: "ADMIN", disabledAt: null } }, now), "creator-role-changed");
  // The command line's tokens have no creator to lose; revoked and expired still come first.
  assert.equal(tokenState({ revokedAt: null, expiresAt: null, creatorRole: null, createdBy: null }, now), "active");
  assert.equal(tokenState({ ...base, revokedAt: now, createdBy: { role: "ENGINEER", disabledAt: now } }, now), "revoked");
});

test("refusalMessage says why and what to do", () => {
  const createdBy = { email: "ana@example.test", role: "ENGINEER" as const };
  assert.equal(
    refusalMessage("creator-role-changed", { creatorRole: "ADMIN", createdBy }),
    "This API token was created by ana@example.test as ADMIN, and they are now ENGINEER, so it no longer works. Ask an admin for a new token.",
  );
  assert.match(refusalMessage("creator-disabled", { createdBy }), /whose account is disabled.*Ask an admin for a new token\.$/);
  assert.match(refusalMessage("revoked", {}), /revoked/);
  assert.match(refusalMessage("expired", {}), /expired/);
});

test("tokenState: a token acting for a person works only while that person is enabled and keeps the token's role", () => {
  const base = { revokedAt: null, expiresAt: null, creatorRole: null, createdBy: null, role: "COMPLIANCE_LEAD" as const };
  assert.equal(tokenState({ ...base, user: { role: "COMPLIANCE_LEAD", disabledAt: null } }, now), "active");
  assert.equal(tokenState({ ...base, user: { role: "COMPLIANCE_LEAD", disabledAt: now } }, now), "user-disabled");
  assert.equal(tokenState({ ...base, user: { role: "ENGINEER", disabledAt: null } }, now), "user-role-changed");
  assert.equal(tokenState({ ...base, revokedAt: now, user: { role: "ENGINEER", disabledAt: now } }, now), "revoked");
  assert.equal(
    refusalMessage("user-role-changed", { role: "COMPLIANCE_LEAD", user: { email: "ana@example.test", role: "ENGINEER" } }),
    "This API token acts for ana@example.test as COMPLIANCE_LEAD, and they are now ENGINEER, so it no longer works. Ask an admin for a new token.",
  );
});
