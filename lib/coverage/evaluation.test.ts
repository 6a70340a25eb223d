import assert from "node:assert/strict";
import { test } from "node:test";
import { changeEvaluation, evaluationState } from "./evaluation";

test("an evaluation dated the merge day evaluates the change", () => {
  assert.equal(evaluationState("2026-03-10", ["2026-03-10"]), "BEFORE_RELEASE");
});

test("an evaluation dated before the merge evaluates the change", () => {
  assert.equal(evaluationState("2026-03-10", ["2026-03-01"]), "BEFORE_RELEASE");
});

test("an evaluation dated the day after the merge is after release, a finding", () => {
  assert.equal(evaluationState("2026-03-10", ["2026-03-11"]), "AFTER_RELEASE");
});

test("one evaluation before release is enough, whatever comes later", () => {
  assert.equal(evaluationState("2026-03-10", ["2026-03-12", "2026-03-09"]), "BEFORE_RELEASE");
});

test("no evaluation at all is NONE", () => {
  assert.equal(evaluationState("2026-03-10", []), "NONE");
});

const change = {
  id: "c1",
  mergedAt: "2026-03-10T22:30:00Z",
  commitSha: "abcdef1234567890",
  pullRequest: "https://github.com/acme/app/pull/42",
};
const evidence = (id: string, control: string, effectiveDate: string, ref: { commitSha?: string; pullRequest?: string }) => ({
  id,
  control,
  effectiveDate,
  validFrom: null,
  validUntil: null,
  commitSha: ref.commitSha ?? null,
  pullRequest: ref.pullRequest ?? null,
});

test("another control's evidence naming the pull request does not evaluate the change", () => {
  const result = changeEvaluation(change, [evidence("e1", "AI-PI-01", "2026-03-01", { pullRequest: "42" })], "UTC");
  assert.deepEqual(result, { state: "NONE", evidence: [] });
});

test("AI-PI-02 evidence naming the pull request on the merge day evaluates it; the day after is after release", () => {
  assert.deepEqual(changeEvaluation(change, [evidence("e2", "AI-PI-02", "2026-03-10", { pullRequest: "#42" })], "UTC"), {
    state: "BEFORE_RELEASE",
    evidence: ["e2"],
  });
  assert.deepEqual(changeEvaluation(change, [evidence("e3", "AI-PI-02", "2026-03-11", { commitSha: "abcdef1" })], "UTC"), {
    state: "AFTER_RELEASE",
    evidence: ["e3"],
  });
});

test("the merge day is the organisation's: 22:30 UTC on the 10th is the 11th in Tokyo", () => {
  const late = [evidence("e4", "AI-PI-02", "2026-03-11", { commitSha: "abcdef1234" })];
  assert.equal(changeEvaluation(change, late, "UTC").state, "AFTER_RELEASE");
  assert.equal(changeEvaluation(change, late, "Asia/Tokyo").state, "BEFORE_RELEASE");
});

test("the evidence listed is the evaluations before release when there are any", () => {
  const both = [
    evidence("b", "AI-PI-02", "2026-03-12", { pullRequest: "42" }),
    evidence("a", "AI-PI-02", "2026-03-09", { pullRequest: "42" }),
  ];
  assert.deepEqual(changeEvaluation(change, both, "UTC"), { state: "BEFORE_RELEASE", evidence: ["a"] });
});
