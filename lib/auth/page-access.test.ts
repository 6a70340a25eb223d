import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES } from "../../e2e/endpoints";
import { PAGE_PERMISSIONS, mayFollow, pagePermission } from "@/lib/auth/page-access";
import { userPrincipal } from "@/lib/auth/principal";

// The links' permissions must say what the pages' own guards say: the authorization walk's table
// (e2e/endpoints) is what the walk proves of every page with every role.

test("every page needing more than a read permission is in PAGE_PERMISSIONS with the walk's permission, and no other", () => {
  const needsMore = Object.entries(PAGES).filter(
    ([, access]) => access !== "public" && access !== "setup-only" && access !== "signed-in" && !access.endsWith(":read"),
  );
  assert.deepEqual(Object.fromEntries(needsMore), PAGE_PERMISSIONS);
});

test("links: patterns match one segment per [param]; query and fragment are ignored", () => {
  assert.equal(pagePermission("/evidence/upload?control=AI-CONF-05"), "evidence:write");
  assert.equal(pagePermission("/inventory/chat-assistant/edit"), "features:write");
  assert.equal(pagePermission("/inventory/chat-assistant"), null);
  assert.equal(pagePermission("/readiness/incident-response#plan"), "evidence:review");
  assert.equal(pagePermission("/changes?from=2026-01-01"), null);
  const auditor = userPrincipal({ id: "a", email: "a@x.test", name: "A", role: "AUDITOR" }, []);
  const lead = userPrincipal({ id: "l", email: "l@x.test", name: "L", role: "COMPLIANCE_LEAD" });
  assert.equal(mayFollow(auditor, "/evidence/upload?control=AI-CONF-05"), false);
  assert.equal(mayFollow(auditor, "/controls/AI-CONF-05"), true);
  assert.equal(mayFollow(lead, "/readiness/incident-response"), true);
});
