import { test } from "node:test";
import assert from "node:assert/strict";
import { slotMembers } from "./slots";
import type { CoverageItem } from "@/lib/coverage/types";

const item = (control: string, slots: CoverageItem["slots"]): CoverageItem => ({
  control,
  expected: 0,
  covered: 0,
  coverage: null,
  status: "GAPS",
  slots,
});

test("only due slots (covered or missing) are members, named control/start/end", () => {
  const members = slotMembers(
    item("AI-SEC-05", [
      { start: "2026-01-01", end: "2026-03-31", state: "NOT_IN_OPERATION", evidence: [] },
      { start: "2026-04-01", end: "2026-06-30", state: "COVERED", evidence: ["e1"] },
      { start: "2026-07-01", end: "2026-09-30", state: "MISSING", evidence: [] },
      { start: "2026-10-01", end: "2026-12-31", state: "NOT_YET_DUE", evidence: [] },
    ]),
    "QUARTERLY",
  );
  assert.deepEqual(
    members.map((m) => [m.id, m.state, m.evidence]),
    [
      ["AI-SEC-05/2026-04-01/2026-06-30", "COVERED", ["e1"]],
      ["AI-SEC-05/2026-07-01/2026-09-30", "MISSING", []],
    ],
  );
});

test("a per-event slot's id ends with its change; two changes of one day stay two members", () => {
  const members = slotMembers(
    item("AI-PI-01", [
      { start: "2026-02-03", end: "2026-02-03", state: "COVERED", evidence: ["e1"], change: "c1" },
      { start: "2026-02-03", end: "2026-02-03", state: "MISSING", evidence: [], change: "c2" },
    ]),
    "PER_EVENT",
  );
  assert.deepEqual(
    members.map((m) => [m.id, m.change]),
    [
      ["AI-PI-01/2026-02-03/2026-02-03/c1", "c1"],
      ["AI-PI-01/2026-02-03/2026-02-03/c2", "c2"],
    ],
  );
});

test("a validity control's members are its due days", () => {
  const members = slotMembers(
    item("AI-PRIV-02", [
      { start: "2026-01-30", end: "2026-02-01", state: "COVERED", evidence: ["dpa"] },
      { start: "2026-02-02", end: "2026-02-02", state: "MISSING", evidence: [] },
      { start: "2026-02-03", end: "2026-12-31", state: "NOT_YET_DUE", evidence: [] },
    ]),
    "VALIDITY",
  );
  assert.deepEqual(
    members.map((m) => `${m.id} ${m.state}`),
    [
      "AI-PRIV-02/2026-01-30/2026-01-30 COVERED",
      "AI-PRIV-02/2026-01-31/2026-01-31 COVERED",
      "AI-PRIV-02/2026-02-01/2026-02-01 COVERED",
      "AI-PRIV-02/2026-02-02/2026-02-02 MISSING",
    ],
  );
});
