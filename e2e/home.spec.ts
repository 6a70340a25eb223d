import path from "node:path";
import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { upload } from "./evidence-support";
import { ACCOUNTS, apiSessionAs, signIn, signInAs, withDb, type Role } from "./support";

// Home is the dashboard, and it is personal (docs/dashboard.md): each role signs in, lands on
// /dashboard, finds a to-do list whose every link opens a page they may use, and the first item
// opens the page where it is done. A screenshot of each role's dashboard is kept.

const SHOT: Record<Role, string> = { ADMIN: "admin", COMPLIANCE_LEAD: "lead", ENGINEER: "engineer", AUDITOR: "auditor" };
const todoLinks = (page: Page) => page.getByRole("list", { name: "To do" }).getByRole("link");

/** Evidence uploaded by the engineer: something in the review queue for an admin or a lead. */
async function evidenceAwaitingReview() {
  const engineer = await apiSessionAs("ENGINEER");
  try {
    const res = await upload(engineer, {
      control: "AI-SEC-01",
      title: `Home queue ${randomBytes(3).toString("hex")}`,
      effectiveDate: "2021-03-01",
      url: "https://ci.example.test/home",
    });
    expect(res.status(), await res.text()).toBe(201);
  } finally {
    await engineer.dispose();
  }
}

/** An access review in progress with one item for the engineer to decide. */
async function itemForEngineer(): Promise<string> {
  const principal = `svc-home-${randomBytes(3).toString("hex")}`;
  await withDb(async (db) => {
    const engineer = (await db.query(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.ENGINEER.email])).rows[0].id as string;
    const review = await db.query(
      `INSERT INTO "AccessReview" (id, name, quarter, status, "startedAt", resources)
       VALUES (gen_random_uuid(), $1, '2021-Q2', 'IN_PROGRESS', now(), '{MODEL_API_KEY}') RETURNING id`,
      [`Home ${principal}`],
    );
    await db.query(
      `INSERT INTO "AccessReviewItem" (id, "reviewId", position, principal, "principalKind", resource, "resourceKind", "accessLevel", source, "reviewerId")
       VALUES (gen_random_uuid(), $1, 0, $2, 'SERVICE', 'bedrock', 'MODEL_API_KEY', 'invoke', 'test', $3)`,
      [review.rows[0].id, principal, engineer],
    );
  });
  return principal;
}

/** Every to-do link opens a page the person may use: never the "Not allowed" page or an error. */
async function expectNoDeadEnds(page: Page) {
  const hrefs = await todoLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(0);
  // One link per kind of address (ids stand for one another): a lead's list names every started
  // period with unanswered exceptions, and each period page is the same page for this check.
  const kinds = new Map(hrefs.map((href) => [href.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id"), href]));
  for (const href of kinds.values()) {
    const res = await page.request.get(href);
    expect(res.status(), href).toBe(200);
    expect(await res.text(), href).not.toContain("<h1>Not allowed</h1>");
  }
}

async function landOnDashboard(page: Page, role: Role) {
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("current-user")).toHaveText(ACCOUNTS[role].name);
  await expect(page.getByRole("heading", { level: 2, name: "To do" })).toBeVisible();
  await page.screenshot({ path: path.join("test-results", "screenshots", `dashboard-${SHOT[role]}.png`), fullPage: true });
  await expectNoDeadEnds(page);
}

test("an engineer signs in through the form, lands on the dashboard and opens the item to decide", async ({ page }) => {
  const principal = await itemForEngineer();
  await signIn(page, ACCOUNTS.ENGINEER.email, ACCOUNTS.ENGINEER.password);
  await landOnDashboard(page, "ENGINEER");
  // The navigation counts the items waiting for the engineer beside Access reviews.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Access reviews, \d+ waiting$/ })).toBeVisible();
  // The new review's item is on the list (others' specs may have given the engineer earlier-due ones).
  await expect(todoLinks(page).filter({ hasText: `Decide 1 access-review item in Home ${principal}` })).toHaveCount(1);
  const first = todoLinks(page).first();
  await expect(first).toHaveText(/^Decide \d+ access-review items? in /);
  await first.click();
  await expect(page).toHaveURL(/\/access-reviews\/inbox$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My access-review inbox");
  await expect(page.getByTestId("inbox-count")).toHaveText(/^[1-9]\d* of \d+ items? waiting for your decision/);
});

for (const role of ["ADMIN", "COMPLIANCE_LEAD"] as const) {
  test(`${role === "ADMIN" ? "an admin" : "a compliance lead"} lands on the dashboard and opens the review queue`, async ({ page }) => {
    await evidenceAwaitingReview();
    await signInAs(page, role);
    await landOnDashboard(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: /^Review, \d+ waiting$/ })).toBeVisible();
    // Beside Periods: the current period's unanswered exceptions, as its to-do item says ("Answer N exceptions of …").
    const answer = await todoLinks(page)
      .filter({ hasText: /^Answer \d+ exceptions? of / })
      .allTextContents();
    expect(answer.length).toBeLessThanOrEqual(1);
    const periods = nav.getByRole("link", { name: /^Periods(, \d+ unanswered)?$/ });
    await expect(periods).toHaveAccessibleName(answer.length ? `Periods, ${/^Answer (\d+)/.exec(answer[0])![1]} unanswered` : "Periods");
    const first = todoLinks(page).first();
    await expect(first).toHaveText(/^Review \d+ pieces? of evidence$/);
    await first.click();
    await expect(page).toHaveURL(/\/evidence\/review$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review evidence");
    await expect(page.getByRole("list", { name: "Evidence awaiting review" }).getByRole("listitem").first()).toBeVisible();
  });
}

test("an auditor lands on the dashboard and opens one of their periods", async ({ page }) => {
  await signInAs(page, "AUDITOR");
  await landOnDashboard(page, "AUDITOR");
  const first = todoLinks(page).first();
  const name = ((await first.textContent()) ?? "").replace(/^Audit /, "");
  await expect(first).toHaveAttribute("href", /^\/periods\/[0-9a-f-]{36}$/);
  await first.click();
  await expect(page).toHaveURL(/\/periods\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});
