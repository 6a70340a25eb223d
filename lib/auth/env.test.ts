import { test } from "node:test";
import assert from "node:assert/strict";
import { trustedProxyHops, wholeNumberSetting } from "@/lib/auth/env";

test("wholeNumberSetting: unset or blank gives the default, digits give the number", () => {
  delete process.env.ATTEST_TEST_SETTING;
  assert.equal(wholeNumberSetting("ATTEST_TEST_SETTING", 7), 7);
  process.env.ATTEST_TEST_SETTING = " ";
  assert.equal(wholeNumberSetting("ATTEST_TEST_SETTING", 7), 7);
  process.env.ATTEST_TEST_SETTING = "2";
  assert.equal(wholeNumberSetting("ATTEST_TEST_SETTING", 7), 2);
});

test("ATTEST_TRUSTED_PROXIES: anything but a whole number from 0 to 10 is an error naming the variable", () => {
  for (const bad of ["one", "1.5", "-1", "1e1", "0x1", "11", "NaN"]) {
    process.env.ATTEST_TRUSTED_PROXIES = bad;
    assert.throws(() => trustedProxyHops(), /ATTEST_TRUSTED_PROXIES must be a whole number from 0 to 10/, bad);
  }
  process.env.ATTEST_TRUSTED_PROXIES = "1";
  assert.equal(trustedProxyHops(), 1);
  delete process.env.ATTEST_TRUSTED_PROXIES;
  assert.equal(trustedProxyHops(), 0);
});
