import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EXPECTED_ROLES, FIXTURE_SIGNED_OFF_REVIEW_ID, PAGES, PARAM_VALUES, ROUTES } from "./endpoints";
import { ACCOUNTS, apiSessionAs, signInAs, type Role } from "./support";
import { expectNotAllowed } from "./support/refusal";
import { AUDITOR_WRITE_RULES, pathPattern, writeControls } from "./support/write-controls";

// Issue 14, item 3: no dead ends. (a) An auditor and an engineer open every page of the
// authorization walk's page table they may open; every same-origin link a page offers them is
// fetched with their cookies and must answer, not "Not allowed" (403), not found, nor sign-in. The
// auditor is offered no enabled control that would change anything. Links are deduplicated by the
// page or route they lead to (at most two of each), so the crawl stays short. (b) What answers 403,
// what 404 and what a redirect (docs/authorization.md, "403 or 404").

/** A page's concrete URL: the walk's fixture ids; access-review pages get the signed-off fixture (a draft is no auditor's). */
const urlFor = (pattern: string) =>
  pattern.replace(/\[\[?([^\]]+)\]\]?/g, (_, name: string) => {
    if (name === "reviewId") return FIXTURE_SIGNED_OFF_REVIEW_ID;
    if (!(name in PARAM_VALUES)) throw new Error(`no value for [${name}] in ${pattern}`);
    return PARAM_VALUES[name];
  });

/** The pages a role may open (signed-in pages, and those whose permission the role holds), the "Not allowed" page aside. */
const pagesFor = (role: Role) =>
  Object.entries(PAGES)
    .filter(([pattern, access]) => {
      if (pattern === "/forbidden" || access === "public" || access === "setup-only") return false;
      return access === "signed-in" || EXPECTED_ROLES[access].includes(role);
    })
    .map(([pattern]) => pattern);

// Every page and GET route as a pattern; a link's kind is the most specific that matches (fewest [params]).
const KINDS = [...Object.keys(PAGES), ...Object.keys(ROUTES).flatMap((k) => (k.startsWith("GET ") ? [k.slice(4)] : []))]
  .map((pattern) => ({ pattern, re: new RegExp(pathPattern(pattern)), params: (pattern.match(/\[/g) ?? []).length }))
  .sort((a, b) => a.params - b.params);
const kindOf = (pathname: string) => KINDS.find((k) => k.re.test(pathname))?.pattern ?? pathname;

/** Same-origin links as path + query, from the HTML outside scripts (the RSC payload repeats them). */
function linksIn(html: string): string[] {
  const shown = html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const hrefs = [...shown.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, "&"));
  const origin = "http://attest.invalid";
  return hrefs.flatMap((href) => {
    if (!href || href.startsWith("#") || /^(mailto|tel|javascript):/i.test(href)) return [];
    const url = new URL(href, `${origin}/`);
    return url.origin === origin ? [url.pathname + url.search] : [];
  });
}

/** Follows every new kind of link (two of each at most) and returns those that end on a refusal or nowhere. */
async function deadEnds(request: APIRequestContext, from: string, hrefs: string[], seen: Map<string, Set<string>>) {
  const found: string[] = [];
  for (const href of hrefs) {
    const kind = kindOf(href.split("?")[0]);
    const ofKind = seen.get(kind) ?? new Set<string>();
    seen.set(kind, ofKind);
    if (ofKind.has(href) || ofKind.size >= 2) continue;
    ofKind.add(href);
    const res = await request.get(href);
    const landed = new URL(res.url()).pathname;
    const body = (res.headers()["content-type"] ?? "").includes("text/html") ? await res.text() : "";
    const shown = body.replace(/<script\b[\s\S]*?<\/script>/gi, "");
    if (res.status() >= 400 || landed === "/signin" || /<h1>Not allowed<\/h1>/.test(shown)) {
      found.push(`${from} links to ${href}: ${res.status()}${landed !== href.split("?")[0] ? ` at ${landed}` : ""}`);
    }
  }
  return found;
}

async function crawl(page: Page, role: Role) {
  await signInAs(page, role);
  const seen = new Map<string, Set<string>>();
  const problems: string[] = [];
  const pages = pagesFor(role);
  expect(pages.length, `the walk's page table lists ${role}'s pages`).toBeGreaterThan(15);
  for (const pattern of pages) {
    const url = urlFor(pattern);
    let html: string;
    if (role === "AUDITOR") {
      // Rendered in Chromium: the write-control rule reads the live page (forms, disabled states).
      const res = await page.goto(url);
      expect.soft(res?.status(), `${url} opens for ${role}`).toBeLessThan(400);
      problems.push(...(await writeControls(page, AUDITOR_WRITE_RULES)).map((c) => `${url}: offers ${c}`));
      html = await page.content();
    } else {
      const res = await page.request.get(url);
      expect.soft(res.status(), `${url} opens for ${role}`).toBeLessThan(400);
      html = await res.text();
    }
    problems.push(...(await deadEnds(page.request, url, linksIn(html), seen)));
  }
  expect(seen.size, "the crawl followed links of many kinds").toBeGreaterThan(10);
  return problems;
}

for (const role of ["AUDITOR", "ENGINEER"] as Role[]) {
  test(`${role}: no page offers a link that ends on "Not allowed" or nowhere${role === "AUDITOR" ? ", nor a control that changes anything" : ""}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    expect(await crawl(page, role)).toEqual([]);
  });
}

test("an auditor opening a missing slot of the heatmap reads what is missing, with no upload button", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const created = await lead.post("/api/v1/periods", {
    data: {
      name: `Dead ends ${Date.now()}`,
      type: "TYPE_II",
      start: "2019-01-01",
      end: "2019-06-30",
      categories: ["SECURITY"],
      auditors: [ACCOUNTS.AUDITOR.email],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const periodId = ((await created.json()) as { id: string }).id;
  await lead.dispose();
  await signInAs(page, "AUDITOR");
  await page.goto(`/periods/${periodId}`);
  // Nothing was uploaded for 2019: every slot is missing.
  await page
    .getByRole("table", { name: "Coverage heatmap" })
    .getByRole("button", { name: /: missing$/ })
    .first()
    .click();
  const detail = page.getByRole("dialog");
  await expect(detail).toContainText("What is missing");
  await expect(detail).toContainText("Expected evidence:");
  await expect(detail.getByRole("link", { name: /^Upload/ })).toHaveCount(0);
});

test("unknown, malformed and badly escaped control codes and evidence ids are 404, on pages and in the API", async ({ page }) => {
  await signInAs(page, "ENGINEER");
  const unknownId = "00000000-0000-4000-8000-00000000dead";
  const pages = [
    "/controls/ZZ-NOPE-99", // a code that fits the form but exists nowhere
    "/controls/not%20a%20code", // not a code at all
    "/controls/ai-sec-01", // codes are capitals
    "/controls/%E0%A4%A", // a cut-off UTF-8 escape
    "/controls/AI-SEC-01%", // a lone %
    "/controls/%ZZ/edit",
    `/evidence/${unknownId}`,
    "/evidence/not-a-uuid",
    "/evidence/%ZZ",
  ];
  for (const url of pages) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect(res.status(), `${url} is not found`).toBe(404);
    expect(await res.text(), `${url} shows the not-found page`).toContain("Nothing exists at this address.");
  }
  const routes = [
    "/api/v1/controls/ZZ-NOPE-99",
    "/api/v1/controls/ai-sec-01",
    "/api/v1/controls/%E0%A4%A",
    `/api/v1/evidence/${unknownId}`,
    "/api/v1/evidence/not-a-uuid",
    "/api/v1/evidence/%ZZ",
    `/api/v1/evidence/${unknownId}/file`,
  ];
  for (const url of routes) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect(res.status(), `${url} is not found`).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code, url).toBe("NOT_FOUND");
  }
  // A real control still opens, its code escaped or not.
  for (const url of ["/controls/AI-SEC-01", "/controls/AI%2DSEC%2D01"]) expect((await page.request.get(url)).status(), url).toBe(200);
});

test("a page the role may not open answers 403 where it is, and says what to do next; signed out, it sends to sign-in", async ({
  page,
}) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await expectNotAllowed(page, "/settings/users");
  await expect(page.getByRole("main")).toContainText("Your role, Compliance lead, does not open this page.");
  await expect(page.getByRole("main")).toContainText("ask an admin to change your role");
  await page.getByRole("main").getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).not.toHaveURL(/\/settings\/users$/);
  // The address older links use answers the same.
  await expectNotAllowed(page, "/forbidden");

  const anonymous = await apiSessionAs(null);
  try {
    for (const url of ["/settings/users", "/forbidden", "/controls/ZZ-NOPE-99"]) {
      const res = await anonymous.get(url, { maxRedirects: 0 });
      expect(res.status(), `${url} signed out is a redirect`).toBe(307);
      expect(new URL(res.headers()["location"], "http://x").pathname).toBe("/signin");
    }
  } finally {
    await anonymous.dispose();
  }
});
