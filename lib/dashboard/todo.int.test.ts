import assert from "node:assert/strict";
import { test } from "node:test";
import { userPrincipal, type Principal } from "@/lib/auth/principal";
import { createCustomControl } from "@/lib/controls/custom";
import { updateControl } from "@/lib/controls/update";
import { db } from "@/lib/db";
import { navCounts, todoFor } from "@/lib/dashboard/todo";
import { SIGN_OFFS_LISTED } from "@/lib/dashboard/todo-rules";
import { reviewEvidence } from "@/lib/evidence/service";
import { openPeriods } from "@/lib/exceptions/unanswered";
import { controlPatchSchema, customControlCreateSchema } from "@/lib/validations/control";
import { parseBody, scratchEvidence, scratchPeriod, scratchUser, tag } from "@/lib/testing/scratch";

// Each person's to-do list and navigation counts, read from the database (docs/dashboard.md).

async function accessReview(
  name: string,
  quarter: string,
  status: "DRAFT" | "IN_PROGRESS",
  items: { reviewerId: string; decided: boolean }[],
) {
  return db.accessReview.create({
    data: {
      name,
      quarter,
      status,
      resources: [],
      startedAt: status === "IN_PROGRESS" ? new Date() : null,
      items: {
        create: items.map((item, position) => ({
          principal: `svc-${position}-${tag()}`,
          principalKind: "SERVICE" as const,
          resource: "model-api",
          accessLevel: "read",
          source: "test",
          position,
          reviewerId: item.reviewerId,
          decision: item.decided ? ("KEEP" as const) : null,
          decidedAt: item.decided ? new Date() : null,
          decidedById: item.decided ? item.reviewerId : null,
        })),
      },
    },
  });
}

test("an engineer is given the items to decide, their rejected evidence and their controls' missed and due slots", async () => {
  const t = tag().toUpperCase();
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const lead = userPrincipal(leadUser);
  const engineerUser = await scratchUser("ENGINEER");
  const engineer = userPrincipal(engineerUser);
  const other = await scratchUser("ENGINEER", "other");

  // Two controls the engineer owns (by e-mail in other case, by name), one owned by someone else.
  const control = async (suffix: string, owner: string) => {
    const code = `TD-${t}-${suffix}`;
    await createCustomControl(
      parseBody(customControlCreateSchema, {
        code,
        title: `To-do test ${suffix}`,
        description: "Made by the to-do test.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "MONTHLY",
        expectedEvidence: "A monthly report.",
      }),
      lead,
    );
    await updateControl(code, parseBody(controlPatchSchema, { designStatus: "IN_PLACE", owner }), lead);
    return code;
  };
  const byEmail = await control("E", engineerUser.email.toUpperCase());
  const byName = await control("N", engineerUser.name);
  await control("O", other.email);
  // The current period on 2031-03-15: January and February missed, March due on its last day.
  await scratchPeriod("2031-01-01", "2031-06-30");

  const rejected = await scratchEvidence(engineer, { control: byEmail, title: `Rejected ${t}` });
  await reviewEvidence(rejected.id, { decision: "reject", reason: "Wrong month." }, lead);
  const accepted = await scratchEvidence(engineer, { control: byEmail, title: `Accepted ${t}` });
  await reviewEvidence(accepted.id, { decision: "accept" }, lead);

  const review = await accessReview(`Review ${t}`, "2026-Q3", "IN_PROGRESS", [
    { reviewerId: engineerUser.id, decided: false },
    { reviewerId: engineerUser.id, decided: false },
    { reviewerId: engineerUser.id, decided: true },
    { reviewerId: other.id, decided: false },
  ]);
  await accessReview(`Draft ${t}`, "2026-Q3", "DRAFT", [{ reviewerId: engineerUser.id, decided: false }]);

  const items = await todoFor(engineer, "2031-03-15");
  assert.deepEqual(
    items.map((i) => [i.kind, i.label, i.href]),
    [
      ["decide", `Decide 2 access-review items in Review ${t}`, "/access-reviews/inbox"],
      ["rejected", `Correct rejected evidence: Rejected ${t}`, `/evidence/${rejected.id}`],
      ["missed", `Upload evidence for ${byEmail}: 2 slots missed`, `/evidence/upload?control=${byEmail}`],
      ["due", `Upload evidence for ${byEmail}, due 2031-03-31`, `/evidence/upload?control=${byEmail}`],
      ["missed", `Upload evidence for ${byName}: 2 slots missed`, `/evidence/upload?control=${byName}`],
      ["due", `Upload evidence for ${byName}, due 2031-03-31`, `/evidence/upload?control=${byName}`],
    ],
  );
  assert.equal(items[1].detail, `${byEmail}: Wrong month.`);
  assert.equal(items[2].detail, "To-do test E. 2031-01-01 to 2031-01-31, 2031-02-01 to 2031-02-28.");
  assert.deepEqual(await navCounts(engineer), {
    awaitingReview: undefined,
    accessReviews: 2,
    rejectedEvidence: 1,
    unansweredExceptions: 0,
  });

  // Deciding the items and the review's sign-off: they leave the engineer's list and count.
  await db.accessReviewItem.updateMany({ where: { reviewId: review.id, reviewerId: engineerUser.id }, data: { decision: "KEEP" } });
  assert.equal((await todoFor(engineer, "2031-03-15")).filter((i) => i.kind === "decide").length, 0);
  assert.equal((await navCounts(engineer)).accessReviews, 0);
});

test("a compliance lead is given the review queue, access reviews to sign off and unanswered exceptions", async () => {
  const t = tag();
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const lead = userPrincipal(leadUser);
  const engineer = userPrincipal(await scratchUser("ENGINEER"));
  const before = await navCounts(lead);

  await scratchEvidence(engineer, { title: `Waiting ${t}` });
  const ready = await accessReview(`Ready ${t}`, "2026-Q3", "IN_PROGRESS", [{ reviewerId: engineer.user!.id, decided: true }]);
  await accessReview(`Open ${t}`, "2026-Q3", "IN_PROGRESS", [{ reviewerId: engineer.user!.id, decided: false }]);
  await accessReview(`Empty ${t}`, "2026-Q3", "IN_PROGRESS", []);

  // A started period nobody locked, and one ahead (nothing to answer yet).
  const period = await scratchPeriod("2026-01-01", "2026-03-31");
  const ahead = await scratchPeriod("2035-01-01", "2035-12-31");

  const items = await todoFor(lead);
  const awaiting = await db.evidence.count({ where: { status: "SUBMITTED", supersededBy: null } });
  assert.equal(items[0].kind, "review");
  assert.equal(items[0].label, `Review ${awaiting} piece${awaiting === 1 ? "" : "s"} of evidence`);
  assert.equal(items[0].href, "/evidence/review");
  const signOff = items.filter((i) => i.kind === "sign-off");
  // Up to SIGN_OFFS_LISTED one by one (oldest quarter first), the rest as one "Sign off N more" item.
  const listed = signOff.filter((i) => i.href !== "/access-reviews");
  const more = signOff.filter((i) => i.href === "/access-reviews");
  assert.ok(listed.length <= SIGN_OFFS_LISTED && more.length <= 1);
  const readyTotal = listed.length + (more.length ? Number(/^Sign off (\d+) more access reviews?$/.exec(more[0].label)![1]) : 0);
  const mine = listed.filter((i) => i.label.endsWith(t)).map((i) => [i.label, i.href]);
  // Ours is listed, unless older quarters fill the list: then the "more" item counts it.
  if (mine.length === 0) assert.equal(more.length, 1, `Ready ${t} is neither listed nor counted`);
  else assert.deepEqual(mine, [[`Sign off Ready ${t}`, `/access-reviews/${ready.id}#sign-off-heading`]]);
  // The current period's unanswered exceptions, counted; every other open period in one item.
  // (No current period is counted when the current one is locked: the other files' periods decide which it is.)
  const open = await openPeriods();
  const answer = items.filter((i) => i.kind === "exceptions");
  const n = open.current?.unanswered ?? 0;
  assert.deepEqual(
    answer.map((i) => [i.label, i.href]),
    open.current && n > 0
      ? [[`Answer ${n} exception${n === 1 ? "" : "s"} of ${open.current.periodName}`, `/periods/${open.current.periodId}#exceptions`]]
      : [],
  );
  assert.ok(open.others.some((p) => p.id === period.id) || open.current?.periodId === period.id);
  assert.ok(!open.others.some((p) => p.id === ahead.id));
  const others = items.filter((i) => i.kind === "open-periods");
  assert.deepEqual(
    others.map((i) => [i.label, i.href]),
    open.others.length ? [[`${open.others.length} other period${open.others.length === 1 ? "" : "s"} still open`, "/periods"]] : [],
  );
  assert.equal(
    items.some((i) => i.href.startsWith(`/periods/${ahead.id}`)),
    false,
  );

  const after = await navCounts(lead);
  assert.equal(after.awaitingReview, (before.awaitingReview ?? 0) + 1);
  assert.equal(after.accessReviews, (before.accessReviews ?? 0) + 1, "the one ready access review waits for sign-off");
  assert.equal(after.accessReviews, readyTotal);
  // Periods: the current period's unanswered exceptions, as on its to-do item.
  assert.equal(after.unansweredExceptions, n);
});

test("an auditor is given their periods only; an auditor given none has nothing listed", async () => {
  const mine = await scratchPeriod("2026-01-01", "2026-06-30");
  await scratchPeriod("2026-01-01", "2026-06-30");
  const auditor = await scratchUser("AUDITOR");
  const given: Principal = userPrincipal(auditor, [mine.id]);
  assert.deepEqual(
    (await todoFor(given)).map((i) => [i.kind, i.label, i.href, i.detail]),
    [["period", `Audit ${mine.name}`, `/periods/${mine.id}`, "2026-01-01 to 2026-06-30."]],
  );
  assert.deepEqual(await todoFor(userPrincipal(auditor, [])), []);
  assert.deepEqual(await navCounts(given), { awaitingReview: undefined, accessReviews: 0, rejectedEvidence: 0, unansweredExceptions: 0 });
});

test("the navigation counts stay a few cheap queries", async (t) => {
  const lead = userPrincipal(await scratchUser("COMPLIANCE_LEAD"));
  await navCounts(lead);
  const runs = 20;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await navCounts(lead);
  const each = (performance.now() - started) / runs;
  t.diagnostic(`navCounts for a compliance lead: ${each.toFixed(1)} ms each`);
  assert.ok(each < 250, `navCounts took ${each.toFixed(1)} ms`);
});
