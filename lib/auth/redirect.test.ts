import { test } from "node:test";
import assert from "node:assert/strict";
import { safeCallbackPath, sameOriginUrl } from "@/lib/auth/redirect";

const APP = "http://localhost:3000";

test("safeCallbackPath: paths on the app are kept, with their query and fragment", () => {
  assert.equal(safeCallbackPath("/controls", APP), "/controls");
  assert.equal(safeCallbackPath("/evidence?status=SUBMITTED#top", APP), "/evidence?status=SUBMITTED#top");
  assert.equal(safeCallbackPath("http://localhost:3000/periods", APP), "/periods");
  assert.equal(safeCallbackPath(undefined, APP), "/");
  assert.equal(safeCallbackPath("", APP), "/");
});

test("safeCallbackPath: every way to another site gives /", () => {
  for (const evil of [
    "/\\evil.example",
    "/\t/evil.example",
    "//evil.example",
    "https://evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "http://localhost:3001/",
  ]) {
    assert.equal(safeCallbackPath(evil, APP), "/", JSON.stringify(evil));
  }
});

test("safeCallbackPath: a same-origin URL whose path starts with // becomes a single-slash path", () => {
  assert.equal(safeCallbackPath("http://localhost:3000//evil.example", APP), "/evil.example");
  // A scheme-relative form of the same scheme is a path on the app, in browsers as here.
  assert.equal(safeCallbackPath("http:evil.example", APP), "/evil.example");
});

test("safeCallbackPath: a repeated parameter uses the first value", () => {
  assert.equal(safeCallbackPath(["/controls", "//evil.example"], APP), "/controls");
  assert.equal(safeCallbackPath(["//evil.example", "/controls"], APP), "/");
});

test("sameOriginUrl: next-auth's redirect stays on the base origin", () => {
  assert.equal(sameOriginUrl("/controls", APP), "http://localhost:3000/controls");
  assert.equal(sameOriginUrl("http://localhost:3000/x", APP), "http://localhost:3000/x");
  for (const evil of [
    "/\\evil.example",
    "/\t/evil.example",
    "//evil.example",
    "https://evil.example/",
    "http://[",
    "javascript:alert(1)",
  ]) {
    assert.equal(sameOriginUrl(evil, APP), APP, JSON.stringify(evil));
  }
});
