import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bearerContext, insertToken, openReviewQueueAt, tag, upload } from "./evidence-support";
import { ACCOUNTS, apiSessionAs, formStatus, signInAs, withDb } from "./support";

// Segregation of duties (issue 11 item 7, docs/security/segregation-of-duties.md): nobody reviews
// evidence they uploaded (in person, through a token acting for them, or with the same token), a
// token that acts for no named person cannot review at all, a token can act for a person, and an
// organisation may allow self-review, which then marks each such review "Self-reviewed". The
// rules themselves run against the review service in lib/evidence/segregation.int.test.ts; here,
// what the API, the tokens and the review queue show of them.

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

test("a token acting for a person stops working when the person changes role", async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const leadId = await withDb(
    async (c) => (await c.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.COMPLIANCE_LEAD.email])).rows[0].id,
  );
  const actsForLead = await bearerContext(await insertToken("COMPLIANCE_LEAD", { userId: leadId }));
  const leadsViaToken = await uploadEvidence(actsForLead, "lead via token");
  // Its uploads are the lead's, so the lead's own session cannot review them (the rule itself:
  // lib/evidence/segregation.int.test.ts).
  expect(await evidenceRow(leadsViaToken)).toMatchObject({ uploader: ACCOUNTS.COMPLIANCE_LEAD.email });
  const refused = await lead.post(`/api/v1/evidence/${leadsViaToken}/review`, { data: { decision: "accept" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
    /^You uploaded this evidence, so someone else must review it \(segregation of duties\)\./,
  );

  await withDb((c) => c.query(`UPDATE "ApiToken" SET role = 'ENGINEER' WHERE "userId" = $1`, [leadId]));
  const stale = await actsForLead.get("/api/v1/controls");
  expect(stale.status()).toBe(401);
  expect(((await stale.json()) as { error: { message: string } }).error.message).toContain(
    `acts for ${ACCOUNTS.COMPLIANCE_LEAD.email} as ENGINEER, and they are now COMPLIANCE_LEAD`,
  );
  for (const api of [lead, actsForLead]) await api.dispose();
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
