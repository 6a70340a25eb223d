import { test } from "node:test";
import assert from "node:assert/strict";
import {
  commonPasswords,
  emailSchema,
  PASSWORD_CONTAINS_EMAIL,
  PASSWORD_RULE,
  passwordMatchesEmail,
  passwordSchema,
} from "@/lib/validations/password";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message ?? "";

test("passwordSchema rejects fewer than 12 characters and says what is required", () => {
  for (const p of ["", "short", "elevenchars"]) {
    const result = passwordSchema.safeParse(p);
    assert.equal(result.success, false, JSON.stringify(p));
    assert.match(firstMessage(result), /at least 12 characters/);
  }
  assert.equal("elevenchars".length, 11);
  assert.equal(passwordSchema.safeParse("twelve chars").success, true, "exactly 12 characters is enough");
});

test("passwordSchema rejects common passwords (any case) and one repeated character", () => {
  for (const p of ["password1234", "PASSWORD1234", "123456789012", "letmeinletmein", "aaaaaaaaaaaaaaaa"]) {
    const result = passwordSchema.safeParse(p);
    assert.equal(result.success, false, p);
    assert.match(firstMessage(result), /too easy to guess/);
  }
});

test("the common-password list has at least 10,000 entries, all in lower case", () => {
  const list = commonPasswords();
  assert.ok(list.size >= 10_000, `only ${list.size} entries`);
  for (const p of list) assert.equal(p, p.toLowerCase());
});

test("passwordSchema refuses well-known passwords of 12 characters or more from the list, in any case", () => {
  for (const p of ["qwerty123456", "QWERTY123456", "1q2w3e4r5t6y", "123qweasdzxc", "Qazwsxedcrfv", "leavemealone", "123456654321"]) {
    assert.ok(p.length >= 12, p);
    const result = passwordSchema.safeParse(p);
    assert.equal(result.success, false, p);
    assert.match(firstMessage(result), /too easy to guess/);
  }
});

test("passwordSchema rejects more than 256 characters", () => {
  const result = passwordSchema.safeParse("x".repeat(200) + "y".repeat(57));
  assert.equal(result.success, false);
  assert.match(firstMessage(result), /at most 256/);
});

test("passwordSchema accepts a long passphrase unchanged (no composition rules)", () => {
  for (const phrase of ["correct horse battery staple", "the Quiet otter reads 7 maps at dawn"]) {
    const result = passwordSchema.safeParse(phrase);
    assert.equal(result.success, true, phrase);
    assert.equal(result.data, phrase);
  }
});

test("emailSchema trims and lowercases; rejects what is not an address", () => {
  assert.equal(emailSchema.parse("  Ada.Lovelace@Example.TEST "), "ada.lovelace@example.test");
  for (const bad of ["", "not-an-email", "a@", "@b.test"]) {
    const result = emailSchema.safeParse(bad);
    assert.equal(result.success, false, bad);
  }
  assert.match(firstMessage(emailSchema.safeParse("nope")), /valid e-mail address/);
});

test("passwordMatchesEmail catches a password containing the e-mail's local part", () => {
  assert.equal(passwordMatchesEmail("my-Ada.Lovelace-password", "ada.lovelace@example.test"), true);
  assert.equal(passwordMatchesEmail("correct horse battery staple", "ada.lovelace@example.test"), false);
  assert.equal(passwordMatchesEmail("bob is here forever", "bob@example.test"), false, "local parts under 4 characters are ignored");
});

test("the password rule and its refusal say what passwordMatchesEmail checks: the part before the @", () => {
  // The rule used to say "not your e-mail address", yet only the local part is compared.
  assert.match(PASSWORD_RULE, /part of your e-mail address before the @/);
  assert.doesNotMatch(PASSWORD_RULE, /not your e-mail address/);
  assert.match(PASSWORD_CONTAINS_EMAIL, /part of the e-mail address before the @/);
});
