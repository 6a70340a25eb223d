import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenPrincipal, userPrincipal } from "@/lib/auth/principal";
import { assertPeriodVisible, EVERYTHING, scopeOf } from "@/lib/auth/scope";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { listChanges } from "@/lib/changes/queries";
import { getControl, listControls } from "@/lib/controls/queries";
import { db } from "@/lib/db";
import { evidenceWithFile, evidenceWithVersions, listEvidencePage } from "@/lib/evidence/queries";
import { getFeature } from "@/lib/features/queries";
import { listPeriods, updatePeriod } from "@/lib/periods/service";
import { createToken } from "@/lib/tokens/service";
import {
  appError,
  scratchEvidence,
  scratchFeature,
  scratchPeriod,
  scratchToken,
  scratchUser,
  seededControl,
  tag,
} from "@/lib/testing/scratch";

// An auditor's reads, through the one scope function (lib/auth/scope.ts): what the periods given
// to them hold, and nothing else; a record outside is not found rather than forbidden.

const page = { sort: "uploaded", dir: "desc", page: 1 } as const;

async function world() {
  const lead = userPrincipal(await scratchUser("COMPLIANCE_LEAD"));
  const [inScope, otherFeature] = [await scratchFeature("in-scope"), await scratchFeature("other")];
  const security = await seededControl("AI-SEC-01");
  const availability = await seededControl("AI-AVL-03");
  assert.equal(security.category, "SECURITY");
  assert.notEqual(availability.category, "SECURITY");
  // A: the first half of 2031, Security only, one feature. B: the first half of 2032, everything.
  const a = await scratchPeriod("2031-01-01", "2031-06-30", [inScope]);
  await db.auditPeriod.update({ where: { id: a.id }, data: { categories: ["SECURITY"] } });
  const b = await scratchPeriod("2032-01-01", "2032-06-30");
  const evidence = {
    a: await scratchEvidence(lead, { control: "AI-SEC-01", effectiveDate: "2031-02-01" }),
    b: await scratchEvidence(lead, { control: "AI-SEC-01", effectiveDate: "2032-02-01" }),
    otherCategory: await scratchEvidence(lead, { control: "AI-AVL-03", effectiveDate: "2031-02-01" }),
    otherFeature: await scratchEvidence(lead, { control: "AI-SEC-01", effectiveDate: "2031-02-02" }),
    ownFeature: await scratchEvidence(lead, { control: "AI-SEC-01", effectiveDate: "2031-02-03" }),
  };
  await db.evidenceFeature.create({ data: { evidenceId: evidence.otherFeature.id, featureId: otherFeature.id } });
  await db.evidenceFeature.create({ data: { evidenceId: evidence.ownFeature.id, featureId: inScope.id } });
  const user = await scratchUser("AUDITOR");
  await db.auditPeriodAuditor.create({ data: { periodId: a.id, userId: user.id } });
  return { lead, a, b, evidence, inScope, otherFeature, user, auditor: userPrincipal(user, [a.id]) };
}

test("an auditor given one period sees its evidence, periods, controls and features, and nothing of the other", async () => {
  const w = await world();
  const scope = await scopeOf(w.auditor);
  assert.equal(scope.all, false);

  const periods = (await listPeriods(scope)).map((p) => p.id);
  assert.ok(periods.includes(w.a.id));
  assert.ok(!periods.includes(w.b.id), "the period not given is not listed");
  await assertPeriodVisible(w.auditor, w.a.id);
  await assert.rejects(assertPeriodVisible(w.auditor, w.b.id), appError("NOT_FOUND", /no audit period/));

  const listed = (await listEvidencePage({ ...page, control: "AI-SEC-01", from: "2031-01-01", to: "2032-12-31" }, scope)).items.map(
    (e) => e.id,
  );
  assert.ok(listed.includes(w.evidence.a.id), "evidence effective in the window");
  assert.ok(listed.includes(w.evidence.ownFeature.id), "evidence of the period's feature");
  assert.ok(!listed.includes(w.evidence.b.id), "evidence of another window");
  assert.ok(!listed.includes(w.evidence.otherFeature.id), "evidence of a feature outside the period");
  assert.ok(
    !(await listEvidencePage({ ...page, control: "AI-AVL-03", from: "2031-01-01", to: "2031-12-31" }, scope)).items.some(
      (e) => e.id === w.evidence.otherCategory.id,
    ),
    "evidence of a control outside the period's categories",
  );
  assert.ok(await evidenceWithVersions(w.evidence.a.id, scope));
  assert.equal(await evidenceWithVersions(w.evidence.b.id, scope), null);
  assert.equal(await evidenceWithFile(w.evidence.b.id, scope), null);
  // The lead sees all of it.
  assert.ok(await evidenceWithVersions(w.evidence.b.id, await scopeOf(w.lead)));

  assert.ok(await getControl("AI-SEC-01", scope));
  assert.equal(await getControl("AI-AVL-03", scope), null, "a control of another category does not exist for them");
  assert.ok((await listControls({}, scope)).every((c) => c.category === "SECURITY"));
  assert.ok(await getFeature(w.inScope.slug, scope));
  assert.equal(await getFeature(w.otherFeature.slug, scope), null);
});

test("validity: evidence valid on a day of the window is the auditor's, evidence valid only outside it is not", async () => {
  const w = await world();
  const scope = await scopeOf(w.auditor);
  const [inside, outside] = await Promise.all([
    db.evidence.update({
      where: { id: w.evidence.b.id },
      data: {
        effectiveDate: new Date("2030-06-01T00:00:00Z"),
        validFrom: new Date("2030-06-01T00:00:00Z"),
        validUntil: new Date("2031-01-01T00:00:00Z"),
      },
    }),
    db.evidence.update({
      where: { id: w.evidence.otherFeature.id },
      data: {
        effectiveDate: new Date("2030-06-01T00:00:00Z"),
        validFrom: new Date("2030-06-01T00:00:00Z"),
        validUntil: new Date("2030-12-31T00:00:00Z"),
      },
    }),
  ]);
  // Valid through the window's first day: in. Ending the day before it (and of another feature anyway): out.
  assert.ok(await evidenceWithVersions(inside.id, scope));
  await db.evidenceFeature.deleteMany({ where: { evidenceId: outside.id } });
  assert.equal(await evidenceWithVersions(outside.id, scope), null);
});

test("changes: those merged in the auditor's window, of the period's features or of none", async () => {
  const w = await world();
  const scope = await scopeOf(w.auditor);
  const title = `scope ${tag()}`;
  const change = (mergedAt: string, featureId: string | null) =>
    db.change.create({ data: { kind: "PROMPT_CHANGE", title, mergedAt: new Date(mergedAt), featureId } });
  const inWindow = await change("2031-03-01T12:00:00Z", null);
  const ownFeature = await change("2031-03-02T12:00:00Z", w.inScope.id);
  const otherFeature = await change("2031-03-03T12:00:00Z", w.otherFeature.id);
  const otherWindow = await change("2032-03-01T12:00:00Z", null);
  const seen = new Set((await listChanges({ page: 1, from: "2031-03-01", to: "2032-03-01" }, scope)).items.map((c) => c.id));
  assert.ok(seen.has(inWindow.id));
  assert.ok(seen.has(ownFeature.id));
  assert.ok(!seen.has(otherFeature.id));
  assert.ok(!seen.has(otherWindow.id));
  const all = new Set((await listChanges({ page: 1, from: "2031-03-01", to: "2032-03-01" }, EVERYTHING)).items.map((c) => c.id));
  assert.ok(all.has(otherFeature.id) && all.has(otherWindow.id));
});

test("the audit log: entries written in the auditor's windows, never one about a period not given", async () => {
  const w = await world();
  // A period holding today, given to a second auditor with A; B's change is written today too.
  const today = new Date().toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  const now = await scratchPeriod(`${year}-01-01`, `${year}-12-31`);
  const auditor = userPrincipal(await scratchUser("AUDITOR"), [w.a.id, now.id]);
  const scope = await scopeOf(auditor);
  const rename = (p: { id: string; start: Date; end: Date }, name: string) =>
    updatePeriod(
      p.id,
      {
        name,
        type: "TYPE_II",
        start: p.start.toISOString().slice(0, 10),
        end: p.end.toISOString().slice(0, 10),
        categories: ["SECURITY"],
        features: [],
        auditors: [],
      },
      w.lead,
    );
  await rename(w.b, `Renamed B ${tag()}`);
  await rename(now, `Renamed now ${tag()}`);
  const entries = (await listAuditEntries({ entityType: "AuditPeriod" }, scope, 200)).rows;
  assert.ok(
    entries.some((e) => e.entityId === now.id),
    "an entry about their period, written in its window",
  );
  assert.ok(!entries.some((e) => e.entityId === w.b.id), "no entry about the period not given");
  const everything = (await listAuditEntries({ entityType: "AuditPeriod" }, EVERYTHING, 200)).rows;
  assert.ok(everything.some((e) => e.entityId === w.b.id));
});

test("an auditor given no period sees nothing; a token for an auditor carries their periods; other roles see everything", async () => {
  const w = await world();
  const none = await scopeOf(userPrincipal(await scratchUser("AUDITOR"), []));
  assert.deepEqual(await listPeriods(none), []);
  assert.equal((await listEvidencePage(page, none)).total, 0);
  assert.deepEqual(await listControls({}, none), []);

  const token = await scratchToken("AUDITOR", { user: w.user });
  assert.deepEqual(tokenPrincipal({ ...token, periods: [w.a.id] }).periods, [w.a.id]);
  // An auditor's token for nobody has nobody's periods: it sees nothing.
  assert.deepEqual(tokenPrincipal({ ...(await scratchToken("AUDITOR")), periods: [w.a.id] }).periods, []);
  // Periods given to someone who is no auditor narrow nothing.
  assert.equal(userPrincipal(await scratchUser("ENGINEER"), [w.a.id]).periods, "all");
  assert.equal(tokenPrincipal({ ...(await scratchToken("COMPLIANCE_LEAD", { user: w.user })), periods: [w.a.id] }).periods, "all");
  // So an auditor's token is made for an auditor: one with the role and nobody is refused, and not stored.
  const name = `auditor for nobody ${tag()}`;
  await assert.rejects(
    createToken({ name, role: "AUDITOR", scopes: [], expiresAt: null }, w.lead),
    appError("VALIDATION", /must act for an auditor/),
  );
  assert.equal(await db.apiToken.count({ where: { name } }), 0);
  const made = await createToken({ name, actsFor: { userId: w.user.id }, scopes: [], expiresAt: null }, w.lead);
  assert.equal(made.role, "AUDITOR");
});
