import assert from "node:assert/strict";
import test from "node:test";
import { parseChangesText } from "@/lib/changes/csv";
import { kindByRule, parseKindRules } from "@/lib/changes/kind-rules";

test("rules read a title prefix and a kind (code or label); bad lines are named", () => {
  assert.deepEqual(parseKindRules("config/models: => MODEL_UPGRADE\n\n# comment\nprompts/ => prompt change\n"), {
    rules: [
      { prefix: "config/models:", kind: "MODEL_UPGRADE" },
      { prefix: "prompts/", kind: "PROMPT_CHANGE" },
    ],
    errors: [],
  });
  const bad = parseKindRules("config/models: MODEL_UPGRADE\nx => NOPE");
  assert.equal(bad.rules.length, 0);
  assert.equal(bad.errors.length, 2);
  assert.match(bad.errors[0], /line 1/);
  assert.deepEqual(parseKindRules(undefined), { rules: [], errors: [] });
});

test("the first rule whose prefix starts the title gives the kind, case-insensitively", () => {
  const { rules } = parseKindRules("config/models: => MODEL_UPGRADE\nconfig/ => CONFIG");
  assert.equal(kindByRule("Config/Models: gpt-4.1 to gpt-5", rules), "MODEL_UPGRADE");
  assert.equal(kindByRule("config/flags: raise limit", rules), "CONFIG");
  assert.equal(kindByRule("Shorter prompt", rules), undefined);
  assert.equal(kindByRule(undefined, rules), undefined);
});

test("a gh pr list import takes each row's kind: its own, then a rule, then the kind for every row", () => {
  const { rules } = parseKindRules("config/models: => MODEL_UPGRADE");
  const gh = JSON.stringify([
    { number: 1, title: "config/models: move to gpt-5", mergedAt: "2026-03-01T09:00:00Z", url: "https://github.com/a/b/pull/1" },
    { number: 2, title: "Tighten prompt", mergedAt: "2026-03-01T09:00:00Z", url: "https://github.com/a/b/pull/2" },
    { number: 3, title: "config/models: eval", kind: "FINE_TUNE", mergedAt: "2026-03-01T09:00:00Z", url: "https://github.com/a/b/pull/3" },
  ]);
  const parsed = parseChangesText(gh, { kind: "PROMPT_CHANGE", kindRules: rules });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.rows.map((r) => r.input.kind),
    ["MODEL_UPGRADE", "PROMPT_CHANGE", "FINE_TUNE"],
  );
  const csv = parseChangesText("title,mergedAt,kind\nconfig/models: x,2026-03-01T09:00:00Z,\nother,2026-03-01T09:00:00Z,CONFIG\n", {
    kind: "PROMPT_CHANGE",
    kindRules: rules,
  });
  assert.deepEqual(
    csv.rows.map((r) => r.input.kind),
    ["MODEL_UPGRADE", "CONFIG"],
  );
});
