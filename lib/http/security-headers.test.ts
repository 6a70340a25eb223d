import { test } from "node:test";
import assert from "node:assert/strict";
import {
  contentSecurityPolicy,
  HSTS,
  newNonce,
  pageSecurityHeaders,
  PERMISSIONS_POLICY,
  servedOverHttps,
  STATIC_SECURITY_HEADERS,
} from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

test("the page CSP allows scripts only by nonce, with 'strict-dynamic' and without 'unsafe-eval'", () => {
  const csp = directives(contentSecurityPolicy("abc123==", { https: false }));
  assert.equal(csp.get("default-src"), "'self'");
  assert.equal(csp.get("script-src"), "'self' 'nonce-abc123==' 'strict-dynamic'");
  assert.equal(csp.get("style-src"), "'self' 'nonce-abc123=='");
  assert.equal(csp.get("style-src-attr"), "'unsafe-inline'");
  assert.equal(csp.get("object-src"), "'none'");
  assert.equal(csp.get("base-uri"), "'none'");
  assert.equal(csp.get("form-action"), "'self'");
  assert.equal(csp.get("frame-ancestors"), "'none'");
  assert.doesNotMatch(contentSecurityPolicy("n", { https: true }), /unsafe-eval/);
  assert.equal(csp.has("upgrade-insecure-requests"), false);
});

test("Next finds the nonce in the CSP (its parser takes the first 'nonce-…' of script-src)", () => {
  const nonce = newNonce();
  const script = directives(contentSecurityPolicy(nonce, { https: false })).get("script-src")!;
  const found = script
    .split(/\s+/)
    .map((s) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.exec(s)?.[1])
    .find(Boolean);
  assert.equal(found, nonce);
});

test("each nonce is fresh and carries 128 random bits", () => {
  const nonces = new Set(Array.from({ length: 1000 }, newNonce));
  assert.equal(nonces.size, 1000);
  for (const n of nonces) assert.equal(Buffer.from(n, "base64").length, 16);
});

test("HSTS and upgrade-insecure-requests only when NEXTAUTH_URL is https", () => {
  // A browser ignores HSTS received over http, and the test server speaks http only: the https
  // case is decided here, from the configured public address, and checked as a unit.
  const https = pageSecurityHeaders("n", "https://attest.example.com");
  assert.equal(https["Strict-Transport-Security"], HSTS);
  assert.match(https["Content-Security-Policy"], /; upgrade-insecure-requests$/);
  for (const url of ["http://localhost:3000", "http://attest.internal", undefined, "", "not a url"]) {
    const headers = pageSecurityHeaders("n", url);
    assert.equal("Strict-Transport-Security" in headers, false, String(url));
    assert.doesNotMatch(headers["Content-Security-Policy"], /upgrade-insecure-requests/);
  }
  assert.equal(servedOverHttps("HTTPS://Attest.example.com/"), true);
});

test("fixed headers deny powerful features, isolate the window and keep the older protections", () => {
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
    assert.match(PERMISSIONS_POLICY, new RegExp(`(^|, )${feature}=\\(\\)`));
  assert.equal(STATIC_SECURITY_HEADERS["Cross-Origin-Opener-Policy"], "same-origin");
  assert.equal(STATIC_SECURITY_HEADERS["X-Frame-Options"], "DENY");
  assert.equal(STATIC_SECURITY_HEADERS["X-Content-Type-Options"], "nosniff");
  assert.equal(STATIC_SECURITY_HEADERS["Referrer-Policy"], "same-origin");
});
