import assert from "node:assert/strict";
import { test } from "node:test";
import { fileNameProblem, fileNameSchema } from "@/lib/validations/evidence";

// The file-name rule shared by uploads (checkFileName) and the CSV imports' file-name fields.

test("fileNameProblem names invisible and line-separator characters by code point", () => {
  assert.equal(fileNameProblem("Quarterly report ✓ été.pdf"), null);
  assert.equal(fileNameProblem("family 👪 日本語.png"), null);
  assert.match(fileNameProblem("a\u2028b.csv")!, /line or paragraph separator \(U\+2028\)/);
  assert.match(fileNameProblem("a\u2029b.csv")!, /line or paragraph separator \(U\+2029\)/);
  assert.match(fileNameProblem("\ufeffusers.csv")!, /invisible character \(U\+FEFF, a byte-order mark\)/);
  assert.match(fileNameProblem("users\u200b.csv")!, /invisible character \(U\+200B\)/);
  assert.match(fileNameProblem("users\u{E0001}.csv")!, /invisible character \(U\+E0001\)/);
  assert.match(fileNameProblem("users\u202e.csv")!, /text-direction control/);
  assert.match(fileNameProblem("users\r.csv")!, /control characters/);
});

test("fileNameSchema refuses such names with the same message, and normalises the rest", () => {
  const refused = fileNameSchema.safeParse("users\u2028.csv");
  assert.equal(refused.success, false);
  assert.match(refused.error!.issues[0].message, /U\+2028/);
  assert.equal(fileNameSchema.parse("  Re\u0301sume\u0301.csv "), "Résumé.csv");
  assert.equal(fileNameSchema.safeParse("x".repeat(301)).success, false);
});
