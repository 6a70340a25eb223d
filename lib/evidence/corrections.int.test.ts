import { EVERYTHING } from "@/lib/auth/scope";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import type { Principal } from "@/lib/auth/principal";
import { userPrincipal } from "@/lib/auth/principal";
import { evidenceWithFile, evidenceWithVersions } from "@/lib/evidence/queries";
import { reviewEvidence, withdrawEvidence } from "@/lib/evidence/service";
import { storedPath } from "@/lib/evidence/storage";
import { reviewSchema, withdrawSchema } from "@/lib/validations/evidence";
import { appError, parseBody, scratchUpload, scratchUser, stagedFiles, tag, tokenCaller, userCaller } from "@/lib/testing/scratch";

// Review, withdrawal and corrections (new versions), through the evidence service with the
// Principals the API and the browser build: who may decide, withdraw or correct, what conflicts,
// and that a refusal writes nothing and leaves no staged file. Byte round trips, bad uploads and
// status codes stay in e2e/evidence-api.spec.ts; which permission each route asks, in
// e2e/authorization.spec.ts.

const fingerprint = () => fingerprintOf(ownerUrl());
const fields = (title: string, extra: Record<string, string> = {}) => ({
  control: "AI-PI-02",
  title,
  effectiveDate: "2026-02-02",
  ...extra,
});
const text = (name: string, content: string) => ({ name, bytes: Buffer.from(content) });

/** A review as POST /api/v1/evidence/{id}/review takes it: the body parsed, then the service. */
const review = async (id: string, body: Record<string, unknown>, caller: Principal) =>
  reviewEvidence(id, parseBody(reviewSchema, body), caller);
/** A withdrawal as POST /api/v1/evidence/{id}/withdraw takes it. */
const withdraw = async (id: string, body: Record<string, unknown>, caller: Principal) =>
  withdrawEvidence(id, parseBody(withdrawSchema, body).reason, caller);

test("a lead accepts or rejects (with a reason); a second decision conflicts; an engineer cannot review", async () => {
  const engineer = await tokenCaller("ENGINEER");
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const lead = userPrincipal(leadUser);
  const a = await scratchUpload(engineer, fields(`to accept ${tag()}`), text("a.txt", `a ${tag()}`));
  const b = await scratchUpload(engineer, fields(`to reject ${tag()}`), text("b.txt", `b ${tag()}`));

  let before = await fingerprint();
  await assert.rejects(review(a.id, { decision: "accept" }, engineer), appError("FORBIDDEN", /evidence:review/));
  assert.equal(await fingerprint(), before, "a refused review writes nothing");

  const accepted = await review(a.id, { decision: "accept" }, lead);
  assert.equal(accepted.status, "ACCEPTED");
  assert.equal(accepted.reviewedBy, leadUser.email);
  before = await fingerprint();
  await assert.rejects(review(a.id, { decision: "reject", reason: "late" }, lead), appError("CONFLICT", /not awaiting review/));
  await assert.rejects(review(b.id, { decision: "reject" }, lead), appError("VALIDATION", /Say why/));
  assert.equal(await fingerprint(), before, "a second decision and a reasonless rejection write nothing");

  const rejected = await review(b.id, { decision: "reject", reason: "Wrong period: this is last quarter's scan." }, lead);
  assert.equal(rejected.status, "REJECTED");
  assert.equal(rejected.reviewReason, "Wrong period: this is last quarter's scan.");

  const audit = await queryOn<{ action: string }>(
    ownerUrl(),
    `SELECT action FROM "AuditLogEntry" WHERE "entityId" = ANY($1) ORDER BY seq`,
    [[a.id, b.id]],
  );
  assert.deepEqual(
    audit.map((r) => r.action),
    ["evidence.created", "evidence.created", "evidence.accepted", "evidence.rejected"],
  );
  await assert.rejects(review("00000000-0000-4000-8000-000000000000", { decision: "accept" }, lead), appError("NOT_FOUND", /no evidence/));
});

test("a correction is a new version in the same lineage; the old one stays; withdrawal keeps the bytes", async () => {
  const engineerToken = await tokenCaller("ENGINEER");
  const t = tag();
  const v1 = await scratchUpload(engineerToken, fields(`scan ${t}`), text("scan.txt", `v1 ${t}`));
  const v2 = await scratchUpload(engineerToken, fields(`scan ${t} (corrected)`, { supersedes: v1.id }), text("scan.txt", `v2 ${t}`));
  assert.deepEqual([v2.version, v2.lineageId, v2.supersedes], [2, v1.lineageId, v1.id]);
  const before = await fingerprint();
  await assert.rejects(
    scratchUpload(engineerToken, fields(`scan ${t} fork`, { supersedes: v1.id }), text("scan.txt", `v2b ${t}`)),
    appError("CONFLICT", `Evidence ${v1.id} already has a newer version; correct the newest one.`),
  );
  assert.equal(await fingerprint(), before, "a forked correction writes nothing");
  assert.deepEqual(stagedFiles(), []);
  const detail = (await evidenceWithVersions(v1.id, EVERYTHING))!.evidence;
  assert.deepEqual(
    detail.versions.map((v) => v.version),
    [1, 2],
  );
  assert.equal(detail.supersededBy, v2.id);

  // The engineer's token did not upload as a person: only the uploader (a person) or a lead may withdraw.
  const person = await userCaller("ENGINEER");
  const mine = await scratchUpload(person, fields(`mine ${t}`), text("mine.txt", `mine ${t}`));
  assert.equal(mine.source, "BROWSER");
  await assert.rejects(withdraw(mine.id, { reason: "x" }, engineerToken), appError("FORBIDDEN", /Only whoever uploaded this evidence/));
  await assert.rejects(withdraw(mine.id, {}, person), appError("VALIDATION", /Say why the evidence is withdrawn/));
  const withdrawn = await withdraw(mine.id, { reason: "Uploaded to the wrong control." }, person);
  assert.deepEqual([withdrawn.status, withdrawn.withdrawnReason], ["WITHDRAWN", "Uploaded to the wrong control."]);
  await assert.rejects(withdraw(mine.id, { reason: "again" }, person), appError("CONFLICT", /already withdrawn/));
  // The bytes stay, and the row still points at them (what GET .../file serves).
  const stored = (await evidenceWithFile(mine.id, EVERYTHING))!;
  assert.equal(stored.file?.sha256, mine.sha256);
  assert.equal(fs.existsSync(storedPath(mine.sha256!)), true);
});

// Reproduced: a lead's token narrowed to evidence:write withdrew another's evidence (the route asked the role, not the scopes).
test("a lead's token narrowed to evidence:write cannot withdraw or correct another's evidence; with evidence:review it can", async () => {
  const engineer = await tokenCaller("ENGINEER");
  const narrowed = await tokenCaller("COMPLIANCE_LEAD", { scopes: ["evidence:write"] });
  const reviewing = await tokenCaller("COMPLIANCE_LEAD", { scopes: ["evidence:write", "evidence:review"] });
  const t = tag();
  const theirs = await scratchUpload(engineer, fields(`theirs ${t}`), text("t.txt", `t ${t}`));
  const before = await fingerprint();
  await assert.rejects(withdraw(theirs.id, { reason: "Not mine to withdraw." }, narrowed), appError("FORBIDDEN", /evidence:review/));
  await assert.rejects(
    scratchUpload(narrowed, fields(`theirs ${t} (corrected)`, { supersedes: theirs.id }), text("t.txt", `t2 ${t}`)),
    appError("FORBIDDEN", /evidence:review/),
  );
  assert.equal(await fingerprint(), before, "refused calls change nothing");
  assert.deepEqual(stagedFiles(), []);

  const corrected = await scratchUpload(reviewing, fields(`theirs ${t} (corrected)`, { supersedes: theirs.id }), text("t.txt", `t2 ${t}`));
  assert.deepEqual([corrected.version, corrected.supersedes], [2, theirs.id]);
  const withdrawn = await withdraw(theirs.id, { reason: "Superseded, and wrong." }, reviewing);
  assert.equal(withdrawn.status, "WITHDRAWN");
});

test("corrections follow the withdrawal rule: the uploader or someone who may review, never another uploader", async () => {
  const t = tag();
  const engineerUser = await scratchUser("ENGINEER");
  const person = userPrincipal(engineerUser);
  // A token of the same role acting for no one: a different uploader from the person in the browser.
  const token = await tokenCaller("ENGINEER");
  const mine = await scratchUpload(person, fields(`person's ${t}`), text("p.txt", `p ${t}`));
  const tokens = await scratchUpload(token, fields(`token's ${t}`), text("k.txt", `k ${t}`));
  const before = await fingerprint();
  await assert.rejects(
    scratchUpload(token, fields(`person's ${t} v2`, { supersedes: mine.id }), text("p.txt", `x ${t}`)),
    appError(
      "FORBIDDEN",
      "Only whoever uploaded this evidence (the same person or API token), or someone who may review evidence (evidence:review), can correct it.",
    ),
  );
  await assert.rejects(
    scratchUpload(person, fields(`token's ${t} v2`, { supersedes: tokens.id }), text("k.txt", `y ${t}`)),
    appError("FORBIDDEN", /can correct it/),
  );
  assert.equal(await fingerprint(), before, "refused corrections change nothing");
  assert.deepEqual(stagedFiles(), []);

  // The uploader corrects their own; a lead (who may review) corrects anyone's.
  const own = await scratchUpload(person, fields(`person's ${t} v2`, { supersedes: mine.id }), text("p.txt", `p2 ${t}`));
  assert.equal(own.version, 2);
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const byLead = await scratchUpload(
    userPrincipal(leadUser),
    fields(`token's ${t} v2`, { supersedes: tokens.id }),
    text("k.txt", `k2 ${t}`),
  );
  assert.deepEqual([byLead.version, byLead.supersedes, byLead.uploadedBy], [2, tokens.id, leadUser.email]);
});

test("two corrections of the same version racing: one is stored, the other conflicts and leaves nothing behind", async () => {
  const engineer = await userCaller("ENGINEER");
  const t = tag();
  const v1 = await scratchUpload(engineer, fields(`race ${t}`), text("r.txt", `r1 ${t}`));
  const results = await Promise.allSettled(
    ["a", "b", "c"].map((x) => scratchUpload(engineer, fields(`race ${t} ${x}`, { supersedes: v1.id }), text("r.txt", `r2${x} ${t}`))),
  );
  const stored = results.filter((r) => r.status === "fulfilled");
  const refused = results.filter((r) => r.status === "rejected");
  assert.equal(stored.length, 1, "exactly one correction wins");
  for (const r of refused) appError("CONFLICT", `Evidence ${v1.id} already has a newer version; correct the newest one.`)(r.reason);
  const rows = await queryOn<{ version: number }>(ownerUrl(), `SELECT version FROM "Evidence" WHERE "lineageId" = $1 ORDER BY version`, [
    v1.lineageId,
  ]);
  assert.deepEqual(
    rows.map((r) => r.version),
    [1, 2],
  );
  const corrected = await queryOn<{ n: number }>(
    ownerUrl(),
    `SELECT count(*)::int AS n FROM "AuditLogEntry" WHERE action = 'evidence.corrected' AND "entityId" = ANY(SELECT id::text FROM "Evidence" WHERE "lineageId" = $1)`,
    [v1.lineageId],
  );
  assert.equal(corrected[0].n, 1, "one audit entry, for the stored one");
  assert.deepEqual(stagedFiles(), []);
});
