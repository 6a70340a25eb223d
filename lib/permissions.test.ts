import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PERMISSIONS,
  ROLES,
  ROLE_LABELS,
  can,
  isPermission,
  readOnlyRoles,
  rolesWith,
  scopesBeyondRole,
  tokenCan,
  type Permission,
} from "@/lib/permissions";

const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
const isWrite = (p: string) => !p.endsWith(":read");

test("an AUDITOR has no write permission at all, and can read everything read-only", () => {
  const writes = ALL_PERMISSIONS.filter(isWrite);
  assert.ok(writes.length >= 10, "the map has write permissions to check");
  for (const p of writes) assert.equal(can("AUDITOR", p), false, `AUDITOR must not have ${p}`);
  for (const p of ALL_PERMISSIONS.filter((p) => p.endsWith(":read"))) assert.equal(can("AUDITOR", p), true, `AUDITOR reads ${p}`);
  // And no token can widen that: a token's scopes only narrow its role.
  for (const p of writes) assert.equal(tokenCan("AUDITOR", [p], p), false, `AUDITOR token scoped to ${p}`);
  assert.equal(tokenCan("AUDITOR", ["controls:*"], "controls:write"), false);
});

test("can: ADMIN has everything; no role means nothing", () => {
  for (const p of ALL_PERMISSIONS) {
    assert.equal(can("ADMIN", p), true, p);
    assert.equal(can(null, p), false, p);
    assert.equal(can(undefined, p), false, p);
  }
  assert.equal(can("ENGINEER", "controls:write"), false);
  assert.equal(can("ENGINEER", "evidence:write"), true);
  assert.equal(can("COMPLIANCE_LEAD", "users:manage"), false);
});

test("tokenCan: no scopes means the role's permissions; scopes narrow them", () => {
  assert.equal(tokenCan("COMPLIANCE_LEAD", [], "controls:write"), true);
  assert.equal(tokenCan("COMPLIANCE_LEAD", ["controls:read"], "controls:read"), true);
  assert.equal(tokenCan("COMPLIANCE_LEAD", ["controls:read"], "controls:write"), false);
  assert.equal(tokenCan("COMPLIANCE_LEAD", ["controls:read"], "evidence:read"), false);
  assert.equal(tokenCan("COMPLIANCE_LEAD", ["controls:*"], "controls:write"), true);
  assert.equal(tokenCan("COMPLIANCE_LEAD", ["controls:*"], "evidence:write"), false);
  assert.equal(tokenCan("ENGINEER", ["evidence:write", "changes:write"], "changes:write"), true);
  // A scope never grants what the role lacks.
  assert.equal(tokenCan("ENGINEER", ["controls:write"], "controls:write"), false);
  assert.equal(tokenCan("ENGINEER", ["users:manage"], "users:manage"), false);
});

test("every permission lists only known roles, without duplicates, and at least ADMIN", () => {
  const known = new Set<string>(ROLES);
  for (const [permission, roles] of Object.entries(PERMISSIONS)) {
    assert.match(permission, /^[a-z-]+:[a-z]+$/);
    assert.ok(roles.length > 0, `${permission} has roles`);
    for (const role of roles) assert.ok(known.has(role), `${permission} lists unknown role ${role}`);
    assert.equal(new Set(roles).size, roles.length, `${permission} lists a role twice`);
    assert.ok((roles as readonly string[]).includes("ADMIN"), `${permission} includes ADMIN`);
  }
  assert.deepEqual(Object.keys(ROLE_LABELS).sort(), [...ROLES].sort());
});

test("isPermission recognises exactly the map's keys", () => {
  for (const p of ALL_PERMISSIONS) assert.equal(isPermission(p), true);
  for (const bad of ["controls:delete", "controls:*", "", "toString", "__proto__", "constructor"])
    assert.equal(isPermission(bad), false, bad);
});

test("rolesWith lists the roles the map gives a permission; readOnlyRoles are those that write nothing", () => {
  assert.deepEqual(rolesWith("access-reviews:decide"), ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"]);
  assert.deepEqual(rolesWith("users:manage"), ["ADMIN"]);
  assert.deepEqual(rolesWith("audit-log:read"), ["ADMIN", "COMPLIANCE_LEAD", "AUDITOR"]);
  for (const p of ALL_PERMISSIONS) assert.deepEqual(rolesWith(p), [...PERMISSIONS[p]], p);
  assert.deepEqual(readOnlyRoles(), ["AUDITOR"]);
});

test("scopesBeyondRole names the scopes a role lacks (a scope only narrows a role)", () => {
  assert.deepEqual(scopesBeyondRole("ENGINEER", ["evidence:write", "controls:write", "users:manage"]), ["controls:write", "users:manage"]);
  assert.deepEqual(scopesBeyondRole("ADMIN", ["controls:write"]), []);
  assert.deepEqual(scopesBeyondRole("AUDITOR", []), []);
  // Wildcards: within the role when it has some permission on the resource, beyond it otherwise.
  assert.deepEqual(scopesBeyondRole("ENGINEER", ["evidence:*", "changes:*", "users:*", "nothing:*"]), ["users:*", "nothing:*"]);
  assert.deepEqual(scopesBeyondRole("AUDITOR", ["audit-log:*", "tokens:*"]), ["tokens:*"]);
  assert.deepEqual(scopesBeyondRole("ADMIN", ["settings:*"]), []);
});
