import { test } from "node:test";
import assert from "node:assert/strict";
import { accessSummary, credentialFlags, parseIamCredentials, reportedTime } from "@/lib/access-reviews/iam-credentials";
import { credentialFacts, describeTime } from "@/lib/access-reviews/credential-facts";
import { IAM_REPORT_HEADER } from "@/e2e/support/iam-report";

// The flags against a fixed reference time (the import's), at the 90-day edges.

const AS_OF = new Date("2026-12-07T12:00:00Z");
const ago = (days: number, hours = 0) =>
  new Date(AS_OF.getTime() - (days * 24 + hours) * 3_600_000).toISOString().replace(".000Z", "+00:00");

/** A row of the 22 columns: AWS's "not in use" values, then the given cells. */
function row(cells: Record<string, string>) {
  const raw: Record<string, string> = {};
  for (const column of IAM_REPORT_HEADER.split(","))
    raw[column] = column.endsWith("_active") || column === "password_enabled" ? "false" : "N/A";
  return { ...raw, user_creation_time: ago(400), ...cells };
}
const read = (cells: Record<string, string>) => {
  const { credentials, problems } = parseIamCredentials(row(cells));
  assert.deepEqual(problems, []);
  return credentials;
};
const flags = (cells: Record<string, string>) => credentialFlags(read(cells), AS_OF);

test("root: console access follows its recorded sign-in (password_enabled is not_supported); always flagged as root", () => {
  const root = {
    user: "<root_account>",
    arn: "arn:aws:iam::123456789012:root",
    password_enabled: "not_supported",
    password_last_changed: "not_supported",
    password_next_rotation: "not_supported",
    mfa_active: "true",
  };
  const signedIn = read({ ...root, password_last_used: ago(3) });
  assert.equal(signedIn.root, true);
  assert.equal(signedIn.console.access, true);
  assert.equal(accessSummary(signedIn), "console");
  assert.deepEqual(credentialFlags(signedIn, AS_OF), ["ROOT_ACCOUNT"]);
  // No MFA: flagged whether or not a sign-in is recorded (AWS does not report root's password).
  assert.deepEqual(flags({ ...root, password_last_used: ago(3), mfa_active: "false" }), ["ROOT_ACCOUNT", "NO_MFA_WITH_CONSOLE"]);
  const never = read({ ...root, password_last_used: "N/A", mfa_active: "false" });
  assert.equal(never.console.access, false);
  assert.equal(accessSummary(never), "root: no sign-in recorded, no active key");
  assert.deepEqual(credentialFlags(never, AS_OF), ["ROOT_ACCOUNT", "NEVER_USED", "UNUSED_90_DAYS", "NO_MFA_WITH_CONSOLE"]);
  assert.equal(credentialFacts(signedIn, AS_OF)[0].value, `root sign-in, last used ${ago(3).slice(0, 10)} (3 days before the import)`);
});

test("never used: a live credential with no recorded use; a new one is not yet unused for 90 days", () => {
  const user = { user: "alice", arn: "arn:aws:iam::1:user/alice", mfa_active: "true" };
  // A key created 10 days ago, never used: never used, not yet 90 days.
  assert.deepEqual(flags({ ...user, access_key_1_active: "true", access_key_1_last_rotated: ago(10) }), ["NEVER_USED"]);
  // Created 200 days ago and never used: both, and the key is old.
  assert.deepEqual(flags({ ...user, access_key_1_active: "true", access_key_1_last_rotated: ago(200) }), [
    "NEVER_USED",
    "UNUSED_90_DAYS",
    "KEY_OLDER_THAN_90_DAYS",
  ]);
  // A console password used yesterday, but key 2 active and never used: the unused key is flagged.
  assert.deepEqual(
    flags({
      ...user,
      password_enabled: "true",
      password_last_used: ago(1),
      password_last_changed: ago(30),
      access_key_2_active: "true",
      access_key_2_last_rotated: ago(5),
    }),
    ["NEVER_USED"],
  );
  // no_information: no use since AWS began tracking, so never used (and long unused).
  assert.deepEqual(flags({ ...user, password_enabled: "true", password_last_used: "no_information", password_last_changed: ago(20) }), [
    "NEVER_USED",
  ]);
  assert.deepEqual(flags({ ...user, password_enabled: "true", password_last_used: "no_information", password_last_changed: "N/A" }), [
    "NEVER_USED",
    "UNUSED_90_DAYS",
  ]);
  // No credential at all and no recorded use.
  assert.deepEqual(flags(user), ["NEVER_USED", "UNUSED_90_DAYS"]);
  assert.equal(accessSummary(read(user)), "no active credentials");
});

test("unused for 90 days and key older than 90 days: 90 days or more before the import", () => {
  const svc = { user: "svc", arn: "arn:aws:iam::1:user/svc", mfa_active: "false", access_key_1_active: "true" };
  assert.deepEqual(flags({ ...svc, access_key_1_last_rotated: ago(89, 23), access_key_1_last_used_date: ago(89, 23) }), []);
  assert.deepEqual(flags({ ...svc, access_key_1_last_rotated: ago(90), access_key_1_last_used_date: ago(90) }), [
    "UNUSED_90_DAYS",
    "KEY_OLDER_THAN_90_DAYS",
  ]);
  assert.deepEqual(flags({ ...svc, access_key_1_last_rotated: ago(400), access_key_1_last_used_date: ago(2) }), ["KEY_OLDER_THAN_90_DAYS"]);
  // An inactive key is neither old nor unused; with no live credential, the last recorded use counts.
  assert.deepEqual(
    flags({ ...svc, access_key_1_active: "false", access_key_1_last_rotated: ago(400), access_key_1_last_used_date: ago(5) }),
    [],
  );
  assert.deepEqual(
    flags({ ...svc, access_key_1_active: "false", access_key_1_last_rotated: ago(400), access_key_1_last_used_date: ago(95) }),
    ["UNUSED_90_DAYS"],
  );
  // An active key whose rotation time is not given counts as old.
  assert.deepEqual(flags({ ...svc, access_key_1_last_used_date: ago(1) }), ["KEY_OLDER_THAN_90_DAYS"]);
});

test("no MFA with console access: a password and no MFA; keys alone are not console access", () => {
  const u = { user: "bob", arn: "arn:aws:iam::1:user/bob", password_last_changed: ago(10) };
  assert.deepEqual(flags({ ...u, password_enabled: "true", password_last_used: ago(2), mfa_active: "false" }), ["NO_MFA_WITH_CONSOLE"]);
  assert.deepEqual(flags({ ...u, password_enabled: "true", password_last_used: ago(2), mfa_active: "true" }), []);
  assert.equal(
    accessSummary(read({ ...u, password_enabled: "true", password_last_used: ago(2), mfa_active: "false" })),
    "console (no MFA)",
  );
  assert.deepEqual(
    flags({
      ...u,
      mfa_active: "false",
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(3),
      access_key_1_last_used_date: ago(1),
    }),
    [],
  );
});

test("cells that are neither AWS's words nor times are problems naming their column; facts read as AWS wrote them", () => {
  const { problems } = parseIamCredentials(row({ user: "x", arn: "a", mfa_active: "yes", access_key_1_last_used_date: "2026-13-45" }));
  assert.deepEqual(problems, [
    "mfa_active: “yes” is not true or false.",
    "access_key_1_last_used_date: “2026-13-45” is neither an ISO 8601 time nor N/A, no_information, not_supported.",
  ]);
  assert.equal(reportedTime("N/A"), null);
  assert.equal(reportedTime("2026-11-25T09:00:00+00:00")?.toISOString(), "2026-11-25T09:00:00.000Z");
  assert.equal(describeTime("N/A", AS_OF), "never");
  assert.equal(describeTime("no_information", AS_OF), "no use recorded (not tracked by AWS)");
  const facts = credentialFacts(
    read({
      user: "ci",
      arn: "arn:aws:iam::1:user/ci",
      mfa_active: "false",
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(120),
      access_key_1_last_used_date: ago(100),
      access_key_1_last_used_region: "us-east-1",
      access_key_1_last_used_service: "bedrock",
    }),
    AS_OF,
  );
  assert.deepEqual(
    facts.map((f) => f.label),
    ["Console", "MFA", "Access key 1", "Created"],
  );
  assert.equal(
    facts[2].value,
    `active, created or rotated ${ago(120).slice(0, 10)} (120 days before the import), last used ${ago(100).slice(0, 10)} (100 days before the import) by bedrock in us-east-1`,
  );
});
