import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddressFrom, normalizeAddress } from "@/lib/auth/client-address";

test("no trusted proxy: the TCP peer, whatever the client wrote in X-Forwarded-For", () => {
  assert.equal(clientAddressFrom(undefined, "203.0.113.5", 0), "203.0.113.5");
  assert.equal(clientAddressFrom("198.51.100.1", "203.0.113.5", 0), "203.0.113.5");
  assert.equal(clientAddressFrom("198.51.100.1, 10.0.0.1", "::ffff:203.0.113.5", 0), "203.0.113.5");
});

test("trusted proxies: the Nth value from the right, never a client-written value to its left", () => {
  // one proxy appended the address it saw; the client had written 198.51.100.1 itself
  assert.equal(clientAddressFrom("198.51.100.1, 203.0.113.7", "10.0.0.2", 1), "203.0.113.7");
  assert.equal(clientAddressFrom("198.51.100.1, 203.0.113.7, 10.0.0.3", "10.0.0.2", 2), "203.0.113.7");
  assert.equal(clientAddressFrom(["198.51.100.1", "203.0.113.7"], "10.0.0.2", 1), "203.0.113.7");
});

test("trusted proxies but a shorter header: the leftmost value, or the peer when there is none", () => {
  assert.equal(clientAddressFrom("203.0.113.7", "10.0.0.2", 2), "203.0.113.7");
  assert.equal(clientAddressFrom(undefined, "10.0.0.2", 1), "10.0.0.2");
  assert.equal(clientAddressFrom(" , ", "10.0.0.2", 1), "10.0.0.2");
});

test("normalizeAddress: IPv4-mapped IPv6 becomes IPv4, case is folded, nothing becomes unknown", () => {
  assert.equal(normalizeAddress("::ffff:127.0.0.1"), "127.0.0.1");
  assert.equal(normalizeAddress("2001:DB8::1"), "2001:db8::1");
  assert.equal(normalizeAddress(undefined), "unknown");
  assert.equal(normalizeAddress(""), "unknown");
});
