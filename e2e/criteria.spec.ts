import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, type Role, apiSessionAs, signInAs as signInOnly, withDb } from "./support";

// The criteria view and GET /api/v1/criteria: all 61 Trust Services criteria, and for an audit
// period the criteria of its categories with the in-scope controls that address them, and those no
// control addresses. Other specs add controls and periods to the shared database, so the expected
// lists are computed from the database with the documented rule (docs/control-mapping.md).

/** Signs in and waits for the landing redirect ("/" -> /dashboard), so the next goto is not aborted by it. */
async function signInAs(page: Page, role: Role) {
  await signInOnly(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

// docs/product.md: the 2017 Trust Services Criteria (revised points of focus, 2022).
const SECURITY = [
  ...range("CC1.", 1, 5),
  ...range("CC2.", 1, 3),
  ...range("CC3.", 1, 4),
  ...range("CC4.", 1, 2),
  ...range("CC5.", 1, 3),
  ...range("CC6.", 1, 8),
  ...range("CC7.", 1, 5),
  "CC8.1",
  ...range("CC9.", 1, 2),
];
const AVAILABILITY = range("A1.", 1, 3);
const CRITERIA = [
  ...SECURITY,
  ...AVAILABILITY,
  ...range("PI1.", 1, 5),
  ...range("C1.", 1, 2),
  "P1.1",
  "P2.1",
  ...range("P3.", 1, 2),
  ...range("P4.", 1, 3),
  ...range("P5.", 1, 2),
  ...range("P6.", 1, 7),
  "P7.1",
  "P8.1",
];

/** The documented rule: a criterion of the period's categories that no mapped, in-scope, applicable control operating by the end addresses. */
async function expectedUnaddressed(periodId: string): Promise<string[]> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT cr.id FROM "Criterion" cr JOIN "AuditPeriod" p ON p.id = $1
       WHERE cr.category = ANY (p.categories)
         AND NOT EXISTS (
               SELECT 1 FROM "ControlCriterion" cc JOIN "Control" k ON k.id = cc."controlId"
               WHERE cc."criterionId" = cr.id AND k.category = ANY (p.categories) AND k."designStatus" <> 'NOT_APPLICABLE'
                 AND (k."operatesSince" IS NULL OR k."operatesSince" <= p."end"))
       ORDER BY cr."sortOrder"`,
      [periodId],
    );
    return rows.map((r) => r.id);
  });
}

/** Every criterion with the codes of the controls mapped to it, whatever their status. */
async function mappedControls(notApplicable = true): Promise<Record<string, string[]>> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; codes: string[] }>(
      `SELECT cr.id, COALESCE(array_agg(k.code ORDER BY k.code) FILTER (WHERE k.code IS NOT NULL), '{}') AS codes
       FROM "Criterion" cr
       LEFT JOIN "ControlCriterion" cc ON cc."criterionId" = cr.id
       LEFT JOIN "Control" k ON k.id = cc."controlId" AND ($1 OR k."designStatus" <> 'NOT_APPLICABLE')
       GROUP BY cr.id`,
      [notApplicable],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.codes]));
  });
}
const expectedControlsWithoutPeriod = () => mappedControls(false);
/** The same order on both sides: the database and the app may collate codes differently. */
const sortedLists = (r: Record<string, string[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));

/** The controls that address one criterion in a period, by the same rule, sorted. */
async function expectedAddressing(periodId: string, criterionId: string): Promise<string[]> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ code: string }>(
      `SELECT k.code FROM "ControlCriterion" cc JOIN "Control" k ON k.id = cc."controlId" JOIN "AuditPeriod" p ON p.id = $1
       WHERE cc."criterionId" = $2 AND k.category = ANY (p.categories) AND k."designStatus" <> 'NOT_APPLICABLE'
         AND (k."operatesSince" IS NULL OR k."operatesSince" <= p."end")`,
      [periodId, criterionId],
    );
    return rows.map((r) => r.code).sort();
  });
}

/** A Type II period in 2019 (before any other spec's), Security and Availability in scope. */
async function createPeriod(): Promise<string> {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const res = await lead.post("/api/v1/periods", {
      data: {
        name: `Criteria ${randomBytes(3).toString("hex")}`,
        type: "TYPE_II",
        start: "2019-01-01",
        end: "2019-06-30",
        categories: ["SECURITY", "AVAILABILITY"],
        features: [],
        auditors: [ACCOUNTS.AUDITOR.email], // the auditor's page picks it: an auditor sees only their periods
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  } finally {
    await lead.dispose();
  }
}

const criterionRows = (page: Page) => page.locator("tr[data-criterion]");
const unaddressedIds = (page: Page) =>
  page.locator("li[data-unaddressed]").evaluateAll((items) => items.map((i) => i.getAttribute("data-unaddressed")));

test("GET /api/v1/criteria lists the 61 criteria; category and period narrow it; bad input is a 4xx", async () => {
  const auditor = await apiSessionAs("AUDITOR");
  try {
    const all = await auditor.get("/api/v1/criteria");
    expect(all.status(), await all.text()).toBe(200);
    const body = (await all.json()) as { period: unknown; items: { id: string; category: string; title: string; controls: string[] }[] };
    expect(body.period).toBeNull();
    expect(body.items.map((c) => c.id)).toEqual(CRITERIA);
    expect(body.items).toHaveLength(61);
    // Without a period every mapped control counts, except one marked not applicable (other specs mark some).
    expect(sortedLists(Object.fromEntries(body.items.map((c) => [c.id, c.controls])))).toEqual(
      sortedLists(await expectedControlsWithoutPeriod()),
    );
    // The guide's controls are mapped where auditors test them.
    const mapped = await mappedControls();
    expect(mapped["CC8.1"]).toEqual(expect.arrayContaining(["AI-PI-01", "AI-PI-02"]));
    expect(mapped["CC7.2"]).toEqual(expect.arrayContaining(["AI-AVL-04", "AI-PI-04"]));
    for (const id of ["CC7.3", "CC7.4", "CC7.5"]) expect(mapped[id], id).toContain("AI-AVL-03");
    expect(mapped["CC9.2"]).toEqual(expect.arrayContaining(["AI-CONF-02", "AI-PRIV-04"]));
    expect(mapped["CC2.3"]).toEqual(expect.arrayContaining(["AI-CONF-05", "AI-PRIV-01"]));

    const security = (await (await auditor.get("/api/v1/criteria?category=SECURITY")).json()) as { items: { id: string }[] };
    expect(security.items.map((c) => c.id)).toEqual(SECURITY);

    for (const [query, status, message] of [
      ["category=OPERATIONS", 400, /category must be one of SECURITY/],
      ["period=not-a-uuid", 400, /period must be an audit period id/],
      ["period=00000000-0000-4000-8000-000000000000", 404, /no audit period/],
      ["colour=blue", 400, /Unknown query parameter: colour/],
    ] as const) {
      const res = await auditor.get(`/api/v1/criteria?${query}`);
      expect(res.status(), query).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message, query).toMatch(message);
    }

    const periodId = await createPeriod();
    const scoped = await auditor.get(`/api/v1/criteria?period=${periodId}`);
    expect(scoped.status(), await scoped.text()).toBe(200);
    const view = (await scoped.json()) as { period: { id: string; categories: string[] }; items: { id: string }[]; unaddressed: string[] };
    expect(view.period).toMatchObject({ id: periodId, start: "2019-01-01", end: "2019-06-30", categories: ["SECURITY", "AVAILABILITY"] });
    expect(view.items.map((c) => c.id)).toEqual([...SECURITY, ...AVAILABILITY]);
    expect(view.unaddressed).toEqual(await expectedUnaddressed(periodId));
    // Processing Integrity is not in this period, so its change-management controls do not count for CC8.1 here.
    expect(view.unaddressed).toContain("CC8.1");
  } finally {
    await auditor.dispose();
  }
});

test("the criteria page for a chosen period lists the criteria of its categories and the unaddressed ones", async ({ page }) => {
  const periodId = await createPeriod();
  await signInAs(page, "AUDITOR");
  await page.getByRole("link", { name: "Criteria", exact: true }).click();
  await expect(page).toHaveURL(/\/criteria$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Criteria");

  // Choose the period with the picker.
  await page.getByLabel("Audit period", { exact: true }).selectOption(periodId);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/criteria\\?period=${periodId}$`));
  await expect(page.getByLabel("Audit period", { exact: true })).toHaveValue(periodId);

  await expect(criterionRows(page)).toHaveCount(SECURITY.length + AVAILABILITY.length);
  expect(await criterionRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-criterion")))).toEqual([
    ...SECURITY,
    ...AVAILABILITY,
  ]);
  await expect(page.getByRole("table", { name: "Security criteria" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Availability criteria" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Privacy criteria" })).toHaveCount(0);

  const expected = await expectedUnaddressed(periodId);
  expect(expected.length, "the guide leaves entity-level criteria such as CC1.1 to the core program").toBeGreaterThan(0);
  expect(expected).toContain("CC8.1");
  await expect(page.getByRole("heading", { name: `Unaddressed criteria (${expected.length})` })).toBeVisible();
  expect(await unaddressedIds(page)).toEqual(expected);
  await expect(page.getByTestId("unaddressed-count")).toHaveText(`${expected.length} of 36 criteria no control in scope addresses.`);
  const flagged = await criterionRows(page)
    .filter({ has: page.locator(".badge", { hasText: "No control" }) })
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-criterion")));
  expect(flagged).toEqual(expected);

  // An addressed criterion lists its controls, linked; a mapped control outside the period says why it does not count.
  for (const id of ["CC6.1", "A1.1"]) {
    const addressing = await expectedAddressing(periodId, id);
    const links = page.locator(`tr[data-criterion="${id}"] [data-control]`);
    expect(await links.evaluateAll((els) => els.map((e) => e.getAttribute("data-control")).sort()), id).toEqual(addressing);
    if (addressing[0]) {
      await expect(links.getByRole("link", { name: addressing[0], exact: true })).toHaveAttribute(
        "href",
        `/controls/${encodeURIComponent(addressing[0])}`,
      );
    }
  }
  await expect(page.locator('tr[data-criterion="CC8.1"] [data-excluded="AI-PI-01"]')).toContainText("its category is not in this period");

  // An unknown or malformed period says so, and lists no criteria as if nothing were unaddressed.
  for (const bad of ["00000000-0000-4000-8000-000000000000", "nonsense"]) {
    await page.goto(`/criteria?period=${bad}`);
    await expect(page.getByTestId("unknown-period"), bad).toHaveText("There is no such audit period. Choose one below.");
    await expect(criterionRows(page)).toHaveCount(0);
    await expect(page.getByLabel("Audit period", { exact: true })).toBeVisible();
  }
});

test("without a chosen period the page shows the current one", async ({ page }) => {
  await createPeriod(); // at least one period exists
  const current = await withDb(async (c) => {
    const tz = (await c.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'timeZone'`)).rows[0]?.value;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: typeof tz === "string" ? tz : "UTC" }).format(new Date());
    const { rows } = await c.query<{ id: string }>(
      `(SELECT id, 0 AS rank, start AS a, "createdAt" AS b FROM "AuditPeriod" WHERE start <= $1::date AND "end" >= $1::date
          ORDER BY start DESC, "createdAt" DESC LIMIT 1)
       UNION ALL
       (SELECT id, 1, "end", "createdAt" FROM "AuditPeriod" WHERE "end" < $1::date ORDER BY "end" DESC, "createdAt" DESC LIMIT 1)
       ORDER BY rank LIMIT 1`,
      [today],
    );
    return rows[0]!.id;
  });
  await signInAs(page, "ENGINEER");
  await page.goto("/criteria");
  await expect(page.getByLabel("Audit period", { exact: true })).toHaveValue(current);
  expect(await unaddressedIds(page)).toEqual(await expectedUnaddressed(current));
});

test("a custom control mapped to an unaddressed criterion addresses it", async ({ page }) => {
  const periodId = await createPeriod();
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto(`/criteria?period=${periodId}`);
  const before = await unaddressedIds(page);
  expect(before.length).toBeGreaterThan(0);
  const target = before[0]!;

  const code = `CRIT-${randomBytes(4).toString("hex").toUpperCase()}`;
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const res = await lead.post("/api/v1/controls", {
      data: {
        code,
        title: `Covers ${target}`,
        description: `A team control that addresses ${target}.`,
        category: "SECURITY",
        criteria: [target],
        frequency: "ANNUAL",
        expectedEvidence: "An annual attestation.",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  } finally {
    await lead.dispose();
  }

  await page.reload();
  const row = page.locator(`tr[data-criterion="${target}"]`);
  await expect(row.getByRole("link", { name: code, exact: true })).toBeVisible();
  await expect(row.locator(".badge", { hasText: "No control" })).toHaveCount(0);
  expect(await unaddressedIds(page)).toEqual(before.filter((id) => id !== target));
  expect(await unaddressedIds(page)).toEqual(await expectedUnaddressed(periodId));
});
