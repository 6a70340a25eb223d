import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import { userPrincipal } from "@/lib/auth/principal";
import { reviewEvidence, withdrawEvidence } from "@/lib/evidence/service";
import { periodExceptions, writeResponse } from "@/lib/exceptions/service";
import { loadPeriodPackage } from "@/lib/export/period-data";
import { periodCoverage } from "@/lib/periods/coverage";
import { lockPeriod, periodLock, shownCoverage, unlockPeriod } from "@/lib/periods/lock";
import { snapshotSha256 } from "@/lib/periods/snapshot";
import { responseSchema, unlockSchema } from "@/lib/validations/exception";
import { appError, parseBody, scratchPeriod, scratchUpload, scratchUser, tag, userCaller } from "@/lib/testing/scratch";

// Issue 13 items 3 and 4 through the services the period page and the API call: management
// responses (audited, refused on bad input with nothing written), and the lock's snapshot, which
// a later upload or withdrawal into the window does not change until the period is unlocked.
// Each test has a year of its own (evidence counts for every period over its date); no other test evidences those years.

const fingerprint = () => fingerprintOf(ownerUrl());
// Ordered by the bigint column (e.seq), not by the text alias: "10" sorts before "9".
const auditOf = (periodId: string) =>
  queryOn<{ seq: string; action: string; before: unknown; after: Record<string, unknown> | null }>(
    ownerUrl(),
    `SELECT seq::text, action, before, after FROM "AuditLogEntry" e WHERE "entityId" = $1 ORDER BY e.seq`,
    [periodId],
  );

async function setUp(year: number) {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const engineer = await userCaller("ENGINEER");
  const period = await scratchPeriod(`${year}-01-01`, `${year}-12-31`);
  // AI-SEC-05 is quarterly: evidence for Q1 and Q2, accepted; Q3 and Q4 are one missing run.
  const upload = async (effectiveDate: string) => {
    const { id } = await scratchUpload(
      engineer,
      { control: "AI-SEC-05", title: `Access review ${effectiveDate}`, effectiveDate },
      { name: "review.txt", bytes: Buffer.from(`review ${effectiveDate} ${tag()}`) },
    );
    await reviewEvidence(id, { decision: "accept" }, lead);
    return id;
  };
  await upload(`${year}-02-01`);
  const q2 = await upload(`${year}-05-01`);
  return { lead, engineer, period, upload, q2 };
}

type Figures = { covered: number; slots: { state: string }[] } & ({ control: string } | { code: string });
const sec05 = (items: Figures[]) => {
  const item = items.find((i) => ("control" in i ? i.control : i.code) === "AI-SEC-05")!;
  return { covered: item.covered, states: item.slots.map((s) => s.state) };
};

test("a lead's response is saved with its audit entry; bad input and unknown exceptions change nothing", async () => {
  const { lead, period } = await setUp(2017);
  const { exceptions, locked } = await periodExceptions(lead, period.id);
  assert.equal(locked, null);
  const missing = exceptions.find((e) => e.id === "MISSING_SLOT:AI-SEC-05:2017-07-01");
  assert.ok(missing, `Q3-Q4 of AI-SEC-05 are one missing run: ${exceptions.map((e) => e.id).join(", ")}`);
  assert.deepEqual([missing.start, missing.end, missing.response], ["2017-07-01", "2017-12-31", ""]);

  const before = await fingerprint();
  await assert.rejects(
    writeResponse(lead, period.id, "MISSING_SLOT:AI-SEC-05:2017-01-01", { response: "Covered anyway." }),
    appError("NOT_FOUND", /has no exception MISSING_SLOT:AI-SEC-05:2017-01-01/),
  );
  assert.throws(() => parseBody(responseSchema, { response: "   " }), appError("VALIDATION", /Write the response/));
  await assert.rejects(writeResponse(lead, period.id, missing.id, { response: "  " }), appError("VALIDATION", "Write the response."));
  assert.equal(await fingerprint(), before, "refused responses write nothing");

  const saved = await writeResponse(
    lead,
    period.id,
    missing.id,
    parseBody(responseSchema, { response: " Reviews moved to the new IdP. " }),
  );
  assert.equal(saved.response, "Reviews moved to the new IdP.");
  await writeResponse(lead, period.id, missing.id, { response: "Reviews moved to the new IdP in July; Q3 review done late." });
  const shown = (await periodExceptions(lead, period.id)).exceptions.find((e) => e.id === missing.id)!;
  assert.equal(shown.response, "Reviews moved to the new IdP in July; Q3 review done late.");
  assert.equal(shown.respondedBy, lead.actor.email);

  const entries = (await auditOf(period.id)).filter((e) => e.action === "period.exception_response");
  assert.equal(entries.length, 2);
  assert.equal(entries[0].before, null);
  assert.deepEqual(
    [entries[1].before, entries[1].after?.response],
    [
      { exceptionId: missing.id, response: "Reviews moved to the new IdP.", respondedBy: lead.actor.email, respondedAt: saved.respondedAt },
      "Reviews moved to the new IdP in July; Q3 review done late.",
    ],
  );
});

test("a locked period's numbers stay the same after a later upload into its window and a withdrawal; unlocking brings them back", async () => {
  const { lead, period, upload, q2 } = await setUp(2019);
  await writeResponse(lead, period.id, "MISSING_SLOT:AI-SEC-05:2019-07-01", { response: "Q3 and Q4 reviews were not held." });
  const liveBefore = await periodCoverage(period.id);
  assert.deepEqual(sec05(liveBefore.items), { covered: 2, states: ["COVERED", "COVERED", "MISSING", "MISSING"] });
  const exceptionsBefore = await periodExceptions(lead, period.id);

  const lock = await lockPeriod(period.id, lead);
  const stored = (await periodLock(period.id))!;
  assert.equal(stored.snapshotSha256, lock.snapshotSha256);
  assert.equal(snapshotSha256(stored.snapshot), lock.snapshotSha256, "the hash is of the snapshot as stored");
  const lockedEntry = (await auditOf(period.id)).at(-1)!;
  assert.equal(lockedEntry.action, "period.locked");
  // The head the lock found is the entry just before its own (appends are serialised).
  const [headBefore] = await queryOn<{ seq: string; hash: string }>(
    ownerUrl(),
    `SELECT seq::text, hash FROM "AuditLogEntry" WHERE seq = $1::bigint - 1`,
    [lockedEntry.seq],
  );
  assert.deepEqual(lock.auditHead, headBefore, "the lock names the log's head as it found it");
  assert.deepEqual([lockedEntry.after?.auditHead, lockedEntry.after?.snapshotSha256], [headBefore, lock.snapshotSha256]);
  await assert.rejects(lockPeriod(period.id, lead), appError("CONFLICT", /already locked/));

  const shownAtLock = await shownCoverage(period.id, () => periodCoverage(period.id));
  const exceptionsAtLock = await periodExceptions(lead, period.id);
  assert.deepEqual(exceptionsAtLock.exceptions, exceptionsBefore.exceptions, "the snapshot is what the period showed");
  assert.equal(shownAtLock.locked?.lockedBy, lead.actor.email);

  // Later: Q3 gets accepted evidence, Q2's is withdrawn. The live figures move; the locked ones do not.
  const q3 = await upload("2019-08-01");
  await withdrawEvidence(q2, "Uploaded to the wrong period.", lead);
  assert.deepEqual(sec05((await periodCoverage(period.id)).items), { covered: 2, states: ["COVERED", "MISSING", "COVERED", "MISSING"] });
  const shownLater = await shownCoverage(period.id, () => periodCoverage(period.id));
  assert.deepEqual(shownLater, shownAtLock, "coverage is frozen");
  assert.deepEqual(sec05(shownLater.items), { covered: 2, states: ["COVERED", "COVERED", "MISSING", "MISSING"] });
  assert.deepEqual(await periodExceptions(lead, period.id), exceptionsAtLock, "exceptions and responses are frozen");
  const pkg = await loadPeriodPackage(period.id, lead);
  assert.deepEqual(pkg.lock, { state: "locked", lockedAt: lock.lockedAt, lockedBy: lead.actor.email });
  assert.deepEqual(sec05(pkg.controls), sec05(shownAtLock.items), "the export shows the snapshot too");
  assert.deepEqual(
    pkg.exceptions.map((e) => [e.id, e.response]),
    exceptionsAtLock.exceptions.map((e) => [e.id, e.response]),
  );
  assert.ok(
    pkg.evidence.some((e) => e.id === q3),
    "the package's evidence is as it is",
  );

  // While locked, responses are refused, and unlocking needs a reason.
  const before = await fingerprint();
  await assert.rejects(
    writeResponse(lead, period.id, "MISSING_SLOT:AI-SEC-05:2019-07-01", { response: "Changed my mind." }),
    appError("CONFLICT", /locked.*Unlock it first/),
  );
  assert.throws(() => parseBody(unlockSchema, {}), appError("VALIDATION", /Say why/));
  assert.throws(() => parseBody(unlockSchema, { reason: "because" }), appError("VALIDATION", /at least 10 characters/));
  await assert.rejects(unlockPeriod(period.id, "   short  ", lead), appError("VALIDATION", /at least 10 characters/));
  assert.equal(await fingerprint(), before, "refusals while locked write nothing");

  await unlockPeriod(period.id, "The auditor asked for the Q3 review.", lead);
  await assert.rejects(unlockPeriod(period.id, "Once more, to be sure.", lead), appError("CONFLICT", "This period is not locked."));
  const unlockedEntry = (await auditOf(period.id)).at(-1)!;
  assert.equal(unlockedEntry.action, "period.unlocked");
  assert.deepEqual(unlockedEntry.after, { reason: "The auditor asked for the Q3 review." });
  assert.equal((unlockedEntry.before as { snapshotSha256: string }).snapshotSha256, lock.snapshotSha256);

  const after = await shownCoverage(period.id, () => periodCoverage(period.id));
  assert.equal(after.locked, null);
  assert.deepEqual(sec05(after.items), { covered: 2, states: ["COVERED", "MISSING", "COVERED", "MISSING"] });
  const ids = (await periodExceptions(lead, period.id)).exceptions.map((e) => e.id);
  assert.ok(ids.includes(`EVIDENCE_WITHDRAWN:${q2}`));
  assert.ok(ids.includes("MISSING_SLOT:AI-SEC-05:2019-04-01"));
  assert.ok(ids.includes("MISSING_SLOT:AI-SEC-05:2019-10-01"));
  assert.ok(!ids.includes("MISSING_SLOT:AI-SEC-05:2019-07-01"), "the answered run is gone once Q3 is covered");
});

test("an auditor not given the period gets NOT_FOUND for its exceptions, responses and lock", async () => {
  const { lead, period } = await setUp(2018);
  const auditor = userPrincipal(await scratchUser("AUDITOR"), []);
  const given = userPrincipal(await scratchUser("AUDITOR"), [period.id]);
  const notFound = appError("NOT_FOUND", `There is no audit period ${period.id}.`);
  await assert.rejects(periodExceptions(auditor, period.id), notFound);
  await assert.rejects(writeResponse(auditor, period.id, "MISSING_SLOT:AI-SEC-05:2018-07-01", { response: "x" }), notFound);
  await assert.rejects(lockPeriod(period.id, auditor), notFound);
  await assert.rejects(unlockPeriod(period.id, "A long enough reason.", auditor), notFound);
  assert.deepEqual(
    (await periodExceptions(given, period.id)).exceptions.map((e) => e.id),
    (await periodExceptions(lead, period.id)).exceptions.map((e) => e.id),
  );
});

test("the authorization walk's lockable period (2020, Security) has the exception it answers", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const period = await scratchPeriod("2020-01-01", "2020-12-31");
  const ids = (await periodExceptions(lead, period.id)).exceptions.map((e) => e.id);
  assert.ok(ids.includes("MISSING_SLOT:AI-SEC-05:2020-01-01"), ids.join(", "));
});
