import assert from "node:assert/strict";
import { test } from "node:test";
import { hasMalformedEscape } from "@/lib/http/request-path";

test("paths whose escapes decode are kept", () => {
  for (const path of ["/", "/controls/AI-SEC-01", "/controls/AI%2DSEC%2D01", "/inventory/caf%C3%A9", "/api/v1/evidence/%20"]) {
    assert.equal(hasMalformedEscape(path), false, path);
  }
});

test("a lone %, a bad hex pair or a cut-off UTF-8 sequence is malformed", () => {
  for (const path of ["/controls/%", "/controls/AI-%ZZ", "/controls/%E0%A4%A", "/evidence/%C3", "/api/v1/controls/%"]) {
    assert.equal(hasMalformedEscape(path), true, path);
  }
});
