import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatSetupCode, generateSetupCode, readOrCreateSetupCode, setupCodeFile, setupCodesMatch } from "@/lib/auth/setup-code";

test("generateSetupCode: 10 characters from an alphabet without look-alikes, different each time", () => {
  const codes = new Set(Array.from({ length: 200 }, generateSetupCode));
  assert.equal(codes.size, 200);
  for (const code of codes) assert.match(code, /^[A-HJKMNP-TV-Z2-9]{10}$/);
  assert.equal(formatSetupCode("ABCDEFGHJK"), "ABCDE-FGHJK");
});

test("setupCodesMatch: ignores case, spaces and dashes; refuses anything else", () => {
  assert.ok(setupCodesMatch("abcde-fghjk", "ABCDEFGHJK"));
  assert.ok(setupCodesMatch(" ABCDE FGHJK ", "ABCDEFGHJK"));
  assert.ok(!setupCodesMatch("ABCDEFGHJ", "ABCDEFGHJK"));
  assert.ok(!setupCodesMatch("ABCDEFGHJX", "ABCDEFGHJK"));
  assert.ok(!setupCodesMatch("", ""));
});

test("readOrCreateSetupCode: one code per data folder, in a file only its owner can read", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-setup-code-"));
  process.env.ATTEST_DATA_DIR = dir;
  try {
    const first = readOrCreateSetupCode();
    assert.equal(first.created, true);
    assert.equal(fs.statSync(setupCodeFile()).mode & 0o777, 0o600);
    const second = readOrCreateSetupCode();
    assert.deepEqual(second, { code: first.code, created: false });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.ATTEST_DATA_DIR;
  }
});
