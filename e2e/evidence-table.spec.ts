import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, apiSessionAs, signInAs, withDb, type Role } from "./support";

// The evidence table (/evidence): server pagination, sorting in the URL, every filter, the empty
// and invalid states; a control's evidence timeline; the Review badge in the navigation; what an
// auditor sees. The database is shared by every spec, so everything here lives on two custom
// controls of this run and the assertions filter on them.

const TAG = randomBytes(4).toString("hex");
const CONTROL = `EVT-${TAG.toUpperCase()}`;
const OTHER = `EVU-${TAG.toUpperCase()}`;
const BULK = 30; // inserted with SQL, enough for a second page
const FILE = Buffer.from(`Access review export ${TAG}\n`);

const ids: Record<"alpha" | "bravo" | "charlie" | "other", string> = { alpha: "", bravo: "", charlie: "", other: "" };
const title = (name: string) => `${name} ${TAG}`;

async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const table = (page: Page) => page.getByRole("table", { name: "Evidence" });
/** The Evidence section's link, with the count of the person's rejected evidence when there is some (docs/dashboard.md). */
const EVIDENCE_LINK = /^Evidence(, \d+ rejected)?$/;
const dataRows = (page: Page) => table(page).locator("tbody tr");
const titleCells = (page: Page) => dataRows(page).locator("td:nth-child(3)");
/** The table's titles are exactly these (retried until the navigation has rendered). */
const expectTitles = (page: Page, expected: string[]) => expect(titleCells(page)).toHaveText(expected);
/** The table starts with these titles. */
async function expectFirstTitles(page: Page, expected: string[]) {
  for (const [i, text] of expected.entries()) await expect(titleCells(page).nth(i)).toHaveText(text);
}
const filters = (page: Page) => page.getByRole("search", { name: "Filter evidence" });
const summary = (page: Page) => page.locator("p.muted[aria-live=polite]");
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** The URL's non-empty query values (a GET form also submits its empty fields). */
const urlQuery = (page: Page) => Object.fromEntries([...new URL(page.url()).searchParams].filter(([, v]) => v !== ""));

async function upload(api: APIRequestContext, fields: Record<string, string>, file?: Buffer): Promise<string> {
  const res = await api.post("/api/v1/evidence", {
    multipart: { ...fields, ...(file ? { file: { name: "access-review.txt", mimeType: "text/plain", buffer: file } } : {}) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function createControl(api: APIRequestContext, code: string) {
  const res = await api.post("/api/v1/controls", {
    data: {
      code,
      title: `Evidence table control ${code}`,
      description: "A control of the evidence table spec.",
      category: "SECURITY",
      criteria: ["CC6.1"],
      frequency: "MONTHLY",
      expectedEvidence: "A monthly export.",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

const awaitingReview = () =>
  withDb(
    async (c) =>
      (
        await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Evidence" e
           WHERE e.status = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM "Evidence" n WHERE n."supersedesId" = e.id)`,
        )
      ).rows[0].n,
  );

test.beforeAll(async () => {
  test.setTimeout(180_000); // about 40 writes, each serialised on the audit log's lock: slack for a loaded machine
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const engineer = await apiSessionAs("ENGINEER");
  try {
    await createControl(lead, CONTROL);
    await createControl(lead, OTHER);
    // Older uploads, accepted, uploaded by the lead, each with a link (no file): the bulk of the pages.
    await withDb((c) =>
      c.query(
        `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, url, status,
                                 "reviewedById", "reviewedAt", "uploadedById", "uploadedAt")
         SELECT gen_random_uuid(), gen_random_uuid(), ctl.id, 'Bulk ' || lpad(i::text, 2, '0') || ' ' || $2,
                date '2024-01-01' + i, 'API', 'https://ci.example.com/bulk/' || i, 'ACCEPTED',
                lead.id, now(), lead.id, now() - interval '1 day' - i * interval '1 hour'
         FROM generate_series(0, $3::int - 1) AS i, "Control" ctl, "User" lead
         WHERE ctl.code = $1 AND lead.email = $4`,
        [CONTROL, TAG, BULK, ACCOUNTS.COMPLIANCE_LEAD.email],
      ),
    );
    // Three uploads from the browser's session, newest last: accepted, rejected, awaiting review.
    ids.alpha = await upload(
      engineer,
      { control: CONTROL, title: title("Alpha"), effectiveDate: "2025-01-10", features: "fixture-feature" },
      FILE,
    );
    ids.bravo = await upload(engineer, { control: CONTROL, title: title("Bravo"), effectiveDate: "2025-02-10" }, FILE);
    ids.charlie = await upload(engineer, {
      control: CONTROL,
      title: title("Charlie"),
      effectiveDate: "2025-03-10",
      url: "https://ci.example.com/run/42",
    });
    ids.other = await upload(engineer, { control: OTHER, title: title("Other"), effectiveDate: "2025-01-15" }, FILE);
    for (const [id, review] of [
      [ids.alpha, { decision: "accept" }],
      [ids.bravo, { decision: "reject", reason: "The export is from the wrong quarter." }],
    ] as const) {
      const res = await lead.post(`/api/v1/evidence/${id}/review`, { data: review });
      expect(res.status(), await res.text()).toBe(200);
    }
  } finally {
    await lead.dispose();
    await engineer.dispose();
  }
});

test("pages of 25 with numbered Previous/Next links, the page in the URL", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await page.goto(`/evidence?control=${CONTROL}`);
  await expect(summary(page)).toHaveText(`${BULK + 3} pieces of evidence match, showing 1–25`);
  await expect(dataRows(page)).toHaveCount(25);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByRole("link", { name: "← Previous" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(new RegExp(`/evidence\\?control=${CONTROL}&page=2$`));
  await expect(summary(page)).toHaveText(`${BULK + 3} pieces of evidence match, showing 26–${BULK + 3}`);
  await expect(dataRows(page)).toHaveCount(BULK + 3 - 25);
  await expect(pages.locator("[aria-current=page]")).toHaveText("2");
  await expect(pages.getByRole("link", { name: "Next →" })).toHaveCount(0);
  // Newest uploads first: the last page ends with the oldest bulk row.
  await expect(titleCells(page).last()).toHaveText(`Bulk ${BULK - 1} ${TAG}`);
  await pages.getByRole("link", { name: "Page 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/evidence\\?control=${CONTROL}$`));
  await expectFirstTitles(page, [title("Charlie"), title("Bravo"), title("Alpha")]);
  // A page beyond the end shows the last one rather than an empty table.
  await page.goto(`/evidence?control=${CONTROL}&page=99`);
  await expect(dataRows(page)).toHaveCount(BULK + 3 - 25);
});

test("the columns: dates, links to the control and the evidence, badge, source, uploader, file or link, version", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await page.goto(`/evidence?control=${CONTROL}`);
  await expect(table(page)).toBeVisible();
  const headers = await table(page).locator("thead th").allInnerTexts();
  expect(headers.map((h) => h.replace(/[▲▼↕]/g, "").trim())).toEqual([
    "Effective date",
    "Control",
    "Title",
    "Status",
    "Source",
    "Uploaded by",
    "Uploaded (UTC)",
    "File",
    "Version",
  ]);
  const alpha = table(page).locator(`tr[data-id="${ids.alpha}"]`);
  const cells = alpha.getByRole("cell");
  await expect(cells.nth(0)).toHaveText("2025-01-10");
  await expect(cells.nth(1).getByRole("link", { name: CONTROL })).toHaveAttribute("href", `/controls/${CONTROL}`);
  await expect(cells.nth(2).getByRole("link", { name: title("Alpha") })).toHaveAttribute("href", `/evidence/${ids.alpha}`);
  await expect(cells.nth(3)).toHaveText("Accepted");
  await expect(cells.nth(4)).toHaveText("Browser");
  await expect(cells.nth(5)).toHaveText(ACCOUNTS.ENGINEER.email);
  await expect(cells.nth(6)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await expect(cells.nth(7)).toHaveText(`access-review.txt ${FILE.length} bytes`);
  await expect(cells.nth(8)).toHaveText("v1");
  const charlie = table(page).locator(`tr[data-id="${ids.charlie}"]`);
  await expect(charlie.getByRole("cell").nth(3)).toHaveText("Awaiting review");
  await expect(charlie.getByRole("link", { name: "link", exact: true })).toHaveAttribute("href", "https://ci.example.com/run/42");
  await expect(table(page).locator(`tr[data-id="${ids.bravo}"]`).getByRole("cell").nth(3)).toHaveText("Rejected");
});

test("sorting by clicking headers, kept in the URL", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await page.goto(`/evidence?control=${CONTROL}`);
  const header = (name: string) => table(page).getByRole("columnheader", { name, exact: true });
  await expect(header("Uploaded (UTC)")).toHaveAttribute("aria-sort", "descending");

  await header("Title").getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`control=${CONTROL}&sort=title$`));
  await expect(header("Title")).toHaveAttribute("aria-sort", "ascending");
  await expectFirstTitles(page, [title("Alpha"), title("Bravo")]);
  await header("Title").getByRole("button").click();
  await expect(page).toHaveURL(/sort=title&dir=desc$/);
  await expectFirstTitles(page, [title("Charlie"), title("Bulk 29")]);

  await header("Effective date").getByRole("button").click();
  await expect(page).toHaveURL(/sort=effective$/); // newest first is the default, left out of the URL
  await expect(header("Effective date")).toHaveAttribute("aria-sort", "descending");
  await expectFirstTitles(page, [title("Charlie"), title("Bravo"), title("Alpha")]);
  await header("Effective date").getByRole("button").click();
  await expect(page).toHaveURL(/sort=effective&dir=asc$/);
  await expect(titleCells(page).first()).toHaveText(title("Bulk 00"));

  await header("Status").getByRole("button").click();
  await expect(page).toHaveURL(/sort=status$/);
  await expect(dataRows(page).first().getByRole("cell").nth(3)).toHaveText("Awaiting review");

  await header("Uploaded (UTC)").getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`/evidence\\?control=${CONTROL}$`)); // the default: newest uploads first
  await header("Uploaded (UTC)").getByRole("button").click();
  await expect(page).toHaveURL(/dir=asc$/);
  await expect(titleCells(page).first()).toHaveText(title(`Bulk ${BULK - 1}`));

  // Control, across all evidence: each code's rows together (the database's collation orders them).
  await page.goto("/evidence");
  await header("Control").getByRole("button").click();
  await expect(page).toHaveURL(/\/evidence\?sort=control$/);
  await expect(header("Control")).toHaveAttribute("aria-sort", "ascending");
  const codes = await dataRows(page).locator("td:nth-child(2)").allInnerTexts();
  expect(codes.filter((code, i) => code !== codes[i - 1])).toEqual([...new Set(codes)]);
  // The sort survives applying a filter.
  await filters(page).getByLabel("Control", { exact: true }).selectOption(CONTROL);
  await filters(page).getByRole("button", { name: "Apply" }).click();
  await expect(table(page)).toContainText(title("Alpha"));
  expect(urlQuery(page)).toEqual({ control: CONTROL, sort: "control" });
});

test("each filter narrows the table, and the filters stay in the URL", async ({ page }) => {
  await signInLanded(page, "COMPLIANCE_LEAD");
  await page.goto("/evidence");
  const form = filters(page);
  await form.getByLabel("Control", { exact: true }).selectOption(OTHER);
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(summary(page)).toHaveText("1 piece of evidence matches, showing 1–1");
  expect(urlQuery(page)).toEqual({ control: OTHER });
  await expectTitles(page, [title("Other")]);

  const cases: [string, string[]][] = [
    [`control=${CONTROL}&status=REJECTED`, [title("Bravo")]],
    [`control=${CONTROL}&source=BROWSER`, [title("Charlie"), title("Bravo"), title("Alpha")]],
    [`control=${CONTROL}&feature=fixture-feature`, [title("Alpha")]],
    [`control=${CONTROL}&from=2025-01-01&to=2025-02-28`, [title("Bravo"), title("Alpha")]],
    [`control=${CONTROL}&from=2024-01-29`, [title("Charlie"), title("Bravo"), title("Alpha"), title("Bulk 28"), title("Bulk 29")]],
    [`control=${CONTROL}&uploader=engineer%40example`, [title("Charlie"), title("Bravo"), title("Alpha")]],
  ];
  for (const [search, expected] of cases) {
    await page.goto(`/evidence?${search}`);
    await expectTitles(page, expected);
  }
  await page.goto(`/evidence?control=${CONTROL}&source=API`);
  await expect(summary(page)).toHaveText(`${BULK} pieces of evidence match, showing 1–25`);

  // Through the form: the fields show the URL's values and submit them again.
  await page.goto(`/evidence?control=${CONTROL}`);
  await expect(form.getByLabel("Control", { exact: true })).toHaveValue(CONTROL);
  await form.getByLabel("Status").selectOption({ label: "Accepted" });
  await form.getByLabel("Feature").selectOption("fixture-feature");
  await form.getByLabel("Effective from").fill("2025-01-01");
  await form.getByLabel("Uploaded by").fill("engineer");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(summary(page)).toHaveText("1 piece of evidence matches, showing 1–1");
  expect(urlQuery(page)).toEqual({
    control: CONTROL,
    feature: "fixture-feature",
    status: "ACCEPTED",
    from: "2025-01-01",
    uploader: "engineer",
  });
  await expectTitles(page, [title("Alpha")]);
  await form.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/evidence$/);
});

test("a “to” date before “from” is explained beside the field, without an error page", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  const res = await page.goto(`/evidence?control=${CONTROL}&from=2025-03-01&to=2025-01-01`);
  expect(res?.status()).toBe(200);
  await expect(page.locator(".alert.error[role=alert]")).toHaveText(
    "“to” is before “from”: choose a range that runs forward. No evidence is shown until the filters are fixed.",
  );
  await expect(filters(page).getByLabel("Effective to")).toHaveAttribute("aria-invalid", "true");
  await expect(filters(page).getByLabel("Effective from")).toHaveValue("2025-03-01");
  await expect(table(page)).toHaveCount(0);
  // Fixing the date in the form brings the table back.
  await filters(page).getByLabel("Effective to").fill("2025-03-31");
  await filters(page).getByRole("button", { name: "Apply" }).click();
  await expectTitles(page, [title("Charlie")]);
});

test("no match for the filters says so and links to clear them", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await page.goto(`/evidence?control=${CONTROL}&status=WITHDRAWN&sort=title`);
  await expect(table(page)).toHaveCount(0);
  await expect(summary(page)).toHaveText("0 pieces of evidence match");
  const empty = page.locator(".card.empty");
  await expect(empty).toContainText("No evidence matches these filters.");
  await empty.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/evidence\?sort=title$/);
  await expect(table(page)).toBeVisible();
});

test("a control's page shows its evidence as a timeline, newest effective date first", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await page.goto(`/controls/${CONTROL}`);
  const section = page.getByRole("region", { name: "Evidence", exact: true });
  const entries = section.getByRole("list", { name: `Evidence for ${CONTROL}` }).getByRole("listitem");
  await expect(entries).toHaveCount(20);
  await expect(section).toContainText(`The latest 20 of ${BULK + 3}, by effective date.`);
  await expect(entries.nth(0)).toContainText("2025-03-10");
  await expect(entries.nth(0).getByRole("link", { name: title("Charlie") })).toHaveAttribute("href", `/evidence/${ids.charlie}`);
  await expect(entries.nth(0)).toContainText("Awaiting review");
  await expect(entries.nth(0)).toContainText(`v1 · uploaded by ${ACCOUNTS.ENGINEER.email}`);
  // Rejected evidence stays in the history, marked with its reason.
  await expect(entries.nth(1)).toHaveAttribute("data-status", "REJECTED");
  await expect(entries.nth(1)).toContainText("Rejected: The export is from the wrong quarter.");
  await expect(entries.nth(2)).toContainText("2025-01-10");
  await expect(entries.nth(2)).toContainText("Accepted");
  await expect(entries.nth(3)).toContainText(`2024-01-30${title("Bulk 29")}`);

  await expect(section.getByRole("link", { name: `Upload evidence for ${CONTROL}` })).toHaveAttribute(
    "href",
    `/evidence/upload?control=${CONTROL}`,
  );
  await section.getByRole("link", { name: `All evidence for ${CONTROL}` }).click();
  await expect(page).toHaveURL(new RegExp(`/evidence\\?control=${CONTROL}$`));
  await expect(summary(page)).toHaveText(`${BULK + 3} pieces of evidence match, showing 1–25`);
});

test("the Review link counts the evidence awaiting review; engineers have no Review link", async ({ page }) => {
  await signInLanded(page, "COMPLIANCE_LEAD");
  const before = await awaitingReview();
  expect(before).toBeGreaterThan(0); // Charlie, at least
  await page.goto("/evidence");
  const nav = mainNav(page);
  await expect(nav.getByRole("link", { name: EVIDENCE_LINK })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: `Review, ${before} waiting`, exact: true })).toHaveAttribute("href", "/evidence/review");

  const engineer = await apiSessionAs("ENGINEER");
  try {
    await upload(engineer, { control: OTHER, title: title("Delta"), effectiveDate: "2025-04-01" }, FILE);
  } finally {
    await engineer.dispose();
  }
  await page.reload();
  await expect(nav.getByRole("link", { name: `Review, ${before + 1} waiting`, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Review/ })).toContainText(String(before + 1));

  await page.context().clearCookies();
  await signInLanded(page, "ENGINEER");
  await expect(mainNav(page).getByRole("link", { name: EVIDENCE_LINK })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: /^Review/ })).toHaveCount(0);
});

test("an auditor sees the table, the timeline and the downloads, but no upload link", async ({ page }) => {
  await signInLanded(page, "AUDITOR");
  await mainNav(page).getByRole("link", { name: EVIDENCE_LINK }).click();
  await expect(page.getByRole("heading", { name: "Evidence", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Upload evidence" })).toHaveCount(0);
  await page.goto(`/evidence?control=${CONTROL}&feature=fixture-feature`);
  const download = dataRows(page).getByRole("link", { name: "access-review.txt" });
  await expect(download).toHaveAttribute("href", `/api/v1/evidence/${ids.alpha}/file`);
  const res = await page.request.get(`/api/v1/evidence/${ids.alpha}/file`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain("attachment");
  expect(Buffer.from(await res.body()).equals(FILE)).toBe(true);

  await page.goto(`/controls/${CONTROL}`);
  const section = page.getByRole("region", { name: "Evidence", exact: true });
  await expect(section.getByRole("listitem")).toHaveCount(20);
  await expect(section.getByRole("link", { name: /^Upload evidence/ })).toHaveCount(0);
  await expect(section.getByRole("link", { name: `All evidence for ${CONTROL}` })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: /^Review/ })).toHaveCount(0);
});
