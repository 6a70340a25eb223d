import assert from "node:assert/strict";
import { test } from "node:test";
import type { CoverageSlot, SlotState } from "@/lib/coverage/types";
import { can, type Permission, type RoleName } from "@/lib/permissions";
import {
  SIGN_OFFS_LISTED,
  emptyTodoText,
  isReadyToSignOff,
  listSlots,
  slotsToDo,
  todoItems,
  unansweredCount,
  type TodoFacts,
} from "./todo-rules";

const slot = (start: string, end: string, state: SlotState): CoverageSlot => ({ start, end, state, evidence: [] });
const control = { code: "AI-SEC-01", title: "Access control", frequency: "MONTHLY" as const };
// eslint-disable-next-line no-restricted-syntax -- the test stands in for principal.may of each role
const mayOf = (role: RoleName) => (permission: Permission) => can(role, permission);

const NONE: TodoFacts = {
  decide: [],
  slots: [],
  rejected: [],
  awaitingReview: 0,
  signOff: [],
  exceptions: [],
  openPeriods: [],
  periods: [],
};
const FULL: TodoFacts = {
  decide: [{ reviewId: "r1", reviewName: "Q4 review", open: 2, dueDate: "2026-12-20" }],
  slots: [{ control: "AI-SEC-01", title: "Access control", missed: [{ start: "2026-10-01", end: "2026-10-31" }], due: null }],
  rejected: [{ id: "e1", title: "Scan", control: "AI-SEC-02", reason: "Wrong month" }],
  awaitingReview: 3,
  signOff: [{ id: "r2", name: "Q3 review", quarter: "2026-Q3" }],
  exceptions: [{ periodId: "p1", periodName: "FY26", unanswered: 4 }],
  openPeriods: ["FY25", "H2 2025", "Q1 pilot", "FY24"].map((name, i) => ({ id: `o${i}`, name })),
  periods: [{ id: "p1", name: "FY26", start: "2026-01-01", end: "2026-12-31" }],
};

test("missed slots and the next slot falling due within 30 days are the control's to do", () => {
  const slots = [
    slot("2026-10-01", "2026-10-31", "MISSING"),
    slot("2026-11-01", "2026-11-30", "COVERED"),
    slot("2026-12-01", "2026-12-31", "NOT_YET_DUE"),
  ];
  assert.deepEqual(slotsToDo(control, slots, "2026-12-07"), {
    control: "AI-SEC-01",
    title: "Access control",
    missed: [{ start: "2026-10-01", end: "2026-10-31" }],
    due: { start: "2026-12-01", end: "2026-12-31", due: "2026-12-31" },
  });
});

test("a slot due beyond 30 days is not yet to do; a covered control is nothing to do", () => {
  const later = [slot("2026-10-01", "2026-12-31", "NOT_YET_DUE")];
  assert.equal(slotsToDo({ ...control, frequency: "QUARTERLY" }, later, "2026-11-30"), null);
  assert.equal(slotsToDo({ ...control, frequency: "QUARTERLY" }, later, "2026-12-01")?.due?.due, "2026-12-31");
  assert.equal(slotsToDo(control, [slot("2026-10-01", "2026-10-31", "COVERED")], "2026-12-07"), null);
});

test("a long run of missed slots is named by its first three", () => {
  const days = ["01", "02", "03", "04", "05"].map((d) => ({ start: `2026-10-${d}`, end: `2026-10-${d}` }));
  assert.equal(listSlots(days), "2026-10-01, 2026-10-02, 2026-10-03 and 2 more");
  assert.equal(listSlots(days.slice(0, 1)), "2026-10-01");
});

test("an access review is ready to sign off when in progress, every item decided, its quarter begun", () => {
  const ready = { status: "IN_PROGRESS", items: 3, decided: 3, quarter: "2026-Q4" };
  assert.equal(isReadyToSignOff(ready, "2026-12-07"), true);
  assert.equal(isReadyToSignOff({ ...ready, decided: 2 }, "2026-12-07"), false);
  assert.equal(isReadyToSignOff({ ...ready, items: 0, decided: 0 }, "2026-12-07"), false);
  assert.equal(isReadyToSignOff({ ...ready, status: "SIGNED_OFF" }, "2026-12-07"), false);
  assert.equal(isReadyToSignOff({ ...ready, status: "DRAFT" }, "2026-12-07"), false);
  assert.equal(isReadyToSignOff(ready, "2026-09-30"), false, "its quarter has not started");
});

test("an exception with a blank response is unanswered", () => {
  assert.equal(unansweredCount([{ response: "" }, { response: "  " }, { response: "Fixed in November." }]), 2);
});

test("an engineer is given their decisions, rejected evidence and slots, never a lead's work or an auditor's periods", () => {
  // The queries read periods only for an auditor (lib/dashboard/todo.ts): an engineer's facts hold none.
  const items = todoItems({ ...FULL, periods: [] }, mayOf("ENGINEER"));
  assert.deepEqual(
    items.map((i) => [i.kind, i.href]),
    [
      ["decide", "/access-reviews/inbox"],
      ["rejected", "/evidence/e1"],
      ["missed", "/evidence/upload?control=AI-SEC-01"],
    ],
  );
  assert.equal(items[0].label, "Decide 2 access-review items in Q4 review");
});

test("a compliance lead is given the review queue, sign-offs and exceptions first", () => {
  const kinds = todoItems({ ...FULL, periods: [] }, mayOf("COMPLIANCE_LEAD")).map((i) => i.kind);
  assert.deepEqual(kinds, ["review", "sign-off", "exceptions", "open-periods", "decide", "rejected", "missed"]);
  const items = todoItems(FULL, mayOf("COMPLIANCE_LEAD"));
  assert.equal(items[0].label, "Review 3 pieces of evidence");
  assert.equal(items[2].label, "Answer 4 exceptions of FY26");
  assert.equal(items[2].href, "/periods/p1#exceptions");
  // The other open periods: one item, three named, on the periods list.
  assert.deepEqual(
    [items[3].label, items[3].detail, items[3].href],
    [
      "4 other periods still open",
      "FY25, H2 2025, Q1 pilot and 1 more: not locked. Answer each one's exceptions, then lock it once its audit is done.",
      "/periods",
    ],
  );
  assert.equal(
    todoItems({ ...NONE, openPeriods: [{ id: "o", name: "FY25" }] }, mayOf("COMPLIANCE_LEAD"))[0].label,
    "1 other period still open",
  );
  assert.equal(
    todoItems(FULL, mayOf("ENGINEER")).some((i) => i.kind === "open-periods" || i.kind === "exceptions"),
    false,
    "an engineer may not answer exceptions or lock periods",
  );
});

test("access reviews ready for sign-off are listed one by one up to five, the rest as one item", () => {
  const ready = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Review ${i}`, quarter: "2026-Q3" }));
  const signOffs = (n: number) => todoItems({ ...NONE, signOff: ready(n) }, mayOf("COMPLIANCE_LEAD")).map((i) => [i.label, i.href]);
  assert.equal(signOffs(SIGN_OFFS_LISTED).length, SIGN_OFFS_LISTED);
  assert.deepEqual(signOffs(SIGN_OFFS_LISTED + 1).slice(-2), [
    ["Sign off Review 4", "/access-reviews/r4#sign-off-heading"],
    ["Sign off 1 more access review", "/access-reviews"],
  ]);
  const many = signOffs(1300);
  assert.equal(many.length, SIGN_OFFS_LISTED + 1);
  assert.deepEqual(many.at(-1), ["Sign off 1295 more access reviews", "/access-reviews"]);
});

test("an auditor is given only their periods, whatever else the facts hold", () => {
  assert.deepEqual(
    todoItems(FULL, mayOf("AUDITOR")).map((i) => [i.kind, i.label, i.href]),
    [["period", "Audit FY26", "/periods/p1"]],
  );
});

test("nothing waiting is an empty list", () => {
  for (const role of ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"] as const) assert.deepEqual(todoItems(NONE, mayOf(role)), []);
  assert.deepEqual(todoItems({ ...NONE, decide: [{ reviewId: "r", reviewName: "R", open: 0, dueDate: null }] }, mayOf("ENGINEER")), []);
});

test("an empty list says plainly there is nothing to do, in each role's terms", () => {
  assert.equal(
    emptyTodoText(mayOf("ENGINEER"), false),
    "Nothing to do: no access-review item waits for your decision, none of your evidence is rejected, and no control you own has a slot missed or due in the next 30 days.",
  );
  assert.match(
    emptyTodoText(mayOf("COMPLIANCE_LEAD"), false),
    /^Nothing to do: no evidence waits for review, no access review waits for sign-off, /,
  );
  assert.match(emptyTodoText(mayOf("AUDITOR"), true), /^Nothing to do: no audit period has been given to you yet\./);
});
