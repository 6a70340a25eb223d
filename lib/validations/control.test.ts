import assert from "node:assert/strict";
import { test } from "node:test";
import { controlCodeParam } from "@/lib/validations/control";

// A control page's code segment: a code, encoded or not, opens the control; anything else is a 404.
test("a control code from the URL is decoded and kept as it is", () => {
  assert.equal(controlCodeParam.parse("AI-SEC-01"), "AI-SEC-01");
  assert.equal(controlCodeParam.parse("AI%2DSEC%2D01"), "AI-SEC-01");
  assert.equal(controlCodeParam.parse("CUSTOM-7"), "CUSTOM-7");
});

test("a segment that is not a control code names no control", () => {
  for (const raw of [
    "ai-sec-01",
    "AI SEC 01",
    "%20AI-SEC-01",
    "AI-SEC-01%20",
    "A",
    "-AI",
    "AI-SEC-01/edit",
    "",
    "X".repeat(41),
    "AI%2FSEC",
  ]) {
    assert.equal(controlCodeParam.safeParse(raw).success, false, raw);
  }
});

test("a malformed %-escape names no control rather than throwing", () => {
  for (const raw of ["%", "AI-SEC-%", "%E0%A4%A", "%ZZ"]) assert.equal(controlCodeParam.safeParse(raw).success, false, raw);
});
