import { test } from "node:test";
import assert from "node:assert/strict";
import { controlCoverage } from "./engine";
import { normaliseCommitSha, normalisePullRequest, sameCommit } from "./matching";
import type { CoverageChange, CoverageControl, CoverageEvidence } from "./types";

const perEvent: CoverageControl = { code: "AI-PI-02", frequency: "PER_EVENT", designStatus: "IN_PLACE", operatesSince: null };
const period = { start: "2026-03-01", end: "2026-03-31" };
const sha = "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345";
const change = (id: string, mergedAt: string, commitSha: string | null = null, pullRequest: string | null = null): CoverageChange => ({
  id,
  mergedAt,
  commitSha,
  pullRequest,
});
const evidence = (id: string, commitSha: string | null, pullRequest: string | null = null): CoverageEvidence => ({
  id,
  effectiveDate: "2026-01-15",
  validFrom: null,
  validUntil: null,
  commitSha,
  pullRequest,
});
const run = (
  changes: CoverageChange[],
  evidenceRows: CoverageEvidence[],
  extra: { today?: string; timeZone?: string; control?: CoverageControl } = {},
) =>
  controlCoverage({
    period,
    control: extra.control ?? perEvent,
    evidence: evidenceRows,
    changes,
    today: extra.today ?? "2026-05-01",
    timeZone: extra.timeZone,
  });

test("commit SHAs match case-insensitively and by a prefix of 7 or more characters either way", () => {
  assert.ok(sameCommit(normaliseCommitSha(sha.toUpperCase())!, sha));
  assert.ok(sameCommit(sha.slice(0, 7), sha));
  assert.ok(sameCommit(sha, sha.slice(0, 12)));
  assert.ok(!sameCommit(sha.slice(0, 6), sha), "6 characters are too short");
  assert.ok(!sameCommit(sha.slice(0, 8) + "0", sha));
  assert.equal(normaliseCommitSha("  "), null);

  const item = run(
    [
      change("full", "2026-03-02T10:00:00Z", sha),
      change("short", "2026-03-03T10:00:00Z", sha.slice(0, 7).toUpperCase()),
      change("too-short", "2026-03-04T10:00:00Z", sha.slice(0, 6)),
    ],
    [evidence("e-full", sha.toUpperCase()), evidence("e-abbrev", sha.slice(0, 9)), evidence("e-other", "aaaaaaaaaaaa")],
  );
  assert.deepEqual(
    item.slots.map((s) => [s.change, s.state, s.evidence]),
    [
      ["full", "COVERED", ["e-abbrev", "e-full"]],
      ["short", "COVERED", ["e-abbrev", "e-full"]],
      ["too-short", "MISSING", []],
    ],
  );
  assert.deepEqual([item.expected, item.covered, item.status], [3, 2, "GAPS"]);
});

test("pull requests match as #12, 12 or a URL ending in /pull/12", () => {
  for (const form of [
    "#12",
    "12",
    " 012 ",
    "https://github.com/acme/app/pull/12",
    "https://github.com/acme/app/pull/12/",
    "https://github.com/acme/app/pull/12#top",
  ]) {
    assert.equal(normalisePullRequest(form), "12", form);
  }
  assert.equal(normalisePullRequest("https://github.com/acme/app/pull/123"), "123");
  assert.equal(normalisePullRequest("!7 on GitLab"), "!7 on gitlab");
  assert.equal(normalisePullRequest(""), null);

  const item = run(
    [
      change("c1", "2026-03-05T12:00:00Z", null, "https://github.com/acme/app/pull/12"),
      change("c2", "2026-03-06T12:00:00Z", null, "#13"),
      change("c3", "2026-03-07T12:00:00Z", "deadbeefcafe", "14"),
    ],
    [
      evidence("e12", null, "#12"),
      evidence("e13", null, "https://github.com/acme/app/pull/130"),
      evidence("e14", "0000000", "https://github.com/acme/app/pull/14"),
    ],
  );
  assert.deepEqual(
    item.slots.map((s) => [s.change, s.state, s.evidence.join()]),
    [
      ["c1", "COVERED", "e12"],
      ["c2", "MISSING", ""],
      ["c3", "COVERED", "e14"],
    ],
  );
});

test("a change naming no commit and no pull request is missing once due, not yet due before", () => {
  const changes = [change("bare", "2026-03-10T09:00:00Z"), change("today", "2026-03-20T09:00:00Z")];
  const item = run(changes, [evidence("e1", null, null)], { today: "2026-03-20" });
  assert.deepEqual(
    item.slots.map((s) => `${s.start} ${s.state} ${s.change}`),
    ["2026-03-10 MISSING bare", "2026-03-20 NOT_YET_DUE today"],
  );
  assert.deepEqual([item.expected, item.status], [1, "NOT_OPERATING"]);
});

test("a change merged near midnight UTC falls on the organisation's calendar day", () => {
  // 2026-03-31T23:30Z is already 1 April in Tokyo and Auckland: outside the March period there.
  const lateUtc = [change("late", "2026-03-31T23:30:00Z", sha)];
  assert.deepEqual(
    run(lateUtc, [], { timeZone: "UTC" }).slots.map((s) => s.start),
    ["2026-03-31"],
  );
  assert.deepEqual(run(lateUtc, [], { timeZone: "Asia/Tokyo" }).slots, []);
  assert.deepEqual(run(lateUtc, [], { timeZone: "Pacific/Auckland" }).slots, []);
  // 2026-03-01T00:30Z is still 28 February in Los Angeles: outside the period there.
  const earlyUtc = [change("early", "2026-03-01T00:30:00Z", sha)];
  assert.deepEqual(
    run(earlyUtc, [], { timeZone: "UTC" }).slots.map((s) => s.start),
    ["2026-03-01"],
  );
  assert.deepEqual(run(earlyUtc, [], { timeZone: "America/Los_Angeles" }).slots, []);
  // And the day decides whether it is due: merged 2026-03-10T20:00Z is 11 March in Tokyo.
  const evening = [change("evening", "2026-03-10T20:00:00Z")];
  assert.equal(run(evening, [], { today: "2026-03-11", timeZone: "UTC" }).slots[0].state, "MISSING");
  const tokyo = run(evening, [], { today: "2026-03-11", timeZone: "Asia/Tokyo" });
  assert.deepEqual([tokyo.slots[0].start, tokyo.slots[0].state, tokyo.status], ["2026-03-11", "NOT_YET_DUE", "NOT_YET_DUE"]);
});

test("changes before operatesSince are not in operation; slots are in merge order", () => {
  const control = { ...perEvent, operatesSince: "2026-03-15" };
  const item = run(
    [change("b", "2026-03-20T10:00:00Z", sha), change("a", "2026-03-20T08:00:00Z"), change("early", "2026-03-14T23:59:00Z", sha)],
    [evidence("e1", sha)],
    { control },
  );
  assert.deepEqual(
    item.slots.map((s) => `${s.start} ${s.change} ${s.state}`),
    ["2026-03-14 early NOT_IN_OPERATION", "2026-03-20 a MISSING", "2026-03-20 b COVERED"],
  );
  assert.deepEqual(item.slots[0].evidence, []);
  assert.deepEqual([item.expected, item.covered, item.coverage], [2, 1, 0.5]);
});

test("no change in the window: nothing due; an empty window: not operating", () => {
  assert.equal(run([change("april", "2026-04-02T10:00:00Z")], []).status, "NOT_YET_DUE");
  const late = run([change("c", "2026-03-02T10:00:00Z")], [], { control: { ...perEvent, operatesSince: "2026-04-01" } });
  assert.deepEqual([late.slots.map((s) => s.state), late.status], [["NOT_IN_OPERATION"], "NOT_OPERATING"]);
});

test("a malformed mergedAt throws", () => {
  assert.throws(() => run([change("c7", "2026-03-02 10:00")], []), /change c7 mergedAt must be an ISO 8601 instant/);
});

test("AI-PI-02: an evaluation dated after the merge day does not cover the change; the merge day does; AI-PI-01 ignores dates", () => {
  const dated = (id: string, effectiveDate: string): CoverageEvidence => ({ ...evidence(id, sha), effectiveDate });
  const changes = [change("c", "2026-03-10T12:00:00Z", sha)];
  const after = run(changes, [dated("late", "2026-03-11")]);
  assert.equal(after.slots[0].state, "MISSING");
  assert.deepEqual(after.slots[0].evidence, []);
  const onTheDay = run(changes, [dated("late", "2026-03-11"), dated("same-day", "2026-03-10")]);
  assert.equal(onTheDay.slots[0].state, "COVERED");
  assert.deepEqual(onTheDay.slots[0].evidence, ["same-day"]);
  const changeRecord = run(changes, [dated("late", "2026-03-11")], { control: { ...perEvent, code: "AI-PI-01" } });
  assert.equal(changeRecord.slots[0].state, "COVERED");
});
