import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACCOUNTS, databaseFingerprint, signInAs, withDb, type Role } from "./support";

// The access review end to end, in two browsers signed in as two people: a compliance lead
// creates an access review, imports an IAM credential report, assigns the engineer and starts it; the
// engineer decides their items (one is their own access, refused without a justification); the
// lead signs off; the record is accepted AI-SEC-05 evidence and the access review is read-only, in the
// UI and for a direct API call.

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Signed in and landed on the home page (its redirect done), so that the next navigation is not cut short by it. */
async function landed(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** An IAM credential report (`aws iam get-credential-report`), its columns in their order. */
function credentialReport(tag: string): string {
  const header =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
    "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
    "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
    "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
  const row = (user: string, password: boolean, mfa: boolean, key: boolean) =>
    [
      user,
      `arn:aws:iam::123456789012:user/${user}`,
      "2025-01-10T09:00:00+00:00",
      String(password),
      password ? "2026-09-01T08:00:00+00:00" : "N/A",
      password ? "2026-06-01T08:00:00+00:00" : "N/A",
      "N/A",
      String(mfa),
      String(key),
      key ? "2026-03-01T08:00:00+00:00" : "N/A",
      key ? "2026-09-20T10:00:00+00:00" : "N/A",
      key ? "us-east-1" : "N/A",
      key ? "bedrock" : "N/A",
      "false",
      "N/A",
      "N/A",
      "N/A",
      "N/A",
      "false",
      "N/A",
      "false",
      "N/A",
    ].join(",");
  return [
    header,
    row(ACCOUNTS.ENGINEER.email, true, true, true),
    row(`svc-bedrock-${tag}`, false, false, true),
    row(`former-${tag}`, true, false, false),
    "",
  ].join("\n");
}

/** The current calendar quarter (UTC, the specs' organisation time zone) and its first and last day. */
function currentQuarter() {
  const now = new Date();
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const last = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
  const month = (m: number) => String(m).padStart(2, "0");
  return { label: `${year}-Q${q}`, start: `${year}-${month(q * 3 - 2)}-01`, end: `${year}-${month(q * 3)}-${last}` };
}

async function hydrated(page: Page, formName: string) {
  const form = page.getByRole("form", { name: formName });
  await expect(form).toHaveAttribute("data-hydrated", "true");
  return form;
}

test("a lead and an engineer run an access review from an IAM credential report to accepted AI-SEC-05 evidence", async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = randomBytes(4).toString("hex");
  const name = `IAM review ${tag}`;
  const leadContext = await browser.newContext();
  const engineerContext = await browser.newContext();
  const lead = await leadContext.newPage();
  const engineer = await engineerContext.newPage();
  await landed(lead, "COMPLIANCE_LEAD");
  await landed(engineer, "ENGINEER");

  // The lead creates the access review.
  await lead.goto("/access-reviews/new");
  const form = lead.getByRole("form", { name: "New access review" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Quarter").fill("2022-Q3");
  await form.getByLabel("Model API keys").check();
  await form.getByRole("button", { name: "Create access review" }).click();
  await expect(lead.getByRole("heading", { name })).toBeVisible();
  const reviewId = /\/access-reviews\/([0-9a-f-]{36})/.exec(lead.url())![1];

  // ... imports the credential report (its layout is recognised and mapped) ...
  await lead.getByRole("link", { name: "Import items from CSV" }).click();
  await lead.getByLabel("CSV file").setInputFiles({
    name: "credential-report.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(credentialReport(tag)),
  });
  await expect(lead.getByTestId("detected-layout")).toContainText("IAM credential report detected");
  const preview = lead.getByRole("table", { name: "Rows to import" });
  await expect(preview.getByRole("row", { name: new RegExp(ACCOUNTS.ENGINEER.email.replace(".", "\\.")) })).toBeVisible();
  await lead.getByRole("button", { name: "Import 3 items" }).click();
  await expect(lead).toHaveURL(new RegExp(`/access-reviews/${reviewId}(\\?.*)?$`));
  await expect(lead.getByText("0 of 3 decided")).toBeVisible();

  // ... assigns the engineer to every item and starts the access review.
  const assign = lead.getByRole("form", { name: "Assign unassigned items" });
  await assign.getByLabel(/Reviewer for all 3 unassigned items/).selectOption(ACCOUNTS.ENGINEER.email);
  await assign.getByRole("button", { name: "Assign unassigned items" }).click();
  await expect(lead.getByRole("button", { name: "Start access review" })).toBeEnabled();
  await lead.getByRole("button", { name: "Start access review" }).click();
  await expect(lead.getByTestId("review-status")).toHaveText("In progress");
  await expect(lead.getByRole("form", { name: "Sign off" })).toContainText("3 of 3 items are still open");
  await expect(lead.getByRole("button", { name: "Sign off" })).toBeDisabled();

  // The engineer decides their items in the inbox.
  await engineer.goto("/access-reviews/inbox");
  const section = engineer.getByRole("region", { name: `Access review ${name}` });
  await expect(section.getByText("0 of your 3 items decided")).toBeVisible();
  const decide = async (principal: string, decision: "Keep" | "Revoke" | "Modify", comment: string, justification?: string) => {
    const f = await hydrated(engineer, `Decide ${principal} on AWS account`);
    await f.getByLabel(decision).check();
    await f.getByLabel("Comment").fill(comment);
    if (justification !== undefined) await f.getByLabel("Self-review justification").fill(justification);
    await f.getByRole("button", { name: /Save decision|Change decision/ }).click();
    return f;
  };
  await expect(await decide(`svc-bedrock-${tag}`, "Keep", "Bedrock invocations of the support bot.")).toContainText("Kept");
  await expect(await decide(`former-${tag}`, "Revoke", "Left the company in August.")).toContainText(`Revoke: former-${tag}`);
  const own = await decide(ACCOUNTS.ENGINEER.email, "Keep", "I deploy the feature.");
  await expect(own.locator(".alert.error[role=alert]")).toContainText("This access is your own");
  await expect(own.getByLabel("Self-review justification")).toHaveAttribute("aria-invalid", "true");
  await decide(ACCOUNTS.ENGINEER.email, "Keep", "I deploy the feature.", "I am the feature's on-call owner.");
  await expect(own.getByRole("status")).toContainText("Kept");
  await engineer.reload();
  await expect(section.getByText("3 of your 3 items decided")).toBeVisible();

  // The lead signs off.
  await lead.reload();
  const signOff = await hydrated(lead, "Sign off");
  await signOff.getByLabel("Sign-off statement").fill("All access to the Bedrock keys was reviewed; one revocation is tracked.");
  await signOff.getByRole("button", { name: "Sign off" }).click();
  await expect(lead.getByRole("status").filter({ hasText: `Signed off ${name}` })).toBeVisible();
  await expect(lead.getByTestId("review-status")).toHaveText("Signed off");
  await expect(lead.getByTestId("review-locked")).toContainText("Locked");
  await expect(lead.getByTestId("signed-off-by")).toContainText(ACCOUNTS.COMPLIANCE_LEAD.name);
  // Read-only: no form changes anything any more.
  await expect(lead.getByRole("form", { name: "Sign off" })).toHaveCount(0);
  await expect(lead.getByRole("button", { name: /Start access review|Assign|Import|Save decision|Sign off/ })).toHaveCount(0);
  await expect(lead.getByRole("link", { name: "Import items from CSV" })).toHaveCount(0);
  await expect(lead.getByRole("table", { name: "Revocations" }).getByRole("row", { name: new RegExp(`former-${tag}`) })).toContainText(
    "Open",
  );

  // The record is accepted AI-SEC-05 evidence, generated, with the stored CSV's SHA-256.
  const stored = await withDb(
    async (db) =>
      (
        await db.query(
          `SELECT e.id, e."fileSha256", e.status, e.source, c.code FROM "AccessReview" r JOIN "Evidence" e ON e.id = r."evidenceId" JOIN "Control" c ON c.id = e."controlId" WHERE r.id = $1`,
          [reviewId],
        )
      ).rows[0],
  );
  expect(stored).toMatchObject({ status: "ACCEPTED", source: "GENERATED", code: "AI-SEC-05" });
  // Signed off years after 2022-Q3 ended: late, and it counts for the quarter it was performed in,
  // as the access review, its record and the evidence say.
  const current = currentQuarter();
  expect(
    await withDb(async (db) => (await db.query(`SELECT "performedIn", late FROM "AccessReview" WHERE id = $1`, [reviewId])).rows[0]),
  ).toEqual({ performedIn: current.label, late: true });
  await expect(lead.getByTestId("performed-in")).toContainText(`${current.label} Late for 2022-Q3`);
  // The sign-off anchored the audit log's head outside the database: a signed checkpoint that
  // records at least the sign-off's own entry.
  const signedOffSeq = await withDb(
    async (db) =>
      (
        await db.query<{ seq: string }>(
          `SELECT seq::text FROM "AuditLogEntry" WHERE action = 'access-review.signed-off' AND "entityId" = $1`,
          [reviewId],
        )
      ).rows[0].seq,
  );
  const checkpointDir = path.join(process.env.ATTEST_DATA_DIR!, "audit-checkpoints");
  const checkpoints = fs
    .readdirSync(checkpointDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(checkpointDir, f), "utf8")) as { database: string; seq: string; reason: string });
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  expect(
    checkpoints.filter((c) => c.database === database && c.reason === "access-review sign-off" && BigInt(c.seq) >= BigInt(signedOffSeq)),
  ).not.toHaveLength(0);
  await expect(lead.getByTestId("record-sha256")).toContainText(stored.fileSha256);
  const download = await lead.request.get(`/api/v1/access-reviews/${reviewId}/record`);
  expect(sha256(await download.body())).toBe(stored.fileSha256);
  const record = (await download.body()).toString("utf8");
  expect(record).toContain(`Performed in,${current.label}\r\n`);
  expect(record).toContain(`Late,Yes: signed off after 2022-Q3 ended; counts for ${current.label}\r\n`);

  // The coverage slot of the quarter it was performed in names the access review and says it was late.
  const period = await lead.request.post("/api/v1/periods", {
    data: { name: `Late review ${tag}`, type: "TYPE_II", start: current.start, end: current.end, categories: ["SECURITY"] },
  });
  expect(period.status(), await period.text()).toBe(201);
  await lead.goto(`/periods/${((await period.json()) as { id: string }).id}`);
  await lead
    .getByRole("table", { name: "Coverage heatmap" })
    .getByRole("button", { name: `AI-SEC-05, ${current.start} to ${current.end}: covered` })
    .click();
  const slot = lead.getByRole("dialog", { name: `AI-SEC-05, ${current.start} to ${current.end}` });
  await expect(
    slot.getByRole("link", { name: `Access review record: ${name} (performed in ${current.label}, late for 2022-Q3)` }),
  ).toBeVisible();
  await expect(slot.getByTestId("slot-access-review").filter({ hasText: name })).toContainText(
    `Access review “${name}” for 2022-Q3, performed in ${current.label}. Late Signed off after 2022-Q3 ended: it counts for this slot`,
  );

  await lead.goto("/evidence?control=AI-SEC-05&source=GENERATED");
  const evidenceRow = lead.getByRole("row", { name: new RegExp(`Access review record: ${name}`) });
  await expect(evidenceRow).toContainText("Accepted");
  await expect(evidenceRow).toContainText("Generated");
  await lead.getByRole("link", { name: `Access review record: ${name} (performed in ${current.label}, late for 2022-Q3)` }).click();
  await expect(lead).toHaveURL(new RegExp(`/evidence/${stored.id}$`));
  await expect(lead.getByText(stored.fileSha256).first()).toBeVisible();

  // The engineer's inbox no longer offers the access review; a direct call to decide again is refused and changes nothing.
  await engineer.reload();
  await expect(engineer.getByRole("region", { name: `Access review ${name}` })).toHaveCount(0);
  const itemId = await withDb(
    async (db) =>
      (await db.query(`SELECT id FROM "AccessReviewItem" WHERE "reviewId" = $1 AND principal = $2`, [reviewId, `former-${tag}`])).rows[0]
        .id,
  );
  const before = await databaseFingerprint();
  const again = await engineer.request.post(`/api/v1/access-reviews/${reviewId}/items/${itemId}/decision`, {
    data: { decision: "keep", comment: "Changed my mind" },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toEqual({ code: "CONFLICT", message: "This access review is signed off; nothing in it can change." });
  expect(await databaseFingerprint(), "a refused change leaves the database as it was").toBe(before);

  await leadContext.close();
  await engineerContext.close();
});
