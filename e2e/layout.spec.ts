import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EXPECTED_ROLES, PAGES, PARAM_VALUES } from "./endpoints";
import { tag, upload } from "./evidence-support";
import { apiSessionAs, signInAs, type Role } from "./support";

// Issue 14, item 8: at 1440 px no page scrolls sideways. With data wide enough to have done so
// (30 features with long names for the mapping matrix, audit entries with long unbroken values, an
// evidence record with a long title and file name), the compliance lead and the auditor open every
// page of the authorization walk's page list; the document is never wider than the window. The
// evidence table's title and file cells keep to a few lines.

test.use({ viewport: { width: 1440, height: 900 } });

const run = tag();
const LONG_WORD = `https://models.example.test/${"very-long-unbroken-path-segment".repeat(6)}/${run}`;
const LONG_TITLE = `Quarterly access review worksheet for the model API keys of the customer support reply drafting assistant ${run}`;
const LONG_FILE = `quarterly-access-review-worksheet-model-api-keys-support-reply-drafting-assistant-${run}.txt`;

/**
 * 30 features with long names (fixed slugs: each worker of this file makes sure they exist, and the
 * names hold no word other specs find fields by), and one evidence record of this worker's.
 */
async function wideData(lead: APIRequestContext) {
  for (let i = 0; i < 30; i++) {
    const res = await lead.post("/api/v1/features", {
      data: {
        slug: `layout-wide-${i}`,
        name: `Layout wide ${i}: customer reply drafting assistant for the enterprise tier and the partner portal`,
        owner: "Layout spec",
        purpose: `Drafts replies; documented at ${LONG_WORD}`,
        inputData: ["INTERNAL"],
        outputs: "A draft.",
        invokers: ["STAFF"],
        failureImpact: "LOW",
      },
    });
    expect([201, 409], await res.text()).toContain(res.status());
  }
  const res = await upload(
    lead,
    { control: "AI-SEC-05", title: LONG_TITLE, effectiveDate: "2025-11-27" },
    { name: LONG_FILE, bytes: Buffer.from(`Layout evidence ${run}\n`), type: "text/plain" },
  );
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let evidenceId: string;
test.beforeAll(async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  evidenceId = await wideData(lead);
  await lead.dispose();
});

const urlFor = (pattern: string) =>
  pattern.replace(/\[\[?([^\]]+)\]\]?/g, (_, name: string) => {
    if (!(name in PARAM_VALUES)) throw new Error(`no value for [${name}] in ${pattern}`);
    return PARAM_VALUES[name];
  });

/** The pages of the walk's list the role may open. */
const pagesOf = (role: Role) =>
  Object.entries(PAGES)
    .filter(
      ([, access]) => access === "signed-in" || (access !== "public" && access !== "setup-only" && EXPECTED_ROLES[access].includes(role)),
    )
    .map(([pattern]) => urlFor(pattern));

/** The document's overflow, and the first elements that stick out past the window (to say what to fix). */
const measure = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const culprits: string[] = [];
    if (root.scrollWidth > root.clientWidth) {
      for (const el of Array.from(document.querySelectorAll("main *"))) {
        const box = el.getBoundingClientRect();
        if (box.right > root.clientWidth + 1 && culprits.length < 3) {
          culprits.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.width)} px)`);
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });

/** The overflow once the page has settled: a page that navigates on load (home) is measured where it lands. */
async function overflow(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(page);
    } catch (error) {
      if (attempt === 3 || !/Execution context was destroyed/.test((error as Error).message)) throw error;
      await page.waitForLoadState("load");
    }
  }
}

/** page.goto, once more if a client-side navigation still in flight aborted it. */
async function open(page: Page, url: string) {
  try {
    await page.goto(url);
  } catch (error) {
    if (!/net::ERR_ABORTED|interrupted by another navigation/.test((error as Error).message)) throw error;
    await page.goto(url);
  }
}

for (const role of ["COMPLIANCE_LEAD", "AUDITOR"] as const) {
  test(`at 1440 px no page scrolls sideways for the ${role === "AUDITOR" ? "auditor" : "compliance lead"}`, async ({ page }) => {
    const urls = pagesOf(role);
    expect(urls.length, "the walk's page table").toBeGreaterThan(15);
    // About 40 pages: on a full database of a loaded 2-core machine a page can take several seconds.
    test.setTimeout(Math.max(240_000, urls.length * 6_000));
    await signInAs(page, role);
    const wide: string[] = [];
    for (const url of urls) {
      await open(page, url);
      const o = await overflow(page);
      if (o.scrollWidth > o.clientWidth) wide.push(`${url}: ${o.scrollWidth} > ${o.clientWidth} px; ${o.culprits.join(", ")}`);
    }
    expect(wide, "pages wider than the window").toEqual([]);
  });
}

test("the evidence table's title and file cells take at most three lines at 1440 px", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/evidence?from=2025-11-27&to=2025-11-27");
  const row = page.locator(`tr[data-id="${evidenceId}"]`);
  await expect(row.getByRole("link", { name: LONG_TITLE })).toBeVisible();
  // A cell's lines: its content height (without padding) over the line height.
  const cells = await row.evaluate((tr) => {
    const lines = (td: HTMLElement) => {
      const style = getComputedStyle(td);
      const content = td.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return content / parseFloat(style.lineHeight);
    };
    const title = tr.querySelector<HTMLAnchorElement>("a[href^='/evidence/']")!;
    const file = tr.querySelector<HTMLAnchorElement>("a[download]")!;
    return {
      title: lines(title.closest("td")!),
      file: lines(file.closest("td")!),
      titleText: title.getAttribute("title"),
      fileText: file.getAttribute("title"),
    };
  });
  expect(cells.title, "title lines").toBeLessThanOrEqual(3);
  expect(cells.file, "file name lines").toBeLessThanOrEqual(3);
  // What a clamped cell hides is in its title attribute.
  expect(cells.titleText).toBe(LONG_TITLE);
  expect(cells.fileText).toBe(LONG_FILE);
  expect(await overflow(page)).toMatchObject({ culprits: [] });
});
