import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DERIVED_ACCESS,
  csvLimitProblem,
  deriveIamAccess,
  detectLayout,
  firstErrorMessage,
  checkReviewers,
  indexUsers,
  inferPrincipalKind,
  matchPrincipal,
  mapCsvRows,
  mappingProblems,
  mappingSchema,
  readCsvTable,
  reviewerProblem,
  suggestMapping,
} from "@/lib/access-reviews/csv";
import { IAM_REPORT_HEADER, iamReportLine } from "@/e2e/support/iam-report";

const iamRow = (user: string, arn: string, password: string, mfa: string, key1: string, key2 = "false") =>
  iamReportLine({
    user,
    arn,
    user_creation_time: "2025-01-01T00:00:00+00:00",
    password_enabled: password,
    mfa_active: mfa,
    access_key_1_active: key1,
    access_key_2_active: key2,
  });

const IAM_CSV = [
  IAM_REPORT_HEADER,
  // AWS reports root's password as not_supported: its console access follows password_last_used.
  iamReportLine({
    user: "<root_account>",
    arn: "arn:aws:iam::123456789012:root",
    user_creation_time: "2025-01-01T00:00:00+00:00",
    password_enabled: "not_supported",
    password_last_used: "2026-11-30T08:12:00+00:00",
    password_last_changed: "not_supported",
    password_next_rotation: "not_supported",
    mfa_active: "true",
  }),
  iamRow("alice", "arn:aws:iam::123456789012:user/alice", "true", "true", "true"),
  iamRow("ci-deployer", "arn:aws:iam::123456789012:user/ci-deployer", "false", "false", "true", "true"),
  "",
  iamRow("bob", "arn:aws:iam::123456789012:user/bob", "true", "false", "false"),
].join("\n");

test("an IAM credential report is detected and mapped: principal = user, access derived, source named", () => {
  const table = readCsvTable(IAM_CSV);
  assert.equal(detectLayout(table.header), "IAM_CREDENTIAL_REPORT");
  const mapping = suggestMapping(table.header);
  assert.equal(mapping.principal, "user");
  assert.equal(mapping.accessLevel, DERIVED_ACCESS);
  assert.equal(mapping.source, "IAM credential report");
  const { items, errors } = mapCsvRows(table, { ...mapping, resourceFixed: "AWS account 1234 / Bedrock" });
  assert.deepEqual(errors, []);
  assert.deepEqual(
    items.map((i) => [i.row, i.principal, i.principalKind, i.accessLevel, i.resource]),
    [
      [2, "<root_account>", "ROOT", "console", "AWS account 1234 / Bedrock"],
      [3, "alice", "HUMAN", "console+key1", "AWS account 1234 / Bedrock"],
      [4, "ci-deployer", "SERVICE", "key1+key2", "AWS account 1234 / Bedrock"],
      // the blank line 5 is skipped but counted
      [6, "bob", "HUMAN", "console (no MFA)", "AWS account 1234 / Bedrock"],
    ],
  );
  assert.equal(items[1].raw.arn, "arn:aws:iam::123456789012:user/alice");
  assert.equal(Object.keys(items[1].raw).length, 22, "the whole row is kept");
});

test("a full IAM report's rows keep their credential facts; a cell AWS would not write refuses its row, named", () => {
  const table = readCsvTable(IAM_CSV);
  const { items } = mapCsvRows(table, { ...suggestMapping(table.header), resourceFixed: "AWS" });
  assert.equal(items[0].credentials?.root, true);
  assert.equal(items[0].credentials?.console.access, true);
  assert.equal(items[2].credentials?.accessKeys.filter((k) => k.active).length, 2);
  const bad = [IAM_REPORT_HEADER, iamRow("eve", "arn:aws:iam::1:user/eve", "true", "maybe", "false")].join("\n");
  const mapped = mapCsvRows(readCsvTable(bad), { ...suggestMapping(table.header), resourceFixed: "AWS" });
  assert.deepEqual(mapped.items, []);
  assert.deepEqual(mapped.errors, [{ row: 2, messages: ["mfa_active: “maybe” is not true or false."] }]);
  // A file with only some of the report's columns is imported as before, without facts.
  const partial = mapCsvRows(
    readCsvTable("user,arn,password_enabled,mfa_active,access_key_1_active\nx,arn:aws:iam::1:user/x,true,true,false\n"),
    {
      ...suggestMapping(["user", "arn", "password_enabled", "mfa_active", "access_key_1_active"]),
      resourceFixed: "AWS",
    },
  );
  assert.equal(partial.items[0].credentials, null);
  assert.equal(partial.items[0].accessLevel, "console");
});

test("a generic CSV is not taken for an IAM report; columns are suggested by name", () => {
  const header = ["Principal", "Kind", "Resource", "Access level", "Reviewer"];
  assert.equal(detectLayout(header), "GENERIC");
  const m = suggestMapping(header);
  assert.deepEqual([m.principal, m.principalKind, m.resource, m.accessLevel, m.reviewer], header);
});

test("human or service: role ARNs and key-only users are services, passwords and e-mails are people", () => {
  assert.equal(inferPrincipalKind("deploy", { arn: "arn:aws:iam::1:role/deploy" }), "SERVICE");
  assert.equal(inferPrincipalKind("x", { arn: "arn:aws:iam::1:user/x", password_enabled: "true" }), "HUMAN");
  assert.equal(
    inferPrincipalKind("x", { arn: "arn:aws:iam::1:user/x", password_enabled: "false", access_key_1_active: "true" }),
    "SERVICE",
  );
  assert.equal(inferPrincipalKind("x", { arn: "arn:aws:iam::1:user/x", password_enabled: "false", access_key_1_active: "false" }), "HUMAN");
  assert.equal(inferPrincipalKind("a@b.example", {}), "HUMAN");
  assert.equal(inferPrincipalKind("svc-bot", {}), null);
});

test("every bad row is reported with its spreadsheet row number, and no item is made from it", () => {
  const csv = [
    "principal,kind,resource,access,reviewer",
    "alice@example.test,human,OpenAI key,admin,lead@example.test",
    ",human,OpenAI key,admin,",
    "svc,robotic,OpenAI key,read,",
    "bob@example.test,human,,read,not-an-email",
    "alice@example.test,human,OpenAI key,admin,",
    "too,many,cells,here,x,y",
  ].join("\r\n");
  const table = readCsvTable(csv);
  const mapping = mappingSchema.parse({
    principal: "principal",
    principalKind: "kind",
    resource: "resource",
    accessLevel: "access",
    reviewer: "reviewer",
  });
  const { items, errors } = mapCsvRows(table, mapping);
  assert.deepEqual(
    items.map((i) => [i.row, i.reviewerEmail]),
    [[2, "lead@example.test"]],
  );
  assert.deepEqual(
    errors.map((e) => e.row),
    [3, 4, 5, 6, 7],
  );
  assert.match(errors[0].messages[0], /^principal: the “principal” cell is empty/);
  assert.match(errors[1].messages[0], /neither human, service nor root/);
  assert.ok(errors[2].messages.some((m) => m.startsWith("resource:")));
  assert.ok(errors[2].messages.some((m) => m.includes("not-an-email")));
  assert.match(errors[3].messages[0], /as row 2/);
  assert.match(errors[4].messages[0], /Has 6 cells but the header has 5 columns/);
  assert.match(firstErrorMessage(errors), /^Nothing was imported: row 3: principal/);
});

test("fixed values and a default kind apply to every row", () => {
  const table = readCsvTable("login\nsvc-1\nsvc-2\n");
  const mapping = mappingSchema.parse({
    principal: "login",
    principalKindDefault: "SERVICE",
    resourceFixed: "Tool server: search",
    resourceKind: "TOOL_SERVER",
    accessLevelFixed: "invoke",
    source: "MCP registry",
  });
  const { items, errors } = mapCsvRows(table, mapping);
  assert.deepEqual(errors, []);
  assert.deepEqual(items[1], {
    row: 3,
    principal: "svc-2",
    principalKind: "SERVICE",
    resource: "Tool server: search",
    resourceKind: "TOOL_SERVER",
    accessLevel: "invoke",
    source: "MCP registry",
    reviewerEmail: null,
    raw: { login: "svc-2" },
    credentials: null,
  });
});

test("a mapping naming a missing column, or with no resource, is refused before any row", () => {
  const header = ["user", "access"];
  const mapping = mappingSchema.parse({ principal: "login", accessLevel: "access" });
  const problems = mappingProblems(header, mapping);
  assert.deepEqual(Object.keys(problems).sort(), ["principal", "resource"]);
  assert.match(problems.principal[0], /no column “login”/);
});

test("header problems are row 1; derived access; size and row limits", () => {
  assert.equal(readCsvTable("a,a\n1,2\n").errors[0].row, 1);
  assert.equal(readCsvTable("").errors[0].row, 1);
  assert.equal(deriveIamAccess({ password_enabled: "true", mfa_active: "true", access_key_1_active: "true" }), "console+key1");
  assert.equal(csvLimitProblem("a\n1\n", "x.csv"), null);
  assert.match(csvLimitProblem("a\n" + "1\n".repeat(20_001), "big.csv") ?? "", /more than 20,000 rows/);
  assert.match(csvLimitProblem("x".repeat(5 * 1024 * 1024 + 1), "huge.csv") ?? "", /limit is 5 MB/);
});

test("5,000 IAM rows all map", () => {
  const rows = Array.from({ length: 5000 }, (_, i) =>
    iamRow(`user${i}`, `arn:aws:iam::1:user/user${i}`, i % 2 ? "true" : "false", "true", "true"),
  );
  const { items, errors } = mapCsvRows(readCsvTable([IAM_REPORT_HEADER, ...rows].join("\n")), {
    ...suggestMapping(IAM_REPORT_HEADER.split(",")),
  });
  assert.equal(errors.length, 0);
  assert.equal(items.length, 5000);
});

test("principals match accounts by e-mail (any case) or a unique local part; reviewers must be enabled deciders", () => {
  const index = indexUsers([
    { id: "1", email: "alice@example.test", role: "ENGINEER", disabled: false },
    { id: "2", email: "bob@example.test", role: "AUDITOR", disabled: false },
    { id: "3", email: "carol@example.test", role: "COMPLIANCE_LEAD", disabled: true },
    { id: "4", email: "sam@one.test", role: "ENGINEER", disabled: false },
    { id: "5", email: "sam@two.test", role: "ENGINEER", disabled: false },
  ]);
  assert.equal(matchPrincipal("ALICE@example.test", index)?.id, "1");
  assert.equal(matchPrincipal("alice", index)?.id, "1");
  assert.equal(matchPrincipal("sam", index), null, "an ambiguous local part matches no one");
  assert.equal(matchPrincipal("ci-deployer", index), null);
  assert.equal(reviewerProblem("Alice@Example.test", index), null);
  assert.match(reviewerProblem("bob@example.test", index) ?? "", /auditor/);
  assert.match(reviewerProblem("carol@example.test", index) ?? "", /disabled/);
  assert.match(reviewerProblem("dave@example.test", index) ?? "", /no account/);
  const table = readCsvTable("who,resource,access,reviewer\nx,r,a,alice@example.test\ny,r,a,bob@example.test\n");
  const mapping = mappingSchema.parse({
    principal: "who",
    principalKindDefault: "SERVICE",
    resource: "resource",
    accessLevel: "access",
    reviewer: "reviewer",
  });
  const checked = checkReviewers(mapCsvRows(table, mapping), index);
  assert.deepEqual(
    checked.items.map((i) => i.row),
    [2],
  );
  assert.deepEqual(checked.errors, [
    { row: 3, messages: ["reviewer: bob@example.test is an auditor; reviewers must be engineers, compliance leads or admins."] },
  ]);
});
