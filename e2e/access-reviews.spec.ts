import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ACCOUNTS, apiSessionAs, baseURL, databaseFingerprint, formError, signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Access reviews: a lead creates one (the form says what is wrong), imports an AWS IAM
// credential report (detected and mapped, previewed row by row), assigns reviewers and starts it;
// the items are then frozen for every path (UI, API, server actions). A bad row imports nothing.

const IAM_HEADER = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
].join(",");

/** An AWS timestamp `days` before now, as the report writes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "+00:00");

/** A report row: a password used two days ago, key 1 rotated 30 days ago and used yesterday; `cells` override any column. */
function iamRow(
  user: string,
  kind: "root" | "user",
  password: string,
  mfa: string,
  key1: string,
  key2 = "false",
  cells: Record<string, string> = {},
) {
  const arn = kind === "root" ? "arn:aws:iam::123456789012:root" : `arn:aws:iam::123456789012:user/${user}`;
  const on = key1 === "true";
  const base: Record<string, string> = {
    user,
    arn,
    user_creation_time: daysAgo(600),
    password_enabled: password,
    password_last_used: password === "true" ? daysAgo(2) : "N/A",
    mfa_active: mfa,
    access_key_1_active: key1,
    access_key_1_last_rotated: on ? daysAgo(30) : "N/A",
    access_key_1_last_used_date: on ? daysAgo(1) : "N/A",
    access_key_1_last_used_region: on ? "us-east-1" : "N/A",
    access_key_1_last_used_service: on ? "bedrock" : "N/A",
    access_key_2_active: key2,
    ...cells,
  };
  return IAM_HEADER.split(",")
    .map((column) => base[column] ?? (column.endsWith("_active") ? "false" : "N/A"))
    .join(",");
}

const IAM_ROWS = [
  // AWS reports root's password as not_supported; a sign-in three days ago is its console access.
  iamRow("<root_account>", "root", "not_supported", "true", "false", "false", {
    password_last_used: daysAgo(3),
    password_last_changed: "not_supported",
    password_next_rotation: "not_supported",
  }),
  iamRow("engineer", "user", "true", "true", "true"), // engineer@example.test's own access
  iamRow("lead", "user", "true", "false", "false"),
  iamRow("ci-bedrock-invoker", "user", "false", "false", "true", "false", {
    access_key_1_last_rotated: daysAgo(10),
    access_key_1_last_used_date: "N/A",
  }),
  iamRow("data-pipeline", "user", "false", "false", "true", "true", {
    access_key_1_last_rotated: daysAgo(400),
    access_key_1_last_used_date: daysAgo(120),
    access_key_2_last_rotated: daysAgo(400),
    access_key_2_last_used_date: daysAgo(100),
  }),
];
const IAM_CSV = [IAM_HEADER, ...IAM_ROWS].join("\n") + "\n";

const tag = () => randomBytes(3).toString("hex");
/** The quarter a year from now: not started in any time zone. */
const futureQuarter = () => {
  const now = new Date();
  return `${now.getUTCFullYear() + 1}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};
const count = (sql: string, params: unknown[]) =>
  withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n);

async function signInLead(page: Page) {
  await signInAs(page, "COMPLIANCE_LEAD");
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function createAccessReview(page: Page, name: string): Promise<string> {
  await page.goto("/access-reviews/new");
  const form = page.getByRole("form", { name: "New access review" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Quarter").fill("2026-Q4");
  // The fixture access review already covers 2026-Q4.
  await form.getByLabel("Reason for a second access review").fill(`Spec access review ${name}`);
  await form.getByRole("button", { name: "Create access review" }).click();
  await expect(page).toHaveURL(/\/access-reviews\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** Picks a CSV in the import page (again until the hydrated form has read it). */
async function pickCsv(page: Page, name: string, text: string) {
  await expect(async () => {
    await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
    await expect(page.getByTestId("detected-layout")).toContainText(name, { timeout: 2_000 });
  }).toPass();
}

// ---- Server actions called directly, as a crafted request would (the UI hides them after start). ----

type Manifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
function actionRef(exportedName: string): { id: string; page: string } {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  const [id, entry] = Object.entries(manifest.node).find(
    ([, e]) => e.filename === "app/(app)/access-reviews/actions.ts" && e.exportedName === exportedName,
  )!;
  return { id, page: Object.keys(entry.workers)[0] };
}

async function callAction(
  api: APIRequestContext,
  exportedName: string,
  reviewId: string,
  fields: Record<string, string | string[]>,
): Promise<{ ok: boolean; error?: { code: string; message: string }; message?: string }> {
  const ref = actionRef(exportedName);
  // "app/(app)/access-reviews/[reviewId]/page" -> "/access-reviews/<id>"
  const url =
    "/" +
    ref.page
      .split("/")
      .slice(1, -1)
      .filter((s) => !/^\(.*\)$/.test(s))
      .join("/")
      .replace("[reviewId]", reviewId);
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) multipart.append(`_1_${name}`, v);
  multipart.append("0", JSON.stringify([null, "$K1"]));
  const res = await api.post(url, {
    headers: { "Next-Action": ref.id, Accept: "text/x-component", Origin: baseURL() },
    multipart,
    maxRedirects: 0,
  });
  const text = await res.text();
  const at = /^0:\{"a":"\$@(\w+)"/m.exec(text)?.[1];
  const row = at ? new RegExp(`^${at}:(\\{.*)$`, "m").exec(text)?.[1] : undefined;
  if (!row) throw new Error(`no action result in: ${text.slice(0, 300)}`);
  return JSON.parse(row);
}

const iamMapping = {
  principal: "user",
  principalKindDefault: "INFER",
  resourceFixed: "AWS account 1234 / Bedrock",
  resourceKind: "MODEL_API_KEY",
  accessLevel: "@derived",
  source: "IAM credential report",
};

test("the lead's access review form says what is wrong, keeps what was typed, then creates the access review", async ({ page }) => {
  const name = `Q4 access review ${tag()}`;
  await signInLead(page);
  await page.goto("/access-reviews");
  await expect(page.getByTestId("next-access-review")).toContainText(
    /Next access review: \d{4}-Q[1-4], (due by|overdue since) \d{1,2} \w{3} \d{4}/,
  );
  await page.getByRole("link", { name: "New access review" }).click();
  const form = page.getByRole("form", { name: "New access review" });
  await form.getByLabel("Name").fill("");
  await form.getByLabel("Quarter").fill("2026-Q5");
  await form.getByLabel("Training data").uncheck();
  await form.getByRole("button", { name: "Create access review" }).click();
  await expect(formError(page)).toBeVisible();
  await expect(form.locator("#name-error")).toContainText("Give the access review a name");
  await expect(form.locator("#quarter-error")).toContainText("YYYY-Qn");
  await expect(form.getByLabel("Quarter")).toHaveValue("2026-Q5"); // kept
  expect(await count(`"AccessReview" WHERE quarter = $1`, ["2026-Q5"])).toBe(0);

  // A quarter that has not started is refused, with the message at the field.
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Quarter").fill(futureQuarter());
  await form.getByRole("button", { name: "Create access review" }).click();
  await expect(form.locator("#quarter-error")).toContainText(`${futureQuarter()} has not started yet`);
  expect(await count(`"AccessReview" WHERE name = $1`, [name])).toBe(0);

  // 2026-Q4 already has the fixture access review: another one needs a reason.
  await form.getByLabel("Quarter").fill("2026-Q4");
  await form.getByLabel("Fixture feature").check();
  await form.getByRole("button", { name: "Create access review" }).click();
  await expect(form.locator("#sameQuarterReason-error")).toContainText("2026-Q4 already has an access review");
  expect(await count(`"AccessReview" WHERE name = $1`, [name])).toBe(0);
  const reason = `The fixture access review covers other keys (${name}).`;
  await form.getByLabel("Reason for a second access review").fill(reason);
  await form.getByRole("button", { name: "Create access review" }).click();
  await expect(page).toHaveURL(/\/access-reviews\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("same-quarter-reason")).toHaveText(reason);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("review-status")).toHaveText("Draft");
  await expect(page.locator("dl.facts")).toContainText("31 Dec 2026"); // due by default at the quarter's end
  await expect(page.locator("dl.facts")).toContainText("Model API keys, Prompt logs, Tool servers");
  await expect(page.locator("dl.facts")).toContainText("Fixture feature");
  await expect(page.getByRole("progressbar", { name: "0 of 0 decided" })).toBeVisible();
  const saved = await withDb(
    async (c) =>
      (
        await c.query(
          `SELECT status, quarter, "dueDate"::text AS due, resources::text[] AS resources, "sameQuarterReason" AS reason FROM "AccessReview" WHERE name = $1`,
          [name],
        )
      ).rows[0],
  );
  expect(saved).toEqual({
    status: "DRAFT",
    quarter: "2026-Q4",
    due: "2026-12-31",
    resources: ["MODEL_API_KEY", "PROMPT_LOGS", "TOOL_SERVER"],
    reason,
  });
});

test("an IAM credential report is detected, previewed and imported; reviewers are assigned; the start freezes the items everywhere", async ({
  page,
  browser,
}) => {
  const name = `IAM review ${tag()}`;
  await signInLead(page);
  const reviewId = await createAccessReview(page, name);
  await page.getByRole("link", { name: "Import items from CSV" }).click();
  await pickCsv(page, "credential-report.csv", IAM_CSV);
  await expect(page.getByTestId("detected-layout")).toContainText("IAM credential report detected");
  await expect(page.getByLabel("Principal column")).toHaveValue("user");
  await expect(page.getByLabel("Access level column")).toHaveValue("@derived");
  await expect(page.getByLabel("Source", { exact: true })).toHaveValue("IAM credential report");
  await page.getByLabel("Resource for every row").fill("AWS account 1234 / Bedrock");
  const preview = page.getByRole("table", { name: "Rows to import" });
  await expect(preview.getByRole("row")).toHaveCount(1 + 5);
  await expect(preview.getByRole("row").filter({ hasText: "ci-bedrock-invoker" })).toContainText("Service");
  await expect(preview.getByRole("row").filter({ hasText: "data-pipeline" })).toContainText("key1+key2");
  const own = preview.getByRole("row").filter({ has: page.getByRole("cell", { name: "engineer", exact: true }) });
  await expect(own).toContainText("console+key1");
  await expect(own).toContainText(ACCOUNTS.ENGINEER.email); // matched to the account by its e-mail's local part
  expect(await count(`"AccessReviewItem" WHERE "reviewId" = $1`, [reviewId])).toBe(0); // nothing written by the preview
  await page.getByRole("button", { name: "Import 5 items" }).click();
  await expect(page).toHaveURL(new RegExp(`/access-reviews/${reviewId}\\?imported=5`));
  await expect(page.getByRole("status").filter({ hasText: "Imported 5 items from credential-report.csv" })).toBeVisible();
  const items = page.getByRole("table", { name: "Items" });
  await expect(items.getByRole("row")).toHaveCount(1 + 5);

  const stored = await withDb(async (c) => {
    const rows = (
      await c.query(
        `SELECT i.principal, i."principalKind" AS kind, i."accessLevel" AS access, i.source, i.raw->>'arn' AS arn, u.email AS "user"
         FROM "AccessReviewItem" i LEFT JOIN "User" u ON u.id = i."principalUserId" WHERE i."reviewId" = $1 ORDER BY i.position`,
        [reviewId],
      )
    ).rows;
    const audit = (
      await c.query(`SELECT after FROM "AuditLogEntry" WHERE "entityId" = $1 AND action = 'access-review.items-imported'`, [reviewId])
    ).rows;
    return { rows, audit };
  });
  expect(stored.rows.map((r) => [r.principal, r.kind, r.access, r.user])).toEqual([
    ["<root_account>", "ROOT", "console", null],
    ["engineer", "HUMAN", "console+key1", ACCOUNTS.ENGINEER.email],
    ["lead", "HUMAN", "console (no MFA)", ACCOUNTS.COMPLIANCE_LEAD.email],
    ["ci-bedrock-invoker", "SERVICE", "key1", null],
    ["data-pipeline", "SERVICE", "key1+key2", null],
  ]);
  expect(stored.rows[1]).toMatchObject({ source: "IAM credential report", arn: "arn:aws:iam::123456789012:user/engineer" });
  // What the report says, on the item: root recognised with its console access, never used and long unused rows flagged.
  const flagsOf = async (principal: string) =>
    items
      .getByRole("row")
      .filter({ has: page.getByLabel(`Select ${principal} on AWS account 1234 / Bedrock`, { exact: true }) })
      .locator("[data-flag]")
      .allTextContents();
  await expect.poll(() => flagsOf("<root_account>")).toEqual(["Root account"]);
  expect(await flagsOf("engineer")).toEqual([]);
  expect(await flagsOf("lead")).toEqual(["No MFA with console access"]);
  expect(await flagsOf("ci-bedrock-invoker")).toEqual(["Never used"]);
  expect(await flagsOf("data-pipeline")).toEqual(["Unused for 90 days", "Key older than 90 days"]);
  const rootRow = items.getByRole("row").filter({ hasText: "<root_account>" });
  await expect(rootRow).toContainText("Root account");
  await expect(rootRow).not.toContainText("no active credentials");
  await rootRow.getByText("Credentials", { exact: true }).click();
  await expect(rootRow.getByTestId("credential-facts")).toContainText("root sign-in, last used");
  await expect(rootRow.getByTestId("credential-facts")).toContainText("3 days before the import");
  const pipelineRow = items.getByRole("row").filter({ hasText: "data-pipeline" });
  await pipelineRow.getByText("Credentials", { exact: true }).click();
  await expect(pipelineRow.getByTestId("credential-facts")).toContainText("120 days before the import) by bedrock in us-east-1");
  fs.mkdirSync(path.join("test-results", "screenshots"), { recursive: true });
  await page.screenshot({ path: path.join("test-results", "screenshots", "access-review-item.png"), fullPage: true });
  expect(stored.audit).toHaveLength(1); // one entry for the whole import
  expect(stored.audit[0].after).toMatchObject({
    count: 5,
    fileName: "credential-report.csv",
    sha256: createHash("sha256").update(IAM_CSV).digest("hex"),
  });

  // Not ready to start until every item has a reviewer.
  await expect(page.getByText("5 items have no reviewer yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start access review" })).toBeDisabled();
  const bulk = page.getByRole("form", { name: "Assign unassigned items" });
  await bulk.getByLabel(/Reviewer for all 5 unassigned items/).selectOption(ACCOUNTS.ENGINEER.email);
  await bulk.getByRole("button", { name: "Assign unassigned items" }).click();
  await expect(page.getByText(`Assigned 5 items to ${ACCOUNTS.ENGINEER.email}.`)).toBeVisible();
  await expect(items.getByRole("row").filter({ hasText: "data-pipeline" })).toContainText(ACCOUNTS.ENGINEER.email);
  // The root account goes to the lead instead.
  await items.getByLabel("Select <root_account> on AWS account 1234 / Bedrock").check();
  const selected = page.getByRole("form", { name: "Assign selected items" });
  await selected.getByLabel("Reviewer for the ticked items").selectOption(ACCOUNTS.COMPLIANCE_LEAD.email);
  await selected.getByRole("button", { name: "Assign 1 ticked" }).click();
  await expect(items.getByRole("row").filter({ hasText: "<root_account>" })).toContainText(ACCOUNTS.COMPLIANCE_LEAD.email);

  await page.getByRole("button", { name: "Start access review" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("In progress");
  await expect(page.getByRole("status").filter({ hasText: "5 items are frozen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Prepare the access review" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add an item" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import items from CSV" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: "0 of 5 decided" })).toBeVisible();
  await page.goto(`/access-reviews/${reviewId}/import`);
  await expect(page.getByText("its items are frozen, so nothing can be imported")).toBeVisible();
  await expect(page.getByLabel("CSV file")).toHaveCount(0);

  // The engineer, in a second browser, sees the started access review and their items, with no editing UI.
  const engineerContext = await browser.newContext();
  const engineer = await engineerContext.newPage();
  await signInAs(engineer, "ENGINEER");
  await expect(engineer).toHaveURL(/\/dashboard$/);
  await engineer.goto(`/access-reviews/${reviewId}?reviewer=${encodeURIComponent(ACCOUNTS.ENGINEER.email)}`);
  await expect(engineer.getByTestId("review-status")).toHaveText("In progress");
  await expect(engineer.getByRole("table", { name: "Items" }).getByRole("row")).toHaveCount(1 + 4);
  await expect(engineer.getByRole("form", { name: "Assign selected items" })).toHaveCount(0);
  await expect(engineer.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  // Their inbox shows the same facts and flags beside each decision.
  await engineer.goto("/access-reviews/inbox");
  const inboxItem = (principal: string) =>
    engineer
      .getByRole("region", { name: `Access review ${name}` })
      .getByRole("listitem")
      .filter({ has: engineer.getByRole("heading", { name: new RegExp(`^${principal} `) }) });
  await expect(inboxItem("ci-bedrock-invoker").locator("[data-flag]")).toHaveText(["Never used"]);
  await expect(inboxItem("data-pipeline").locator("[data-flag]")).toHaveText(["Unused for 90 days", "Key older than 90 days"]);
  await expect(inboxItem("data-pipeline").getByTestId("credential-facts")).toContainText("Access key 2");
  await expect(inboxItem("engineer").locator("[data-flag]")).toHaveCount(0);
  await engineerContext.close();

  // While in progress the lead may still hand an undecided item to another reviewer.
  await page.goto(`/access-reviews/${reviewId}`);
  await page.getByRole("table", { name: "Items" }).getByLabel("Select data-pipeline on AWS account 1234 / Bedrock").check();
  const reassign = page.getByRole("form", { name: "Assign selected items" });
  await reassign.getByLabel("Reviewer for the ticked items").selectOption(ACCOUNTS.COMPLIANCE_LEAD.email);
  await reassign.getByRole("button", { name: "Assign 1 ticked" }).click();
  await expect(page.getByRole("table", { name: "Items" }).getByRole("row").filter({ hasText: "data-pipeline" })).toContainText(
    ACCOUNTS.COMPLIANCE_LEAD.email,
  );

  // Direct calls after the start: refused with 409 / CONFLICT, nothing changed.
  const api = await apiSessionAs("COMPLIANCE_LEAD");
  const itemId = await withDb(
    async (c) =>
      (await c.query(`SELECT id FROM "AccessReviewItem" WHERE "reviewId" = $1 ORDER BY position LIMIT 1`, [reviewId])).rows[0].id,
  );
  const before = await databaseFingerprint();
  const res = await api.post(`/api/v1/access-reviews/${reviewId}/items`, {
    data: [{ principal: "late@example.test", principalKind: "HUMAN", resource: "AWS", accessLevel: "admin" }],
  });
  expect(res.status()).toBe(409);
  expect((await res.json()).error.message).toContain("its items are frozen");
  expect((await api.post(`/api/v1/access-reviews/${reviewId}/start`)).status()).toBe(409);
  const refused = [
    await callAction(api, "addItemAction", reviewId, {
      reviewId,
      principal: "late@example.test",
      principalKind: "HUMAN",
      resource: "AWS",
      accessLevel: "admin",
    }),
    await callAction(api, "importItemsAction", reviewId, { reviewId, csv: IAM_CSV, fileName: "again.csv", ...iamMapping }),
    await callAction(api, "removeItemAction", reviewId, { reviewId, itemId }),
    await callAction(api, "updateReviewAction", reviewId, { reviewId, name: "Renamed", quarter: "2026-Q4" }),
    await callAction(api, "startReviewAction", reviewId, { reviewId }),
  ];
  expect(refused.map((r) => r.error?.code)).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"]);
  expect(refused[0].error?.message).toContain("Cannot add items");
  expect(await databaseFingerprint(), "refused calls change nothing").toBe(before);
  await api.dispose();
});

test("a CSV with a bad row imports nothing and names the row, in the preview and on the server", async ({ page }) => {
  await signInLead(page);
  const reviewId = await createAccessReview(page, `Bad CSV ${tag()}`);
  const bad = [IAM_HEADER, IAM_ROWS[0], IAM_ROWS[1], iamRow("", "user", "true", "true", "true"), IAM_ROWS[3]].join("\n");
  await page.goto(`/access-reviews/${reviewId}/import`);
  const before = await databaseFingerprint();
  await pickCsv(page, "bad-report.csv", bad);
  await page.getByLabel("Resource for every row").fill("AWS account 1234");
  const problems = page.getByRole("table", { name: "Rows with problems" });
  await expect(problems.getByRole("row")).toHaveCount(1 + 1);
  await expect(problems.getByRole("row").nth(1)).toContainText("Row 4");
  await expect(problems.getByRole("row").nth(1)).toContainText("principal: the “user” cell is empty");
  await expect(page.getByText("1 row has problems, so nothing can be imported")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ item/ })).toBeDisabled();

  // The server does not trust the page: the same file sent straight to the action is refused whole.
  const api = await apiSessionAs("COMPLIANCE_LEAD");
  const before2 = await databaseFingerprint();
  const result = await callAction(api, "importItemsAction", reviewId, { reviewId, csv: bad, fileName: "bad-report.csv", ...iamMapping });
  expect(result.ok).toBe(false);
  expect(result.error?.message).toMatch(/^Nothing was imported: row 4: principal: the “user” cell is empty/);
  expect(await databaseFingerprint()).toBe(before2);
  expect(before2).toBe(before);
  expect(await count(`"AccessReviewItem" WHERE "reviewId" = $1`, [reviewId])).toBe(0);
  await api.dispose();
});

test("5,000 IAM rows import in one step (one audit entry) and the items page paginates by 50", async ({ page }) => {
  await signInLead(page);
  const reviewId = await createAccessReview(page, `Large import ${tag()}`);
  const rows = Array.from({ length: 5000 }, (_, i) =>
    iamRow(`user-${String(i).padStart(4, "0")}`, "user", i % 3 ? "true" : "false", "true", "true", i % 7 ? "false" : "true"),
  );
  const api = await apiSessionAs("COMPLIANCE_LEAD");
  const result = await callAction(api, "importItemsAction", reviewId, {
    reviewId,
    csv: [IAM_HEADER, ...rows].join("\n"),
    fileName: "large.csv",
    ...iamMapping,
  });
  expect(result).toMatchObject({ ok: true, message: "Imported 5000 items from large.csv." });
  expect(await count(`"AccessReviewItem" WHERE "reviewId" = $1`, [reviewId])).toBe(5000);
  expect(await count(`"AuditLogEntry" WHERE "entityId" = $1 AND action = 'access-review.items-imported'`, [reviewId])).toBe(1);
  await page.goto(`/access-reviews/${reviewId}?page=100`);
  await expect(page.getByText("5000 items, page 100 of 100")).toBeVisible();
  await expect(page.getByRole("table", { name: "Items" }).getByRole("row")).toHaveCount(1 + 50);
  await expect(page.getByRole("table", { name: "Items" })).toContainText("user-4999");
  await api.dispose();
});

test("the API adds items all or nothing and names a bad item; engineers and auditors cannot change an access review", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const created = await lead.post("/api/v1/access-reviews", {
    data: { name: `API review ${tag()}`, quarter: "2026-Q4", resources: ["TOOL_SERVER"], sameQuarterReason: "The fixture covers 2026-Q4." },
  });
  expect(created.status()).toBe(201);
  const review = (await created.json()) as { id: string; status: string; dueDate: string };
  expect(review).toMatchObject({ status: "DRAFT", dueDate: "2026-12-31" });
  const badQuarter = await lead.post("/api/v1/access-reviews", { data: { name: "x", quarter: "2026-4" } });
  expect(badQuarter.status()).toBe(400);

  const item = {
    principal: "mcp-search",
    principalKind: "SERVICE",
    resource: "Tool server: search",
    resourceKind: "TOOL_SERVER",
    accessLevel: "invoke",
  };
  const bad = await lead.post(`/api/v1/access-reviews/${review.id}/items`, { data: [item, { ...item, principal: "mcp-2", resource: "" }] });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("item 1 (resource)");
  const unknownReviewer = await lead.post(`/api/v1/access-reviews/${review.id}/items`, {
    data: [{ ...item, reviewer: ACCOUNTS.AUDITOR.email }],
  });
  expect(unknownReviewer.status()).toBe(400);
  expect((await unknownReviewer.json()).error.message).toContain("is an auditor");
  expect(await count(`"AccessReviewItem" WHERE "reviewId" = $1`, [review.id])).toBe(0);
  const ok = await lead.post(`/api/v1/access-reviews/${review.id}/items`, {
    data: [
      { ...item, reviewer: ACCOUNTS.ENGINEER.email },
      { ...item, principal: ACCOUNTS.ENGINEER.email.toUpperCase(), principalKind: "HUMAN", reviewer: ACCOUNTS.COMPLIANCE_LEAD.email },
    ],
  });
  expect(ok.status()).toBe(201);
  expect(await ok.json()).toEqual({ added: 2 });
  const detail = await (await lead.get(`/api/v1/access-reviews/${review.id}`)).json();
  expect(detail.progress).toEqual({ decided: 0, total: 2 });
  expect(detail.items.map((i: { principalUser: string | null; reviewer: string }) => [i.principalUser, i.reviewer])).toEqual([
    [null, ACCOUNTS.ENGINEER.email],
    [ACCOUNTS.ENGINEER.email, ACCOUNTS.COMPLIANCE_LEAD.email],
  ]);

  const engineer = await apiSessionAs("ENGINEER");
  const auditor = await apiSessionAs("AUDITOR");
  const before = await databaseFingerprint();
  expect((await engineer.post(`/api/v1/access-reviews/${review.id}/items`, { data: [item] })).status()).toBe(403);
  expect((await auditor.post(`/api/v1/access-reviews/${review.id}/start`)).status()).toBe(403);
  expect((await callAction(engineer, "removeItemAction", review.id, { reviewId: review.id, itemId: detail.items[0].id })).error?.code).toBe(
    "FORBIDDEN",
  );
  expect(await databaseFingerprint()).toBe(before);

  // A draft is no auditor's evidence (lib/auth/scope.ts): it does not exist for them. An engineer
  // reads it without the preparation forms.
  await signInAs(page, "AUDITOR");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/access-reviews/${review.id}`);
  await expect(page.getByText("Nothing exists at this address.")).toBeVisible();
  await page.context().clearCookies();
  await signInAs(page, "ENGINEER");
  await page.goto(`/access-reviews/${review.id}`);
  await expect(page.getByTestId("review-status")).toHaveText("Draft");
  await expect(page.getByRole("table", { name: "Items" }).getByRole("row")).toHaveCount(1 + 2);
  await expect(page.getByRole("heading", { name: "Prepare the access review" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Assign selected items" })).toHaveCount(0);
  await expectNotAllowed(page, `/access-reviews/${review.id}/import`);
  await page.goto("/access-reviews");
  await expect(page.getByRole("link", { name: "New access review" })).toHaveCount(0);
  for (const c of [lead, engineer, auditor]) await c.dispose();
});

// Which quarter an access review may be for (not a future one; a second only with a reason) is a
// service rule: lib/access-reviews/quarters.int.test.ts, in the services tier.
