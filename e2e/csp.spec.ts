import { randomBytes } from "node:crypto";
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EXPECTED_ROLES, PAGES } from "./endpoints";
import { pageKeys, paramNames } from "./support/discovery";
import { ACCOUNTS, apiSessionAs, signInAs, withDb, type Role } from "./support";

// Every page of the app (discovered from app/**/page.tsx) opens under the nonce-based
// Content-Security-Policy without a single violation, signed in as an admin (who may open them all)
// and as an auditor (read-only, refused with a 403 "Not allowed" page where the role may not go). The fixture's page
// fails the test on any violation; this spec also checks each page's headers.

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Real rows for each dynamic segment, read from the database (and a current period created for the charts). */
async function paramValues(): Promise<Record<string, string>> {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const period = await lead.post("/api/v1/periods", {
    data: {
      name: `CSP period ${randomBytes(3).toString("hex")}`,
      type: "TYPE_II",
      start: addDays(-3),
      end: addDays(60),
      categories: ["SECURITY"],
      auditors: [ACCOUNTS.AUDITOR.email],
    },
  });
  expect(period.status(), await period.text()).toBe(201);
  const periodId = ((await period.json()) as { id: string }).id;
  await lead.dispose();
  // Records the AUDITOR account sees (lib/auth/scope.ts): the period above is given to them, and
  // their broad window (accounts.setup.ts: 2024-2027, every category and feature) holds the
  // evidence, a vendor some feature uses and the signed-off review; a draft review is no one's evidence.
  return withDb(async (db) => {
    const one = async (sql: string) => {
      const { rows } = await db.query<{ v: string }>(sql);
      expect(rows[0]?.v, `a row for: ${sql}`).toBeTruthy();
      return rows[0].v;
    };
    return {
      periodId,
      code: await one(`SELECT code AS v FROM "Control" ORDER BY code LIMIT 1`),
      id: await one(
        `SELECT id AS v FROM "Evidence" WHERE status <> 'WITHDRAWN' AND "effectiveDate" BETWEEN '2024-01-01' AND '2027-12-31' ORDER BY "uploadedAt" DESC LIMIT 1`,
      ),
      slug: await one(`SELECT slug AS v FROM "Feature" ORDER BY "createdAt" LIMIT 1`),
      vendorId: await one(
        `SELECT id AS v FROM "Vendor" v WHERE EXISTS (SELECT 1 FROM "FeatureVendor" fv WHERE fv."vendorId" = v.id) ORDER BY "createdAt" LIMIT 1`,
      ),
      reviewId: await one(`SELECT id AS v FROM "AccessReview" WHERE status = 'DRAFT' ORDER BY "createdAt" LIMIT 1`),
      signedOffReviewId: await one(`SELECT id AS v FROM "AccessReview" WHERE status = 'SIGNED_OFF' ORDER BY "createdAt" LIMIT 1`),
    };
  });
}

function concrete(pattern: string, values: Record<string, string>): string {
  let url = pattern;
  for (const name of paramNames(pattern)) {
    // An access review's record exists once it is signed off (and an auditor reads only such a review); edit and import act on a draft.
    const key =
      name === "reviewId" && (pattern.endsWith("/record") || pattern === "/access-reviews/[reviewId]") ? "signedOffReviewId" : name;
    expect(values[key], `no value for [${name}] in ${pattern}: add it to paramValues() in e2e/csp.spec.ts`).toBeTruthy();
    url = url.replace(`[${name}]`, values[key]);
  }
  return url;
}

/**
 * Opens the page and checks the document it settles on (a page may redirect, also after it started
 * streaming): its CSP carries a fresh nonce that Next put on the page's scripts, and the other headers.
 */
async function openAndCheck(page: Page, url: string, seen: Set<string>, refused = false) {
  let settled: Response | null = null;
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || (refused && r.status() === 403)))
      settled = r;
  };
  page.on("response", onResponse);
  // A page that sends the role elsewhere on the client may start that navigation before goto()
  // settles; the poll below then checks the document it lands on.
  const first = await page.goto(url).catch((error: Error) => {
    // Chromium reports the same race as an aborted load when the client redirect cancels it.
    if (/interrupted by another navigation|net::ERR_ABORTED/.test(error.message)) return null;
    throw error;
  });
  if (first && refused) expect(first.status(), `${url} is refused with 403`).toBe(403);
  else if (first) expect(first.status(), `${url} opens`).toBeLessThan(400);
  // A page that redirects (home to its landing page) navigates again after the first
  // document: wait until the document in the frame is the one whose headers we read.
  const documentNonces = () => page.evaluate(() => [...document.scripts].map((s) => s.nonce ?? "")).catch(() => [] as string[]); // still navigating
  const nonceOf = (r: Response | null) => /'nonce-([^']+)'/.exec(r?.headers()["content-security-policy"] ?? "")?.[1];
  // Read the document's nonces and the response they belong to in the same poll: a page may still
  // navigate after it loaded, and a second read could land in the middle of that navigation.
  const found: { scriptNonces: string[]; response: Response | null } = { scriptNonces: [], response: null };
  await expect
    .poll(async () => {
      await page.waitForLoadState("load");
      const response = settled as Response | null;
      const nonce = nonceOf(response);
      const nonces = await documentNonces();
      if (nonce === undefined || !nonces.includes(nonce)) return false;
      found.scriptNonces = nonces;
      found.response = response;
      return true;
    }, `${url}: the final document's scripts carry its response's nonce`)
    .toBe(true);
  page.off("response", onResponse);
  const { scriptNonces, response: final } = found;
  expect(final, `${url}: a document`).not.toBeNull();
  const headers = await final!.allHeaders();
  const where = `${url} (${final!.url()})`;
  const csp = headers["content-security-policy"];
  expect(csp, `${where} has a Content-Security-Policy`).toBeTruthy();
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp, where).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  const nonce = /script-src [^;]*'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce, `${where}: scripts by nonce with 'strict-dynamic'`).toBeTruthy();
  expect(seen.has(nonce!), "each response gets a fresh nonce").toBe(false);
  seen.add(nonce!);
  expect(scriptNonces, `${where}: Next's scripts carry the nonce`).toContain(nonce);
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"], "no HSTS over http").toBeUndefined();
}

/** Charts (Recharts sets its layout through style attributes): they draw, and their tooltips open. */
async function exerciseCharts(page: Page, url: string) {
  const charts = page.locator(".recharts-surface").filter({ visible: true });
  await expect(charts.first(), `${url} draws its charts`).toBeVisible();
  const bar = page.locator(".recharts-bar-rectangle path").filter({ visible: true }).first();
  if (await bar.count()) {
    await bar.hover();
    await expect(page.locator(".recharts-tooltip-wrapper").filter({ visible: true }).first()).toBeVisible();
  }
}

const CHART_PAGES = new Set(["/dashboard", "/gap-assessment"]);

for (const role of ["ADMIN", "AUDITOR"] as Role[]) {
  test(`every page as ${role} carries the CSP and raises no violation`, async ({ page }) => {
    test.setTimeout(360_000);
    const values = await paramValues();
    await signInAs(page, role);
    const nonces = new Set<string>();
    // /setup only redirects once users exist; /signin is checked signed out below.
    for (const pattern of pageKeys.filter((p) => p !== "/setup" && p !== "/signin")) {
      const url = concrete(pattern, values);
      await test.step(url, async () => {
        const access = PAGES[pattern];
        // The refused page (a 403) carries the same CSP as any other.
        const refused =
          pattern === "/forbidden" ||
          (access !== undefined && access in EXPECTED_ROLES && !EXPECTED_ROLES[access as keyof typeof EXPECTED_ROLES].includes(role));
        await openAndCheck(page, url, nonces, refused);
        if (CHART_PAGES.has(pattern) && !refused) await exerciseCharts(page, url);
        if (pattern === "/periods/[periodId]") await expect(page.locator("main")).toBeVisible();
      });
    }
  });
}

test("the sign-in page and the setup redirect carry the CSP; signing in raises no violation", async ({ page }) => {
  const nonces = new Set<string>();
  for (const url of ["/signin", "/setup"]) {
    await openAndCheck(page, url, nonces);
  }
  await signInAs(page, "AUDITOR");
});

test("the fixture catches a violation: an injected inline event handler is blocked and reported", async ({ page, cspViolations }) => {
  await page.goto("/signin");
  // An inline event handler: what an injected payload would use. (A script element added from
  // the devtools protocol is not a fair probe: Chromium lets evaluate's own additions run.)
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img alt="" src="data:," onerror="window.__injected = true" onload="window.__injected = true">`;
    document.body.append(holder);
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(cspViolations.join("\n")).toMatch(/Content Security Policy/);
  cspViolations.length = 0; // provoked on purpose: not a failure of this test
});
