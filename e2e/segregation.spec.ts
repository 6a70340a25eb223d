import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bearerContext, insertToken, openReviewQueueAt, tag, upload } from "./evidence-support";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, formStatus, signInAs, withDb } from "./support";

// Segregation of duties (issue 11 item 7, docs/security/segregation-of-duties.md): nobody reviews
// evidence they uploaded (in person, through a token acting for them, or with the same token), a
// token that acts for no named person cannot review at all, a token can act for a person, and an
// organisation may allow self-review, which then marks each such review "Self-reviewed".

async function uploadEvidence(api: APIRequestContext, label: string): Promise<string> {
  const title = `SoD ${label} ${tag()}`;
  const res = await upload(
    api,
    { control: "AI-SEC-01", title, effectiveDate: "2026-02-02" },
    { name: "sod.txt", bytes: Buffer.from(`${title}\n`), type: "text/plain" },
  );
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const evidenceRow = (id: string) =>
  withDb(
    async (c) =>
      (
        await c.query<{ status: string; reviewer: string | null; uploader: string | null; selfReviewed: boolean }>(
          `SELECT e.status, r.email AS reviewer, u.email AS uploader, e."selfReviewed" FROM "Evidence" e
           LEFT JOIN "User" r ON r.id = e."reviewedById" LEFT JOIN "User" u ON u.id = e."uploadedById" WHERE e.id = $1`,
          [id],
        )
      ).rows[0],
  );

async function setSelfReview(page: Page, allow: boolean) {
  await page.goto("/settings/organisation");
  const box = page.getByLabel("Allow self-review");
  if (allow) await box.check();
  else await box.uncheck();
  await page.getByRole("button", { name: "Save self-review setting" }).click();
  await expect(formStatus(page)).toContainText(allow ? "Self-review is allowed" : "Self-review is not allowed");
}

test("nobody reviews their own evidence; a token for no one cannot review; one acting for a person reviews as them", async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const admin = await apiSessionAs("ADMIN");
  const engineer = await apiSessionAs("ENGINEER");

  // The lead's own upload: the lead's review is refused, with what to do, and nothing changes.
  const own = await uploadEvidence(lead, "own");
  let before = await databaseFingerprint();
  const refused = await lead.post(`/api/v1/evidence/${own}/review`, { data: { decision: "accept" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
    /^You uploaded this evidence, so someone else must review it \(segregation of duties\)\./,
  );
  expect(await databaseFingerprint(), "a refused review writes nothing").toBe(before);
  // Rejecting one's own is a review too (withdrawing is how to take it back).
  expect((await lead.post(`/api/v1/evidence/${own}/review`, { data: { decision: "reject", reason: "mine" } })).status()).toBe(403);
  // Someone else may.
  expect((await admin.post(`/api/v1/evidence/${own}/review`, { data: { decision: "accept" } })).status()).toBe(200);
  expect(await evidenceRow(own)).toMatchObject({
    status: "ACCEPTED",
    uploader: ACCOUNTS.COMPLIANCE_LEAD.email,
    reviewer: ACCOUNTS.ADMIN.email,
    selfReviewed: false,
  });

  // A COMPLIANCE_LEAD token that acts for no named person (token:create --role) uploads and cannot accept.
  const ci = await bearerContext(await insertToken("COMPLIANCE_LEAD"));
  const byToken = await uploadEvidence(ci, "ci");
  const engineers = await uploadEvidence(engineer, "engineer's");
  before = await databaseFingerprint();
  for (const id of [byToken, engineers]) {
    const res = await ci.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/acts for no named person/);
  }
  expect(await databaseFingerprint(), "a token for no one reviews nothing").toBe(before);
  // The lead did not upload the token's evidence: the lead reviews it, as a named person.
  expect((await lead.post(`/api/v1/evidence/${byToken}/review`, { data: { decision: "accept" } })).status()).toBe(200);
  expect(await evidenceRow(byToken)).toMatchObject({ status: "ACCEPTED", uploader: null, reviewer: ACCOUNTS.COMPLIANCE_LEAD.email });

  // A token acting for the lead: its uploads are the lead's, so the lead cannot review them in the browser's
  // session either; its review of the engineer's evidence is the lead's review.
  const leadId = await withDb(
    async (c) => (await c.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.COMPLIANCE_LEAD.email])).rows[0].id,
  );
  const actsForLead = await bearerContext(await insertToken("COMPLIANCE_LEAD", { userId: leadId }));
  const leadsViaToken = await uploadEvidence(actsForLead, "lead via token");
  expect(await evidenceRow(leadsViaToken)).toMatchObject({ uploader: ACCOUNTS.COMPLIANCE_LEAD.email });
  expect((await lead.post(`/api/v1/evidence/${leadsViaToken}/review`, { data: { decision: "accept" } })).status()).toBe(403);
  const reviewed = await actsForLead.post(`/api/v1/evidence/${engineers}/review`, { data: { decision: "accept" } });
  expect(reviewed.status(), await reviewed.text()).toBe(200);
  expect(await reviewed.json()).toMatchObject({ reviewedBy: ACCOUNTS.COMPLIANCE_LEAD.email, selfReviewed: false });
  const audit = await withDb(
    async (c) =>
      (
        await c.query<{ actorId: string; actorKind: string }>(
          `SELECT "actorId", "actorKind" FROM "AuditLogEntry" WHERE action = 'evidence.accepted' AND "entityId" = $1`,
          [engineers],
        )
      ).rows,
  );
  expect(audit, "the audit log names the person the token acts for").toEqual([{ actorId: leadId, actorKind: "user" }]);

  // The token stops working when the person changes role.
  await withDb((c) => c.query(`UPDATE "ApiToken" SET role = 'ENGINEER' WHERE "userId" = $1`, [leadId]));
  const stale = await actsForLead.get("/api/v1/controls");
  expect(stale.status()).toBe(401);
  expect(((await stale.json()) as { error: { message: string } }).error.message).toContain(
    `acts for ${ACCOUNTS.COMPLIANCE_LEAD.email} as ENGINEER, and they are now COMPLIANCE_LEAD`,
  );
  for (const api of [lead, admin, engineer, ci, actsForLead]) await api.dispose();
});

test("the review queue offers no review of one's own evidence; with self-review allowed, the review is marked self-reviewed", async ({
  page,
}) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const own = await uploadEvidence(lead, "queue");
  await signInAs(page, "COMPLIANCE_LEAD");
  let card = await openReviewQueueAt(page, own);
  await expect(card.getByTestId("own-evidence")).toHaveText(/You uploaded this evidence, so someone else reviews it/);
  await expect(card.getByRole("button", { name: "Accept" })).toHaveCount(0);

  const adminPage = await page.context().browser()!.newPage();
  try {
    await signInAs(adminPage, "ADMIN");
    await setSelfReview(adminPage, true);
    card = await openReviewQueueAt(page, own);
    await expect(card.getByTestId("own-evidence")).toHaveText(/your review will be marked self-reviewed/);
    await card.getByRole("button", { name: "Accept" }).click();
    await expect(page.locator(".announcement[role=status]")).toContainText("Accepted “SoD queue");
    expect(await evidenceRow(own)).toMatchObject({ status: "ACCEPTED", reviewer: ACCOUNTS.COMPLIANCE_LEAD.email, selfReviewed: true });

    // Shown on the evidence's page and in the API.
    await page.goto(`/evidence/${own}`);
    await expect(page.getByTestId("self-reviewed")).toHaveText("Self-reviewed");
    const json = (await (await lead.get(`/api/v1/evidence/${own}`)).json()) as { selfReviewed: boolean };
    expect(json.selfReviewed).toBe(true);
    const setting = await withDb(
      async (c) =>
        (await c.query(`SELECT after FROM "AuditLogEntry" WHERE "entityId" = 'allowSelfReview' ORDER BY seq DESC LIMIT 1`)).rows[0],
    );
    expect(setting.after).toEqual({ allowSelfReview: true });
  } finally {
    await setSelfReview(adminPage, false);
    await adminPage.close();
    await lead.dispose();
  }
});
