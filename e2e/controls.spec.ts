import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomUUID } from "node:crypto";
import { ACCOUNTS, type Role, apiSessionAs, databaseFingerprint, formError, formStatus, signInAs, withDb } from "./support";

// The controls matrix (sorting, filtering, search), a control's page, and who may change a
// control's gap assessment. Controls are shared with specs running in parallel, so this spec only
// edits AVAILABILITY controls (AI-AVL-02/03/04) and asserts nothing about the others' status.

const EDITED = "AI-AVL-03"; // the gap-assessment edits below
const SET_PARTIAL = "AI-AVL-02"; // guarantees a "Partial" row for the status sort and filter
const SET_IN_PLACE = "AI-AVL-04"; // guarantees an "In place" row

/** Signs in, waits for the landing page ("/" navigates on to /dashboard), then opens the controls matrix. */
async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/controls");
  await expect(table(page)).toBeVisible();
}

const table = (page: Page) => page.getByRole("table", { name: "Controls" });
/**
 * The guide's 23 controls' rows. Teams (and other specs, in the shared database) add custom
 * controls, which the assertions on the guide's content below leave aside.
 */
const dataRows = (page: Page) => table(page).locator('tbody tr[data-custom="false"]');
/** Every body row, custom controls included: what the "N controls" summary counts. */
const allRows = (page: Page) => table(page).locator("tbody tr");
const COLUMN = { code: 1, category: 3, designStatus: 6 } as const;
const columnTexts = (page: Page, column: number) => dataRows(page).locator(`td:nth-child(${column})`).allInnerTexts();
const codes = (page: Page) => columnTexts(page, COLUMN.code);
const summary = (page: Page) => page.getByText(/^\d+ controls?( match)?$/);
async function expectSummary(page: Page, suffix: "" | " match") {
  const n = await allRows(page).count();
  await expect(summary(page)).toHaveText(`${n} control${n === 1 ? "" : "s"}${suffix}`);
}

const CODES_ASCENDING = [
  ...["01", "02", "03", "04"].map((n) => `AI-AVL-${n}`),
  ...["01", "02", "03", "04", "05"].map((n) => `AI-CONF-${n}`),
  ...["01", "02", "03", "04", "05"].map((n) => `AI-PI-${n}`),
  ...["01", "02", "03", "04"].map((n) => `AI-PRIV-${n}`),
  ...["01", "02", "03", "04", "05"].map((n) => `AI-SEC-${n}`),
];

// TanStack's text sort compares the stored values (IN_PLACE < MISSING < NOT_APPLICABLE < PARTIAL).
const STATUS_RANK: Record<string, number> = { "In place": 0, Missing: 1, "Not applicable": 2, Partial: 3 };

async function ensureKnownStatuses() {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    for (const [code, designStatus] of [
      [SET_PARTIAL, "PARTIAL"],
      [SET_IN_PLACE, "IN_PLACE"],
    ]) {
      const res = await lead.patch(`/api/v1/controls/${code}`, { data: { designStatus } });
      expect(res.status(), `PATCH ${code}`).toBe(200);
      expect(((await res.json()) as { designStatus: string }).designStatus).toBe(designStatus);
    }
  } finally {
    await lead.dispose();
  }
}

async function applyFilters(page: Page, filters: { q?: string; category?: string; status?: string }) {
  const search = page.getByRole("search", { name: "Filter controls" });
  if (filters.q !== undefined) await search.getByLabel("Search").fill(filters.q);
  if (filters.category !== undefined) await search.getByLabel("Category").selectOption({ label: filters.category });
  if (filters.status !== undefined) await search.getByLabel("Design status").selectOption({ label: filters.status });
  await search.getByRole("button", { name: "Apply" }).click();
}

const controlRow = async (code: string) =>
  withDb(async (c) => (await c.query(`SELECT * FROM "Control" WHERE code = $1`, [code])).rows[0] as Record<string, unknown>);
const auditCount = async (code: string) =>
  withDb(
    async (c) =>
      (await c.query(`SELECT count(*)::int AS n FROM "AuditLogEntry" WHERE "entityType" = 'Control' AND "entityId" = $1`, [code])).rows[0]
        .n as number,
  );

test.describe("the controls table", () => {
  test.beforeEach(async ({ page }) => {
    await signInLanded(page, "ENGINEER");
    await expect(dataRows(page)).toHaveCount(23);
  });

  test("lists the 23 controls", async ({ page }) => {
    await expectSummary(page, "");
    expect(new Set(await codes(page)).size).toBe(23);
    await expect(table(page).getByRole("link", { name: "AI-PRIV-04", exact: true })).toHaveAttribute("href", "/controls/AI-PRIV-04");
  });

  test("clicking the Code header sorts ascending, then descending", async ({ page }) => {
    const header = table(page).getByRole("columnheader", { name: "Code" });
    await expect(header).not.toHaveAttribute("aria-sort");
    // Unsorted, rows follow the category order: security first.
    await expect(dataRows(page).first().getByRole("cell").first()).toHaveText("AI-SEC-01");

    await header.getByRole("button", { name: "Code" }).click();
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(dataRows(page).first().getByRole("cell").first()).toHaveText("AI-AVL-01");
    await expect(dataRows(page).last().getByRole("cell").first()).toHaveText("AI-SEC-05");
    const ascending = await codes(page);
    expect(ascending).toEqual(CODES_ASCENDING);

    await header.getByRole("button", { name: "Code" }).click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(dataRows(page).first().getByRole("cell").first()).toHaveText("AI-SEC-05");
    await expect(dataRows(page).last().getByRole("cell").first()).toHaveText("AI-AVL-01");
    expect(await codes(page)).toEqual([...CODES_ASCENDING].reverse());
  });

  test("clicking the Design status header sorts by status", async ({ page }) => {
    await ensureKnownStatuses();
    await page.reload();
    await expect(dataRows(page)).toHaveCount(23);
    const header = table(page).getByRole("columnheader", { name: "Design status" });
    const button = header.getByRole("button", { name: "Design status" });
    const rank = (labels: string[]) =>
      labels.map((l) => {
        expect(Object.keys(STATUS_RANK), `status label ${l}`).toContain(l);
        return STATUS_RANK[l];
      });

    await button.click();
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(
      dataRows(page)
        .first()
        .getByRole("cell")
        .nth(COLUMN.designStatus - 1),
    ).toHaveText("In place");
    const ascending = rank(await columnTexts(page, COLUMN.designStatus));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    await button.click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(
      dataRows(page)
        .first()
        .getByRole("cell")
        .nth(COLUMN.designStatus - 1),
    ).toHaveText("Partial");
    const descending = rank(await columnTexts(page, COLUMN.designStatus));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });

  test("filtering by category shows only that category's controls", async ({ page }) => {
    await applyFilters(page, { category: "Privacy" });
    await expect(page).toHaveURL(/[?&]category=PRIVACY(&|$)/);
    await expect(dataRows(page)).toHaveCount(4);
    expect(await codes(page)).toEqual(["AI-PRIV-01", "AI-PRIV-02", "AI-PRIV-03", "AI-PRIV-04"]);
    expect(new Set(await columnTexts(page, COLUMN.category))).toEqual(new Set(["Privacy"]));
    await expectSummary(page, " match");
    // The filter is kept in the form after the reload.
    await expect(page.getByLabel("Category")).toHaveValue("PRIVACY");
  });

  test("filtering by design status shows only controls in that status", async ({ page }) => {
    await ensureKnownStatuses();
    await applyFilters(page, { status: "Partial" });
    await expect(page).toHaveURL(/[?&]status=PARTIAL(&|$)/);
    await expect(dataRows(page).filter({ hasText: SET_PARTIAL })).toHaveCount(1);
    const statuses = await columnTexts(page, COLUMN.designStatus);
    expect(statuses.length).toBeLessThan(23);
    expect(new Set(statuses)).toEqual(new Set(["Partial"]));
    await expectSummary(page, " match");
    expect(await codes(page)).not.toContain(SET_IN_PLACE);

    await applyFilters(page, { status: "In place" });
    await expect(page).toHaveURL(/[?&]status=IN_PLACE(&|$)/);
    await expect(dataRows(page).filter({ hasText: SET_IN_PLACE })).toHaveCount(1);
    expect(new Set(await columnTexts(page, COLUMN.designStatus))).toEqual(new Set(["In place"]));
    expect(await codes(page)).not.toContain(SET_PARTIAL);
  });

  test("search narrows the list, and Clear resets it", async ({ page }) => {
    await applyFilters(page, { q: "DPA" });
    await expect(page).toHaveURL(/[?&]q=DPA(&|$)/);
    await expect(dataRows(page)).toHaveCount(2);
    expect((await codes(page)).sort()).toEqual(["AI-CONF-02", "AI-PRIV-04"]);
    await expectSummary(page, " match");

    await applyFilters(page, { q: "retention" });
    await expect(page).toHaveURL(/[?&]q=retention(&|$)/);
    await expect(dataRows(page)).toHaveCount(2);
    expect((await codes(page)).sort()).toEqual(["AI-CONF-02", "AI-CONF-03"]);

    // Search and category combine.
    await applyFilters(page, { q: "retention", category: "Confidentiality" });
    await expect(dataRows(page)).toHaveCount(2);
    await applyFilters(page, { q: "DPA", category: "Privacy" });
    await expect(dataRows(page)).toHaveCount(1);
    expect(await codes(page)).toEqual(["AI-PRIV-04"]);

    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(page).toHaveURL(/\/controls$/);
    await expect(dataRows(page)).toHaveCount(23);
    await expectSummary(page, "");
    await expect(page.getByLabel("Search")).toHaveValue("");
    // The form shows no filter any more either (it used to keep the old category selected).
    await expect(page.getByLabel("Category")).toHaveValue("");
    await expect(page.getByRole("link", { name: "Clear", exact: true })).toHaveCount(0);
  });

  test("a search that matches nothing shows the empty state", async ({ page }) => {
    await applyFilters(page, { q: "no-such-control-zzz" });
    await expect(page.getByText("No control matches these filters. Clear the search or choose another category or status.")).toBeVisible();
    await expect(table(page)).toHaveCount(0);
    await expect(summary(page)).toHaveText("0 controls match");
    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(dataRows(page)).toHaveCount(23);
  });
});

test("a control's page shows its criteria and the evidence expected", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await table(page).getByRole("link", { name: "AI-CONF-03", exact: true }).click();
  await expect(page).toHaveURL(/\/controls\/AI-CONF-03$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AI-CONF-03: Prompt log retention and deletion");
  const facts = page.getByRole("region", { name: "Control", exact: true });
  const fact = (term: string) => facts.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]");
  await expect(fact("Category")).toHaveText("Confidentiality");
  await expect(fact("Criteria supported")).toContainText("C1.2 Disposal of confidential information");
  await expect(fact("Criteria supported")).toContainText("P4.2 Retention of personal information consistent with privacy objectives");
  await expect(fact("Criteria supported")).toContainText("P4.3 Secure disposal of personal information");
  await expect(fact("Evidence expected")).toHaveText("Retention policy, lifecycle rules");
  await page.getByRole("link", { name: "← Controls" }).click();
  await expect(page).toHaveURL(/\/controls$/);
});

test.describe("gap assessment by a compliance lead", () => {
  test.describe.configure({ mode: "serial" });

  // A known starting point, whatever an earlier run on this database left behind.
  test.beforeAll(async () => {
    const lead = await apiSessionAs("COMPLIANCE_LEAD");
    try {
      const res = await lead.patch(`/api/v1/controls/${EDITED}`, { data: { designStatus: "MISSING", justification: null } });
      expect(res.status()).toBe(200);
    } finally {
      await lead.dispose();
    }
  });

  test("not applicable without a justification is refused with a message, and nothing changes", async ({ page }) => {
    await signInLanded(page, "COMPLIANCE_LEAD");
    await page.goto(`/controls/${EDITED}`);
    const form = page.getByRole("region", { name: "Gap assessment" });
    await expect(form).toBeVisible();
    const before = await controlRow(EDITED);
    const entriesBefore = await auditCount(EDITED);

    await form.getByLabel("Design status").selectOption("NOT_APPLICABLE");
    await form.getByLabel("Justification").fill("");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(formError(page)).toHaveText("A control marked not applicable needs a justification: say why it does not apply.");
    await expect(form.getByText("Say why this control does not apply.")).toBeVisible();
    await expect(formStatus(page)).toHaveCount(0);

    expect(await controlRow(EDITED)).toEqual(before);
    expect(await auditCount(EDITED)).toBe(entriesBefore);
  });

  test("not applicable with a justification is saved and written to the audit log with before and after", async ({ page }) => {
    await signInLanded(page, "COMPLIANCE_LEAD");
    await page.goto(`/controls/${EDITED}`);
    const form = page.getByRole("region", { name: "Gap assessment" });
    const before = await controlRow(EDITED);
    expect(before).toMatchObject({ designStatus: "MISSING", justification: null });
    const justification = `No LLM provider in the availability path (e2e ${randomUUID()}).`;

    await form.getByLabel("Design status").selectOption("NOT_APPLICABLE");
    await form.getByLabel("Justification").fill(justification);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(formStatus(page)).toHaveText("Saved. The change is in the audit log.");
    await expect(formError(page)).toHaveCount(0);

    const after = await controlRow(EDITED);
    expect(after.designStatus).toBe("NOT_APPLICABLE");
    expect(after.justification).toBe(justification);

    const entry = await withDb(
      async (c) =>
        (
          await c.query(
            `SELECT "actorEmail", "actorRole", "actorKind", before, after FROM "AuditLogEntry"
             WHERE action = 'control.updated' AND "entityType" = 'Control' AND "entityId" = $1 ORDER BY seq DESC LIMIT 1`,
            [EDITED],
          )
        ).rows[0],
    );
    expect(entry).toMatchObject({
      actorEmail: ACCOUNTS.COMPLIANCE_LEAD.email,
      actorRole: "COMPLIANCE_LEAD",
      actorKind: "user",
      before: { designStatus: before.designStatus, justification: before.justification },
      after: { designStatus: "NOT_APPLICABLE", justification },
    });

    // The page shows the saved state after a reload.
    await page.reload();
    const facts = page.getByRole("region", { name: "Control", exact: true });
    await expect(facts.getByRole("term").filter({ hasText: "Design status" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
      "Not applicable",
    );
    await expect(facts.getByRole("term").filter({ hasText: "Justification" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
      justification,
    );
  });
});

test("the auditor sees no gap-assessment form, and a PATCH with the auditor's session gets 403 and changes nothing", async ({ page }) => {
  await signInLanded(page, "AUDITOR");
  await page.goto("/controls/AI-SEC-01");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AI-SEC-01: LLM API key access and rotation");
  await expect(page.getByRole("region", { name: "Control", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Gap assessment" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Gap assessment" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);

  const auditor = await apiSessionAs("AUDITOR");
  try {
    // Other specs write to the database in parallel, so a fingerprint can move for their reasons.
    // Each attempt sends a different change: had any attempt written, its fingerprints would
    // differ, so one attempt with equal fingerprints shows that the refused PATCH wrote nothing.
    const markers: string[] = [];
    await expect(async () => {
      const marker = `auditor attempt ${randomUUID()}`;
      markers.push(marker);
      const before = await databaseFingerprint();
      const res = await auditor.patch("/api/v1/controls/AI-SEC-01", {
        data: { designStatus: "NOT_APPLICABLE", justification: marker, notes: marker, owner: marker },
      });
      expect(res.status()).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      expect(await databaseFingerprint()).toBe(before);
    }).toPass({ timeout: 30_000 });
    const written = await withDb(
      async (c) =>
        (
          await c.query(
            `SELECT (SELECT count(*)::int FROM "Control" WHERE notes = ANY($1::text[]) OR owner = ANY($1::text[]) OR justification = ANY($1::text[])) AS controls,
                    (SELECT count(*)::int FROM "AuditLogEntry" a WHERE EXISTS (
                       SELECT 1 FROM unnest($1::text[]) m WHERE position(m IN coalesce(a.after::text, '')) > 0)) AS entries`,
            [markers],
          )
        ).rows[0],
    );
    expect(written).toEqual({ controls: 0, entries: 0 });
  } finally {
    await auditor.dispose();
  }
});

test("the engineer sees no gap-assessment form either", async ({ page }) => {
  await signInLanded(page, "ENGINEER");
  await page.goto(`/controls/${EDITED}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${EDITED}: Runbooks for LLM provider outages`);
  await expect(page.getByRole("region", { name: "Control", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Gap assessment" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  // The one choice offered is which audit period's slots to show (a read), never a gap-assessment field.
  await expect(page.getByRole("combobox").and(page.locator(":not(#period)"))).toHaveCount(0);
});

test("the matrix shows each control's operating figures in a chosen period, sorts and filters by them, and a control's page lists its slots", async ({
  page,
  browser,
}) => {
  // Three custom controls of their own (this test's only), measured by two periods of their own:
  // one ended (final figures) and one not started (next slots due).
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const code = (s: string) => `E2E-MX-${tag}-${s}`;
  const [ended, ahead] = [`Matrix ended ${tag}`, `Matrix ahead ${tag}`];
  const ids = await withDb(async (c) => {
    for (const [s, frequency] of [
      ["A", "MONTHLY"],
      ["B", "QUARTERLY"],
      ["C", "MONTHLY"],
    ]) {
      await c.query(
        `INSERT INTO "Control" (id, code, title, description, category, "expectedEvidence", frequency, "designStatus", custom, "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'Made by the matrix spec.', 'AVAILABILITY', 'Anything.', $3, 'IN_PLACE', true, now())`,
        [code(s), `Matrix spec ${s}`, frequency],
      );
    }
    const evidence = async (s: string, date: string, status: string) =>
      (
        await c.query(
          `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, url, status)
           SELECT gen_random_uuid(), gen_random_uuid(), c.id, $2, $3::date, 'API', 'https://example.test/matrix', $4::"EvidenceStatus"
           FROM "Control" c WHERE c.code = $1 RETURNING id`,
          [code(s), `${code(s)} ${date} ${status.toLowerCase()}`, date, status],
        )
      ).rows[0].id as string;
    // A: five months of six (May missing); C: all six; B: nothing.
    for (const month of ["01", "02", "03", "04", "06"]) await evidence("A", `2019-${month}-10`, "ACCEPTED");
    for (const month of ["01", "02", "03", "04", "05", "06"]) await evidence("C", `2019-${month}-15`, "ACCEPTED");
    const waiting = await evidence("A", "2019-06-20", "SUBMITTED");
    const period = async (name: string, start: string, end: string) =>
      (
        await c.query(
          `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
           VALUES (gen_random_uuid(), $1, 'TYPE_II', $2::date, $3::date, '{AVAILABILITY}', now()) RETURNING id`,
          [name, start, end],
        )
      ).rows[0].id as string;
    return { ended: await period(ended, "2019-01-01", "2019-06-30"), ahead: await period(ahead, "2035-01-01", "2035-12-31"), waiting };
  });

  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto(`/controls?${new URLSearchParams({ q: `E2E-MX-${tag}`, period: ids.ended })}`);
  await expect(page.getByTestId("period-in-view")).toContainText(`${ended} (2019-01-01 to 2019-06-30, ended)`);
  const mine = () => table(page).locator("tbody tr");
  await expect(mine()).toHaveCount(3);
  const cell = (s: string, column: string) => {
    const index = ["Operating status", "Coverage", "Last accepted evidence", "Next slot due"].indexOf(column) + 8;
    return table(page).locator(`tr[data-code="${code(s)}"] td:nth-child(${index})`);
  };
  for (const header of ["Operating status", "Coverage", "Last accepted evidence", "Next slot due"]) {
    await expect(table(page).getByRole("columnheader", { name: header })).toBeVisible();
  }
  await expect(cell("A", "Operating status")).toHaveText("Gaps");
  await expect(cell("A", "Coverage")).toHaveText("83%");
  await expect(cell("A", "Last accepted evidence").getByRole("link")).toHaveText("2019-06-10");
  await expect(cell("A", "Next slot due")).toHaveText("—");
  await expect(cell("B", "Operating status")).toHaveText("Not operating");
  await expect(cell("B", "Coverage")).toHaveText("0%");
  await expect(cell("B", "Last accepted evidence")).toHaveText("—");
  await expect(cell("C", "Operating status")).toHaveText("Operating");
  await expect(cell("C", "Coverage")).toHaveText("100%");

  // Sorting: worst status first, then by coverage.
  const rowCodes = () => mine().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
  await table(page).getByRole("button", { name: "Operating status" }).click();
  await expect(table(page).getByRole("columnheader", { name: "Operating status" })).toHaveAttribute("aria-sort", "ascending");
  expect(await rowCodes()).toEqual([code("B"), code("A"), code("C")]);
  await table(page).getByRole("button", { name: "Coverage" }).click();
  await table(page).getByRole("button", { name: "Coverage" }).click();
  await expect(table(page).getByRole("columnheader", { name: "Coverage" })).toHaveAttribute("aria-sort", "descending");
  expect(await rowCodes()).toEqual([code("C"), code("A"), code("B")]);

  // Filtering by operating status, the other filters kept.
  const search = page.getByRole("search", { name: "Filter controls" });
  await search.getByLabel("Operating status").selectOption({ label: "Gaps" });
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]operating=GAPS(&|$)/);
  await expect(mine()).toHaveCount(1);
  await expect(mine().first()).toHaveAttribute("data-code", code("A"));

  // Another period from the select: not started, so nothing is due yet and the first slots are next.
  await search.getByLabel("Operating status").selectOption({ label: "All statuses" });
  await search.getByLabel("Audit period").selectOption({ label: `${ahead} (2035-01-01 to 2035-12-31)` });
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("period-in-view")).toContainText("not started");
  await expect(cell("A", "Operating status")).toHaveText("Not yet due");
  await expect(cell("A", "Next slot due")).toHaveText("2035-01-31");
  await expect(cell("B", "Next slot due")).toHaveText("2035-03-31");

  // A control's page in the ended period: its slots with the evidence covering each, and what awaits review.
  await page.goto(`/controls?${new URLSearchParams({ q: `E2E-MX-${tag}`, period: ids.ended })}`);
  await table(page)
    .getByRole("link", { name: code("A"), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/controls/${code("A")}\\?period=${ids.ended}$`));
  const slots = page.getByRole("table", { name: `Slots of ${code("A")} in ${ended}` });
  await expect(slots.locator("tbody tr")).toHaveCount(6);
  await expect(slots.locator('tr[data-state="MISSING"]')).toHaveCount(1);
  await expect(slots.locator('tr[data-state="MISSING"] td').first()).toHaveText("2019-05-01");
  await expect(slots.getByRole("link", { name: `${code("A")} 2019-01-10 accepted` })).toBeVisible();
  const awaiting = page.getByRole("list", { name: `Evidence for ${code("A")} awaiting review` });
  await expect(awaiting.getByRole("link", { name: `${code("A")} 2019-06-20 submitted` })).toHaveAttribute(
    "href",
    `/evidence/${ids.waiting}`,
  );
  await expect(awaiting.getByRole("link", { name: "Review" })).toHaveAttribute("href", `/evidence/${ids.waiting}#review-heading`);

  // The same figures from the API, behind ?period=; bad input is a 4xx.
  const api = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const res = await api.get(`/api/v1/controls?period=${ids.ended}`);
    expect(res.status()).toBe(200);
    type Item = { code: string; operating?: Record<string, unknown> | null };
    const body = (await res.json()) as { period: unknown; items: Item[] };
    expect(body.period).toEqual({ id: ids.ended, name: ended, start: "2019-01-01", end: "2019-06-30", locked: false });
    const item = (s: string) => body.items.find((i) => i.code === s);
    expect(item(code("A"))?.operating).toMatchObject({
      status: "GAPS",
      covered: 5,
      expected: 6,
      lastAcceptedEvidence: { effectiveDate: "2019-06-10" },
      nextSlotDue: null,
    });
    expect(item("AI-SEC-01")?.operating, "a control the period's categories leave out").toBeNull();
    const plain = (await (await api.get("/api/v1/controls")).json()) as { period?: unknown; items: Item[] };
    expect(plain.period).toBeUndefined();
    expect(plain.items.every((i) => !("operating" in i))).toBe(true);
    expect((await api.get("/api/v1/controls?period=nope")).status()).toBe(400);
    expect((await api.get(`/api/v1/controls?period=${randomUUID()}`)).status()).toBe(404);
    expect((await api.get("/api/v1/controls?sort=code")).status()).toBe(400);
  } finally {
    await api.dispose();
  }

  // An engineer sees what awaits review, but no review action they could not take.
  const context = await browser.newContext();
  try {
    const engineer = await context.newPage();
    await signInAs(engineer, "ENGINEER");
    await engineer.goto(`/controls/${code("A")}?period=${ids.ended}`);
    const list = engineer.getByRole("list", { name: `Evidence for ${code("A")} awaiting review` });
    await expect(list.getByRole("link", { name: `${code("A")} 2019-06-20 submitted` })).toBeVisible();
    await expect(list.getByRole("link", { name: "Review" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
