import { test } from "node:test";
import assert from "node:assert/strict";
import { suggestControls, type FeatureAnswers } from "./suggest";

const base: FeatureAnswers = {
  inputData: ["INTERNAL"],
  invokers: ["STAFF"],
  failureImpact: "LOW",
  hasVendors: false,
  automatedDecisions: false,
  irreversibleActions: false,
  usesTrainingData: false,
  exposesToolServers: false,
  logsPrompts: false,
  userFacing: false,
};
const codes = (a: FeatureAnswers) => suggestControls(a).map((s) => s.code);

test("every feature gets change management, regression evaluation and access reviews", () => {
  assert.deepEqual(codes(base), ["AI-PI-01", "AI-PI-02", "AI-SEC-05"]);
});

test("each flag suggests the controls docs/product.md names for it", () => {
  assert.ok(codes({ ...base, automatedDecisions: true }).includes("AI-PI-03"));
  assert.ok(codes({ ...base, irreversibleActions: true }).includes("AI-PI-05"));
  assert.deepEqual(
    codes({ ...base, usesTrainingData: true }).filter((c) => c === "AI-SEC-02" || c === "AI-PRIV-03"),
    ["AI-PRIV-03", "AI-SEC-02"],
  );
  assert.ok(codes({ ...base, exposesToolServers: true }).includes("AI-SEC-03"));
  const logs = codes({ ...base, logsPrompts: true });
  assert.ok(logs.includes("AI-SEC-04") && logs.includes("AI-CONF-03"));
  assert.ok(codes({ ...base, userFacing: true }).includes("AI-PRIV-01"));
});

test("personal data sent to a vendor suggests DPA and transfer safeguards, each with a reason", () => {
  const suggestions = suggestControls({ ...base, hasVendors: true, inputData: ["PERSONAL_DATA"] });
  const byCode = new Map(suggestions.map((s) => [s.code, s.reasons]));
  for (const code of ["AI-CONF-02", "AI-PRIV-04", "AI-CONF-01", "AI-PRIV-02", "AI-SEC-01", "AI-AVL-01"]) {
    assert.ok(byCode.has(code), `${code} suggested`);
    assert.ok(
      byCode.get(code)!.every((r) => r.length > 10),
      `${code} has a reason`,
    );
  }
});

test("a control suggested for two reasons lists both, once", () => {
  const s = suggestControls({ ...base, hasVendors: true, inputData: ["SECRETS"] }).find((x) => x.code === "AI-SEC-01")!;
  assert.equal(s.reasons.length, 2);
  assert.equal(
    new Set(suggestControls({ ...base, hasVendors: true, inputData: ["SECRETS"] }).map((x) => x.code)).size,
    suggestControls({ ...base, hasVendors: true, inputData: ["SECRETS"] }).length,
  );
});

test("internal data and no flags suggest nothing about confidentiality or privacy", () => {
  assert.ok(codes(base).every((c) => !c.startsWith("AI-CONF") && !c.startsWith("AI-PRIV")));
});
