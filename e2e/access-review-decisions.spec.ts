import { createHash, randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, signInAs, withDb, type Role } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Access-review decisions, sign-off, the record and revocations, in the browser. The access review
// is written straight to the database (access review creation has its own spec): an engineer
// decides in the inbox (their own access needs a justification), sign-off turns the record into
// accepted AI-SEC-05 evidence whose stored bytes are the record's, overdue revocations say so.
// Who may decide, mark done or sign off, and what is locked afterwards, are service rules:
// lib/access-reviews/decisions.int.test.ts.

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

/** Signed in and landed on the home page (its redirect done), so that the next navigation is not cut short by it. */
/** The current calendar quarter in UTC (the specs' organisation time zone). */
const currentQuarter = () => `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

async function landed(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

interface SeededReview {
  id: string;
  name: string;
  tag: string;
  items: { self: string; service: string; leads: string };
}

async function userId(role: Role): Promise<string> {
  return withDb(async (db) => (await db.query(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS[role].email])).rows[0].id);
}

/** An access review in progress: the engineer's own access and a service account (both the engineer's to decide), and one the lead decides. */
async function accessReviewInProgress(): Promise<SeededReview> {
  const tag = randomBytes(4).toString("hex");
  const engineer = await userId("ENGINEER");
  const lead = await userId("COMPLIANCE_LEAD");
  const name = `Decisions ${tag}`;
  return withDb(async (db) => {
    const review = await db.query(
      `INSERT INTO "AccessReview" (id, name, quarter, status, "startedAt", "dueDate", resources)
       VALUES (gen_random_uuid(), $1, '2021-Q2', 'IN_PROGRESS', now(), DATE '2021-06-30', '{MODEL_API_KEY}') RETURNING id`,
      [name],
    );
    const id = review.rows[0].id as string;
    const item = async (position: number, principal: string, principalUser: string | null, reviewer: string, resource: string) =>
      (
        await db.query(
          `INSERT INTO "AccessReviewItem" (id, "reviewId", position, principal, "principalKind", resource, "resourceKind", "accessLevel", source, "principalUserId", "reviewerId")
           VALUES (gen_random_uuid(), $1, $2, $3, 'HUMAN', $4, 'MODEL_API_KEY', 'admin', 'IAM credential report', $5, $6) RETURNING id`,
          [id, position, principal, resource, principalUser, reviewer],
        )
      ).rows[0].id as string;
    return {
      id,
      name,
      tag,
      items: {
        self: await item(0, ACCOUNTS.ENGINEER.email, engineer, engineer, `own-key-${tag}`),
        service: await item(1, `svc-${tag}`, null, engineer, `svc-key-${tag}`),
        leads: await item(2, `=cmd-${tag}`, null, lead, `lead-key-${tag}`),
      },
    };
  });
}

const itemRow = (itemId: string) =>
  withDb(
    async (db) =>
      (
        await db.query(
          `SELECT decision, comment, "selfJustification", "decidedAt", "revocationDoneAt"::text AS "doneOn", "revocationNote" FROM "AccessReviewItem" WHERE id = $1`,
          [itemId],
        )
      ).rows[0],
  );

async function decisionForm(page: Page, principal: string, resource: string) {
  const form = page.getByRole("form", { name: `Decide ${principal} on ${resource}` });
  await expect(form).toHaveAttribute("data-hydrated", "true");
  return form;
}

test("an engineer decides in the inbox; deciding their own access needs a justification", async ({ page }) => {
  const c = await accessReviewInProgress();
  await landed(page, "ENGINEER");
  await page.goto("/access-reviews/inbox");
  const section = page.getByRole("region", { name: `Access review ${c.name}` });
  await expect(section.getByText("0 of your 2 items decided")).toBeVisible();
  // The lead's item is not in the engineer's inbox.
  await expect(section.getByText(`lead-key-${c.tag}`)).toHaveCount(0);

  const service = await decisionForm(page, `svc-${c.tag}`, `svc-key-${c.tag}`);
  await service.getByLabel("Revoke").check();
  await service.getByLabel("Comment").fill("No longer used since the migration.");
  await service.getByRole("button", { name: "Save decision" }).click();
  await expect(service.getByRole("status")).toContainText(`Revoke: svc-${c.tag}`);
  await expect.poll(async () => (await itemRow(c.items.service)).decision).toBe("REVOKE");

  // Their own access: refused without a justification, with the error on that field; nothing saved.
  const own = await decisionForm(page, ACCOUNTS.ENGINEER.email, `own-key-${c.tag}`);
  await own.getByLabel("Keep").check();
  await own.getByLabel("Comment").fill("I still deploy this feature.");
  await own.getByRole("button", { name: "Save decision" }).click();
  await expect(own.locator(".alert.error[role=alert]")).toContainText("This access is your own");
  await expect(own.getByLabel("Self-review justification")).toHaveAttribute("aria-invalid", "true");
  expect((await itemRow(c.items.self)).decision).toBeNull();
  await own.getByLabel("Self-review justification").fill("I own the feature's on-call rota; the lead agreed.");
  await own.getByRole("button", { name: "Save decision" }).click();
  await expect(own.getByRole("status")).toContainText("Kept");
  const saved = await itemRow(c.items.self);
  expect(saved).toMatchObject({ decision: "KEEP", selfJustification: "I own the feature's on-call rota; the lead agreed." });
  await page.reload();
  await expect(page.getByRole("region", { name: `Access review ${c.name}` }).getByText("2 of your 2 items decided")).toBeVisible();
});

test("the auditor has no inbox and no forms, and its sign-off and follow-up calls are refused", async ({ page }) => {
  const c = await accessReviewInProgress();
  const engineer = await apiSessionAs("ENGINEER");
  const auditor = await apiSessionAs("AUDITOR");
  // A revocation to follow up: the revocations page lists it as open.
  const decided = await engineer.post(`/api/v1/access-reviews/${c.id}/items/${c.items.service}/decision`, {
    data: { decision: "revoke", comment: "Unused" },
  });
  expect(decided.status(), await decided.text()).toBe(200);
  await landed(page, "AUDITOR");
  await expectNotAllowed(page, "/access-reviews/inbox");
  await page.goto(`/access-reviews/revocations?state=all&review=${c.id}`);
  await expect(page.getByRole("heading", { name: "Revocations" })).toBeVisible();
  // A review in progress is no auditor's evidence yet (lib/auth/scope.ts): its revocations are not listed for them.
  await expect(page.getByRole("row", { name: new RegExp(`svc-${c.tag}`) })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark done" })).toHaveCount(0);
  const before = await databaseFingerprint();
  expect((await auditor.post(`/api/v1/access-reviews/${c.id}/sign-off`, { data: { statement: "No" } })).status()).toBe(403);
  expect(
    (await auditor.post(`/api/v1/access-reviews/${c.id}/items/${c.items.service}/revocation`, { data: { doneOn: "2021-07-01" } })).status(),
  ).toBe(403);
  expect(await databaseFingerprint()).toBe(before);
});

test("after every decision, sign-off turns the record into accepted AI-SEC-05 evidence, downloaded byte for byte", async ({ page }) => {
  const c = await accessReviewInProgress();
  const engineer = await apiSessionAs("ENGINEER");
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const decide = (api: typeof lead, item: string, data: Record<string, string>) =>
    api.post(`/api/v1/access-reviews/${c.id}/items/${item}/decision`, { data });
  expect((await decide(engineer, c.items.service, { decision: "revoke", comment: 'Unused, "legacy" key' })).status()).toBe(200);
  expect((await decide(engineer, c.items.self, { decision: "keep", comment: "Mine", selfJustification: "On call" })).status()).toBe(200);

  expect((await decide(lead, c.items.leads, { decision: "modify", comment: "-read only" })).status()).toBe(200);
  const signed = await lead.post(`/api/v1/access-reviews/${c.id}/sign-off`, { data: { statement: "All access in scope reviewed." } });
  expect(signed.status(), await signed.text()).toBe(200);
  const result = await signed.json();
  expect(result).toMatchObject({
    status: "SIGNED_OFF",
    signedOffBy: ACCOUNTS.COMPLIANCE_LEAD.email,
    signOffName: ACCOUNTS.COMPLIANCE_LEAD.name,
    // 2021-Q2 ended long ago: the sign-off is late and counts for the quarter it was performed in.
    performedIn: currentQuarter(),
    late: true,
  });

  const evidence = await withDb(
    async (db) =>
      (
        await db.query(
          `SELECT e.id, e.status, e.source, e."fileSha256", e."fileName", e.title, e."reviewedById", c.code, f."mediaType", f.size::int AS size, r.status AS "reviewStatus", r."signOffName", r."signedOffById"
           FROM "AccessReview" r JOIN "Evidence" e ON e.id = r."evidenceId" JOIN "Control" c ON c.id = e."controlId" JOIN "StoredFile" f ON f.sha256 = e."fileSha256"
           WHERE r.id = $1`,
          [c.id],
        )
      ).rows[0],
  );
  const leadId = await userId("COMPLIANCE_LEAD");
  expect(evidence).toMatchObject({
    id: result.evidence.id,
    status: "ACCEPTED",
    source: "GENERATED",
    code: "AI-SEC-05",
    mediaType: "text/csv",
    fileName: `access-review-2021-Q2-decisions-${c.tag}.csv`,
    title: `Access review record: ${c.name} (performed in ${currentQuarter()}, late for 2021-Q2)`,
    reviewedById: leadId,
    reviewStatus: "SIGNED_OFF",
    signOffName: ACCOUNTS.COMPLIANCE_LEAD.name,
    signedOffById: leadId,
  });

  // The record download is the stored evidence, byte for byte.
  const record = await engineer.get(`/api/v1/access-reviews/${c.id}/record`);
  expect(record.status()).toBe(200);
  expect(record.headers()["x-content-type-options"]).toBe("nosniff");
  expect(record.headers()["content-disposition"]).toContain("attachment");
  const bytes = await record.body();
  expect(sha256(bytes)).toBe(evidence.fileSha256);
  expect(bytes.length).toBe(evidence.size);
  expect(sha256(await (await engineer.get(`/api/v1/evidence/${evidence.id}/file`)).body())).toBe(evidence.fileSha256);
  const csv = bytes.toString("utf8");
  expect(csv).toContain(`svc-${c.tag},HUMAN,svc-key-${c.tag}`);
  expect(csv).toContain('Unused, ""legacy"" key');
  expect(csv).toContain(`'=cmd-${c.tag}`); // formula injection neutralised
  expect(csv).toContain("'-read only");
  expect(csv).toContain("Sign-off statement,All access in scope reviewed.");

  // The printable record shows the same SHA-256; the inbox no longer lists the access review.
  await landed(page, "ENGINEER");
  await page.goto(`/access-reviews/${c.id}/record`);
  await expect(page.getByRole("heading", { name: `Access review record: ${c.name}` })).toBeVisible();
  await expect(page.getByTestId("record-sha256")).toHaveText(evidence.fileSha256);
  await expect(page.getByRole("table", { name: "Record items" }).getByRole("row")).toHaveCount(4);
  await page.goto("/access-reviews/inbox");
  await expect(page.getByRole("region", { name: `Access review ${c.name}` })).toHaveCount(0);
});

test("revocations stay open until marked done with a date; overdue ones say so", async ({ page }) => {
  const c = await accessReviewInProgress();
  const engineer = await apiSessionAs("ENGINEER");
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const decide = (api: typeof lead, item: string, data: Record<string, string>) =>
    api.post(`/api/v1/access-reviews/${c.id}/items/${item}/decision`, { data });
  expect((await decide(engineer, c.items.service, { decision: "revoke", comment: "Unused" })).status()).toBe(200);
  expect((await decide(engineer, c.items.self, { decision: "keep", comment: "Mine", selfJustification: "On call" })).status()).toBe(200);
  expect((await decide(lead, c.items.leads, { decision: "revoke", comment: "Left" })).status()).toBe(200);
  expect((await lead.post(`/api/v1/access-reviews/${c.id}/sign-off`, { data: { statement: "Reviewed." } })).status()).toBe(200);

  // Move the sign-off 20 days back: its open revocations are now overdue (more than 14 days).
  await withDb((db) => db.query(`UPDATE "AccessReview" SET "signedOffAt" = now() - interval '20 days' WHERE id = $1`, [c.id]));
  const today = new Date().toISOString().slice(0, 10);

  await landed(page, "COMPLIANCE_LEAD");
  await page.goto(`/access-reviews/revocations?review=${c.id}`);
  const row = page.getByRole("row", { name: new RegExp(`svc-${c.tag}`) });
  await expect(row).toContainText("Overdue");
  await expect(page.getByRole("row", { name: new RegExp(`lead-key-${c.tag}`) })).toContainText("Overdue");
  const form = row.getByRole("form", { name: `Mark done: svc-${c.tag} on svc-key-${c.tag}` });
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("Note").fill("Key deleted, ticket SEC-12");
  await form.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Marked done on ${today}` })).toBeVisible();
  await expect.poll(async () => (await itemRow(c.items.service)).doneOn).toBe(today);
  expect((await itemRow(c.items.service)).revocationNote).toBe("Key deleted, ticket SEC-12");
  await page.goto(`/access-reviews/revocations?state=all&review=${c.id}`);
  await expect(page.getByRole("row", { name: new RegExp(`svc-${c.tag}`) })).toContainText(`Done on ${today}`);
  await expect(page.getByRole("row", { name: new RegExp(`lead-key-${c.tag}`) })).toContainText("Overdue");

  // The follow-up is audited.
  const audit = await withDb(
    async (db) =>
      (
        await db.query(`SELECT after FROM "AuditLogEntry" WHERE "entityId" = $1 AND action = 'access-review.revocation-done'`, [
          c.items.service,
        ])
      ).rows,
  );
  expect(audit).toHaveLength(1);
  expect(audit[0].after).toMatchObject({ doneOn: today, note: "Key deleted, ticket SEC-12" });
});
