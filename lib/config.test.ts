import assert from "node:assert/strict";
import { test } from "node:test";
import { insecureHttpRefusal, isLoopbackHost } from "@/lib/config";

test("loopback hosts: localhost, 127.0.0.0/8 and ::1 only", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"])
    assert.equal(isLoopbackHost(host), true, host);
  for (const host of ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "attest.example.com", "127.0.0.1.example.com"]) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test("npm start refuses a non-loopback HOST with an http:// NEXTAUTH_URL unless ATTEST_ALLOW_INSECURE_HTTP=1", () => {
  const refusal = insecureHttpRefusal("0.0.0.0", "http://attest.example.com", false);
  assert.match(refusal ?? "", /Refusing to serve on HOST=0\.0\.0\.0 with NEXTAUTH_URL=http:\/\/attest\.example\.com/);
  assert.match(refusal ?? "", /ATTEST_ALLOW_INSECURE_HTTP=1/);
  assert.match(refusal ?? "", /https:\/\//);
  assert.equal(insecureHttpRefusal("0.0.0.0", "http://attest.example.com", true), null);
  assert.equal(insecureHttpRefusal("0.0.0.0", "https://attest.example.com", false), null);
  assert.equal(insecureHttpRefusal("127.0.0.1", "http://localhost:3000", false), null);
  assert.notEqual(insecureHttpRefusal("192.168.1.10", "HTTP://attest.lan", false), null);
});
