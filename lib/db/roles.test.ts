import assert from "node:assert/strict";
import { test } from "node:test";
import { privilegeWarning } from "@/lib/db/roles";

test("npm start warns when the app would connect as a superuser or as the owner of its tables", () => {
  const superuser = privilegeWarning({ user: "postgres", superuser: true, ownsSchema: true });
  assert.match(superuser ?? "", /^WARNING: the app connects to PostgreSQL as "postgres", a superuser\./);
  assert.match(superuser ?? "", /ATTEST_MIGRATION_DATABASE_URL/);
  const owner = privilegeWarning({ user: "attest", superuser: false, ownsSchema: true });
  assert.match(owner ?? "", /as "attest", the owner of its tables/);
  assert.equal(privilegeWarning({ user: "attest_app", superuser: false, ownsSchema: false }), null);
});
