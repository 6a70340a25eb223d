import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EXPECTED_ROLES, FIXTURE_SIGNED_OFF_REVIEW_ID, PAGES, PARAM_VALUES, type PageAccess } from "./endpoints";
import { ROLES, signInAs, type Role } from "./support";
import { seriousViolations } from "./support/axe";

// Issue 14, item 9: every page of the authorization walk's page list (PAGES), opened as each role
// that may open it and signed out, has no serious or critical WCAG 2.1 AA violation that axe-core
// finds (e2e/support/axe.ts, docs/accessibility.md). One page per role, one visit per page; a
// pattern that lands where an earlier one did ("/" on the landing page) is not analysed twice, nor
// a page whose content (its <main>) is exactly what another role was shown there: the admin and the
// lead see most pages alike. Each role's first page is analysed whole, for its own navigation.
// The setup page exists only before the first user: first-run.spec.ts checks it there.
// Over 4 minutes of CI time: it runs on the embedded run only (playwright.config.ts).

/** Whether the role may open a page of the walk's table (signed-out pages are walked apart). */
function mayOpen(role: Role, access: PageAccess): boolean {
  if (access === "public" || access === "setup-only") return false;
  return access === "signed-in" || EXPECTED_ROLES[access].includes(role);
}

/**
 * A page's URL with the walk's fixtures (PARAM_VALUES). An access review is the draft for those who
 * may edit it (its page then shows the forms), the signed-off one otherwise: an auditor sees only a
 * signed-off review, and the record exists only once signed off.
 */
function urlFor(pattern: string, role: Role): string {
  return pattern.replace(/\[\[?([^\]]+)\]\]?/g, (segment, name: string) => {
    if (name === "reviewId" && (pattern.endsWith("/record") || !EXPECTED_ROLES["access-reviews:write"].includes(role)))
      return FIXTURE_SIGNED_OFF_REVIEW_ID;
    if (!(name in PARAM_VALUES)) throw new Error(`no value for ${segment} in ${pattern}: add "${name}" to PARAM_VALUES`);
    return PARAM_VALUES[name];
  });
}

const NOT_FOUND_PAGE = /Nothing exists at this address\./;
const ERROR_PAGE = /This page could not be loaded/;

/**
 * page.goto, then what the page does on its own: a redirect sent after the (app) loading boundary
 * streamed is Next's meta refresh, a second navigation; charts draw once their size is known.
 */
async function open(page: Page, url: string) {
  const res = await page.goto(url);
  if (await page.locator("meta#__next-page-redirect").count()) {
    await page.waitForURL((now) => now.pathname !== new URL(url, now).pathname);
    await page.waitForLoadState();
  }
  for (const chart of await page.locator("figure[data-chart], figure.gap-chart").all())
    await expect(chart.locator("svg.recharts-surface").first(), `${url}: the chart is drawn before it is checked`).toBeVisible();
  return res;
}

/** The address and content of every page analysed so far, whoever saw it. */
const analysedContent = new Set<string>();

/** Opens each URL in turn on the one page and checks it; returns how many pages were analysed. */
async function checkPages(page: Page, urls: string[], refused: string[]): Promise<number> {
  const analysed = new Set<string>();
  for (const url of urls) {
    const res = await open(page, url);
    const landed = new URL(page.url());
    const where = landed.pathname + landed.search;
    // /forbidden is the "Not allowed" page at its own address: it answers 403 (docs/auditor-scope.md) and is checked like any other.
    if (url === "/forbidden") expect.soft(res?.status(), `${url} answers`).toBe(403);
    else expect.soft(res?.status(), `${url} answers`).toBeLessThan(400);
    if (!refused.includes(url)) expect.soft(refused, `${url} is not refused (landed on ${where})`).not.toContain(landed.pathname);
    const text = await page.locator("body").innerText();
    expect.soft(text, `${url} renders, not the error page`).not.toMatch(ERROR_PAGE);
    expect.soft(text, `${url} is a page the fixtures fill, not the not-found page`).not.toMatch(NOT_FOUND_PAGE);
    if (analysed.has(where)) continue;
    const html = await page.evaluate(() => (document.querySelector("main") ?? document.body).outerHTML);
    const content = createHash("sha256").update(`${where}\n${html}`).digest("hex");
    if (analysed.size > 0 && analysedContent.has(content)) continue;
    analysed.add(where);
    analysedContent.add(content);
    const violations = await seriousViolations(page);
    expect.soft(violations, `${url}: serious or critical WCAG 2.1 AA violations\n  ${violations.join("\n  ")}\n`).toEqual([]);
  }
  return analysed.size;
}

for (const role of ROLES) {
  test(`every page ${role} may open has no serious or critical accessibility violation`, async ({ page }) => {
    test.setTimeout(240_000);
    const urls = Object.entries(PAGES)
      .filter(([, access]) => mayOpen(role, access))
      .map(([pattern]) => urlFor(pattern, role));
    expect(urls.length, "the walk's page table lists the role's pages").toBeGreaterThan(15);
    await signInAs(page, role);
    const started = Date.now();
    const analysed = await checkPages(page, urls, ["/signin", "/forbidden"]);
    console.log(`a11y ${role}: ${urls.length} pages opened, ${analysed} analysed, in ${Date.now() - started} ms`);
  });
}

test("the signed-out pages have no serious or critical accessibility violation", async ({ page }) => {
  const urls = Object.entries(PAGES)
    .filter(([, access]) => access === "public" || access === "setup-only")
    .map(([pattern]) => pattern);
  expect(urls).toContain("/signin");
  // Once a user exists, /setup sends everyone to sign-in: the same page, analysed once.
  expect(await checkPages(page, urls, [])).toBeGreaterThan(0);
});
