import assert from "node:assert/strict";
import test from "node:test";
import { deriveExceptions } from "@/lib/export/exceptions";

const period = { start: "2026-01-01", end: "2026-03-31" };
const check = (id: string, count: number, checked: number) => ({
  id,
  title: id,
  count,
  checked,
  remedy: count ? "Fix it." : "",
  items: [],
});

test("a failing readiness check keeps its id; a passing one is no exception", () => {
  const out = deriveExceptions({
    controls: [],
    evidence: [],
    period,
    readiness: [check("change-approval", 2, 5), check("vendor-dpa", 0, 3)],
  });
  assert.deepEqual(
    out.map((e) => e.id),
    ["READINESS_CHECK:change-approval"],
  );
});

test("a readiness check with nothing recorded to check is an exception of its own id (the stricter reading)", () => {
  const out = deriveExceptions(
    { controls: [], evidence: [], period, readiness: [check("change-approval", 0, 0)] },
    new Map([["READINESS_CHECK:change-approval", "an answer to a failure"]]),
  );
  assert.equal(out.length, 1);
  assert.equal(out[0].id, "READINESS_CHECK:change-approval:nothing-recorded");
  assert.equal(out[0].kind, "READINESS_CHECK");
  assert.match(out[0].description, /nothing recorded/);
  assert.equal(out[0].response, "");
});
