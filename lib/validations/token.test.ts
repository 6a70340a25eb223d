import { test } from "node:test";
import assert from "node:assert/strict";
import { WIDE_TOKEN_REFUSALS, createTokenSchema, revokeTokenSchema } from "@/lib/validations/token";

const valid = { name: "  CI uploads  ", role: "ENGINEER", expires: "90d" };
const errorsOf = (input: unknown) => {
  const parsed = createTokenSchema.safeParse(input);
  assert.equal(parsed.success, false, "expected a refusal");
  return parsed.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("createTokenSchema: a trimmed name, the role, no scopes, and an expiry date from the choice", () => {
  const before = Date.now();
  const parsed = createTokenSchema.parse(valid);
  assert.equal(parsed.name, "CI uploads");
  assert.equal(parsed.role, "ENGINEER");
  assert.deepEqual(parsed.scopes, []);
  const days = (parsed.expiresAt!.getTime() - before) / 86_400_000;
  assert.ok(days > 89.99 && days < 90.01, `${days} days`);
  assert.equal(createTokenSchema.parse({ ...valid, expires: "never", allowNoExpiry: "on" }).expiresAt, null);
  assert.ok(Math.abs(createTokenSchema.parse({ ...valid, expires: "1y" }).expiresAt!.getTime() - before - 365 * 86_400_000) < 60_000);
});

test("createTokenSchema: scopes arrive as one field or repeated, and repeats collapse", () => {
  assert.deepEqual(createTokenSchema.parse({ ...valid, scopes: "evidence:write" }).scopes, ["evidence:write"]);
  assert.deepEqual(createTokenSchema.parse({ ...valid, scopes: ["controls:read", "evidence:write", "controls:read"] }).scopes, [
    "controls:read",
    "evidence:write",
  ]);
});

test("createTokenSchema: a name is required and at most 100 characters", () => {
  assert.match(errorsOf({ ...valid, name: "   " }).join("\n"), /^name: Enter a name for the token/);
  assert.match(errorsOf({ ...valid, name: "x".repeat(101) }).join("\n"), /^name: The name is too long: use at most 100 characters\./);
  assert.equal(createTokenSchema.parse({ ...valid, name: "x".repeat(100) }).name.length, 100);
});

test("createTokenSchema: an unknown scope, or one the role does not have, is refused saying what to do", () => {
  assert.match(
    errorsOf({ ...valid, scopes: ["controls:delete"] }).join("\n"),
    /"controls:delete" is not a permission: choose scopes from the list/,
  );
  assert.match(errorsOf({ ...valid, scopes: ["controls:*"] }).join("\n"), /is not a permission/);
  assert.deepEqual(errorsOf({ ...valid, role: "AUDITOR", scopes: ["controls:read", "controls:write", "evidence:write"] }), [
    "scopes: The Auditor role does not have controls:write, evidence:write: a scope can only narrow a token's role. Untick them, or choose a role that has them.",
  ]);
  assert.deepEqual(errorsOf({ ...valid, role: "COMPLIANCE_LEAD", scopes: "tokens:manage" }), [
    "scopes: The Compliance lead role does not have tokens:manage: a scope can only narrow a token's role. Untick it, or choose a role that has it.",
  ]);
  assert.deepEqual(createTokenSchema.parse({ ...valid, role: "ADMIN", allowAdmin: "on", scopes: "tokens:manage" }).scopes, [
    "tokens:manage",
  ]);
});

test("createTokenSchema: a custom expiry is a real date after today, at 00:00 UTC", () => {
  const tomorrow = isoDate(1);
  assert.equal(
    createTokenSchema.parse({ ...valid, expires: "custom", expiresOn: tomorrow }).expiresAt?.toISOString(),
    `${tomorrow}T00:00:00.000Z`,
  );
  assert.match(errorsOf({ ...valid, expires: "custom" }).join("\n"), /^expiresOn: Choose the date the token expires/);
  assert.match(
    errorsOf({ ...valid, expires: "custom", expiresOn: isoDate(0) }).join("\n"),
    /^expiresOn: The expiry date must be in the future/,
  );
  assert.match(errorsOf({ ...valid, expires: "custom", expiresOn: "2020-01-01" }).join("\n"), /must be in the future/);
  assert.match(
    errorsOf({ ...valid, expires: "custom", expiresOn: "2030-02-30" }).join("\n"),
    /^expiresOn: Enter the expiry date as YYYY-MM-DD/,
  );
  assert.match(errorsOf({ ...valid, expires: "45d" }).join("\n"), /^expires: Choose when the token expires/);
  // A date sent without "custom" is ignored: the choice decides.
  assert.equal(createTokenSchema.parse({ ...valid, expires: "never", allowNoExpiry: "on", expiresOn: "2020-01-01" }).expiresAt, null);
});

test("revokeTokenSchema: a token id is a UUID", () => {
  assert.equal(revokeTokenSchema.safeParse({ tokenId: "not-a-uuid" }).success, false);
  assert.equal(revokeTokenSchema.safeParse({ tokenId: "0b6c2b8e-6a8f-4f5e-9d3a-1c2b3d4e5f60" }).success, true);
});

test("createTokenSchema: an Admin token or one without an expiry needs its box ticked, server-side", () => {
  assert.deepEqual(errorsOf({ ...valid, role: "ADMIN" }), [`allowAdmin: ${WIDE_TOKEN_REFUSALS.admin}`]);
  assert.deepEqual(errorsOf({ ...valid, expires: "never" }), [`allowNoExpiry: ${WIDE_TOKEN_REFUSALS.noExpiry}`]);
  assert.deepEqual(errorsOf({ ...valid, role: "ADMIN", expires: "never", allowAdmin: "false" }), [
    `allowAdmin: ${WIDE_TOKEN_REFUSALS.admin}`,
    `allowNoExpiry: ${WIDE_TOKEN_REFUSALS.noExpiry}`,
  ]);
  const wide = createTokenSchema.parse({ ...valid, role: "ADMIN", expires: "never", allowAdmin: "on", allowNoExpiry: "on" });
  assert.equal(wide.role, "ADMIN");
  assert.equal(wide.expiresAt, null);
});

test("createTokenSchema: a token acting for a person takes no role from the form (the person's is used by the server)", () => {
  const person = "6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
  const parsed = createTokenSchema.parse({ name: "Ana's CLI", actsFor: person, expires: "30d" });
  assert.deepEqual(parsed.actsFor, { userId: person });
  assert.equal(parsed.role, undefined);
  // A role sent alongside is not the token's: the person's is.
  assert.equal(createTokenSchema.parse({ ...valid, actsFor: person }).role, undefined);
  // No one chosen: the role is required.
  assert.equal(createTokenSchema.parse({ ...valid, actsFor: "" }).actsFor, null);
  assert.match(errorsOf({ name: "x", expires: "30d" }).join("\n"), /^role: Choose the token's role, or a person/);
  assert.match(errorsOf({ ...valid, actsFor: "not-a-uuid" }).join("\n"), /^actsFor: Choose a person from the list/);
});
