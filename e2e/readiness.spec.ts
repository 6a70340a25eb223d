import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { upload } from "./evidence-support";
import { ACCOUNTS, apiSessionAs, signInAs, withDb } from "./support";

// Readiness checks: the guide's common findings computed for an audit period (docs/readiness.md).
// A change without ticket or approval, prompt logs without retention and fine-tuning without a
// dataset manifest each show up with a link to what fixes them, and fixing one removes it; a
// check changes with the chosen period; the incident plan and tabletop marks decide finding 6.

const tag = () => randomBytes(4).toString("hex");

function feature(slug: string, overrides: Record<string, unknown>) {
  return {
    slug,
    name: `Readiness ${slug}`,
    owner: "Readiness spec",
    purpose: "Drafts replies to support tickets.",
    inputData: ["INTERNAL"],
    outputs: "A draft reply.",
    invokers: ["STAFF"],
    failureImpact: "LOW",
    ...overrides,
  };
}

/** Uploads evidence as an engineer and accepts it as the lead (nobody reviews their own upload); returns its id. */
async function acceptedEvidence(
  engineer: APIRequestContext,
  lead: APIRequestContext,
  fields: { control: string; title: string; effectiveDate: string; validFrom?: string; validUntil?: string },
): Promise<string> {
  const res = await upload(engineer, fields, { name: "record.txt", bytes: Buffer.from(`${fields.title}\n`), type: "text/plain" });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const review = await lead.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } });
  expect(review.status(), await review.text()).toBe(200);
  return id;
}

/** Chooses a period in the picker by its label, "Name (start to end)", and shows it. */
async function choosePeriod(page: Page, label: string) {
  const picker = page.getByRole("form", { name: "Choose an audit period" });
  await picker.getByLabel("Audit period").selectOption({ label });
  await picker.getByRole("button", { name: "Show" }).click();
}

test("the readiness page lists what triggers each finding and drops it once fixed; the dataset manifest makes finding 5 pass", async ({
  page,
}) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const logs = `logs-${tag()}`;
    const tuned = `tuned-${tag()}`;
    const changeTitle = `Readiness prompt tweak ${tag()}`;
    for (const data of [feature(logs, { logsPrompts: true }), feature(tuned, { usesTrainingData: true })]) {
      const res = await lead.post("/api/v1/features", { data });
      expect(res.status(), await res.text()).toBe(201);
    }
    const mergedAt = new Date(Date.now() - 60_000).toISOString();
    const change = await lead.post("/api/v1/changes", {
      data: { kind: "PROMPT_CHANGE", feature: logs, title: changeTitle, commitSha: randomBytes(20).toString("hex"), mergedAt },
    });
    expect(change.status(), await change.text()).toBe(201);

    // Readiness defaults to the current period (the API says which one it is).
    const current = (await (await lead.get("/api/v1/readiness")).json()) as { period: { id: string; name: string; end: string } };
    expect(current.period).not.toBeNull();
    // The auditor reads it too: given to them, as an auditor sees only their periods (lib/auth/scope.ts).
    await withDb((db) =>
      db.query(
        `INSERT INTO "AuditPeriodAuditor" ("periodId", "userId") SELECT $1, id FROM "User" WHERE email = $2 ON CONFLICT DO NOTHING`,
        [current.period.id, ACCOUNTS.AUDITOR.email],
      ),
    );

    await signInAs(page, "AUDITOR");
    await page.goto("/readiness");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Readiness");
    await expect(page.locator("[data-check]")).toHaveCount(7);
    await expect(page.getByTestId("readiness-period")).toContainText(`${current.period.name},`);
    await expect(page.getByRole("form", { name: "Choose an audit period" }).getByLabel("Audit period")).toHaveValue(current.period.id);

    const approval = page.locator('[data-check="change-approval"]');
    const day = mergedAt.slice(0, 10);
    await expect(approval.getByRole("link", { name: new RegExp(`${changeTitle}.*no ticket, no approval`) })).toHaveAttribute(
      "href",
      `/changes?from=${day}&to=${day}`,
    );
    await expect(approval.getByTestId("check-remedy")).toContainText("needs a change ticket and a named approver");

    const evaluation = page.locator('[data-check="change-evaluation"]');
    await expect(evaluation.getByRole("link", { name: new RegExp(changeTitle) })).toBeVisible();
    await expect(evaluation.getByRole("link", { name: "Open the uncovered changes" })).toHaveAttribute(
      "href",
      new RegExp(`^/changes\\?covered=false&from=\\d{4}-\\d{2}-\\d{2}&to=${current.period.end}$`),
    );

    const retention = page.locator('[data-check="prompt-log-retention"]');
    // The auditor reads the finding, but gets no link to the edit page they may not open.
    await expect(retention.getByRole("listitem").filter({ hasText: `Readiness ${logs}: no retention period stated` })).toBeVisible();
    await expect(retention.getByRole("link", { name: `Readiness ${logs}: no retention period stated` })).toHaveCount(0);
    await expect(retention.getByTestId("check-state")).toContainText(/\d+ findings?/);

    const manifest = page.locator('[data-check="dataset-manifest"]');
    const manifestItem = manifest.getByRole("link", { name: `Readiness ${tuned}: no dataset approved by ${current.period.end}` });
    await expect(manifestItem).toHaveAttribute("href", `/inventory/${tuned}#datasets`);
    await expect(manifest.getByTestId("check-remedy")).toContainText("source, approver, a date approved on or before");
    // The feature without prompt logs is not a retention finding, nor the other way round.
    await expect(retention.getByRole("listitem").filter({ hasText: new RegExp(`Readiness ${tuned}`) })).toHaveCount(0);
    await expect(manifest.getByRole("link", { name: new RegExp(`Readiness ${logs}`) })).toHaveCount(0);

    const patched = await lead.patch(`/api/v1/features/${logs}`, { data: { promptLogRetention: "30 days, then deleted" } });
    expect(patched.status(), await patched.text()).toBe(200);
    await page.reload();
    await expect(retention.getByRole("listitem").filter({ hasText: new RegExp(`Readiness ${logs}`) })).toHaveCount(0);
    await expect(manifestItem).toBeVisible();

    // A compliance lead records the manifest on the feature's page, by keyboard.
    await page.context().clearCookies();
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto(`/inventory/${tuned}#datasets`);
    const form = page.getByRole("form", { name: "Dataset manifest" });
    await form.getByRole("button", { name: "Add a dataset" }).focus();
    await page.keyboard.press("Enter");
    const row = form.getByRole("group", { name: "Dataset 1" });
    await row.getByLabel("Name of dataset 1").fill("Resolved tickets 2025");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Helpdesk export, EU tenant");
    await expect(row.getByLabel("Source of dataset 1")).toHaveValue("Helpdesk export, EU tenant");
    await row.getByLabel("Approved by (dataset 1)").fill("Data protection officer");
    await row.getByLabel("Date approved (dataset 1)").fill("2026-01-10");
    await row.getByLabel("PII removed (dataset 1)").selectOption("true");
    // A second row added and removed again: only the first is saved.
    await form.getByRole("button", { name: "Add a dataset" }).press("Enter");
    await form.getByRole("button", { name: "Remove dataset 2" }).press("Enter");
    await expect(form.getByRole("group", { name: "Dataset 2" })).toHaveCount(0);
    await form.getByRole("button", { name: "Save the manifest" }).press("Enter");
    await expect(form.getByRole("status")).toHaveText("Saved 1 dataset. The change is in the audit log.");
    await page.reload();
    await expect(page.getByRole("table", { name: "Datasets" }).getByRole("row", { name: /Resolved tickets 2025/ })).toContainText(
      "Helpdesk export, EU tenant",
    );
    const manifestApi = (await (await lead.get(`/api/v1/features/${tuned}/datasets`)).json()) as { datasets: { name: string }[] };
    expect(manifestApi.datasets).toEqual([
      {
        name: "Resolved tickets 2025",
        source: "Helpdesk export, EU tenant",
        approvedBy: "Data protection officer",
        approvedOn: "2026-01-10",
        piiRemoved: true,
        notes: null,
      },
    ]);
    const audit = await withDb((db) =>
      db.query(`SELECT after FROM "AuditLogEntry" WHERE action = 'feature.datasets.updated' AND "entityId" = $1`, [tuned]),
    );
    expect(audit.rows).toHaveLength(1);

    await page.goto("/readiness");
    await expect(page.locator('[data-check="dataset-manifest"]').getByRole("link", { name: new RegExp(`Readiness ${tuned}`) })).toHaveCount(
      0,
    );

    // An approval in the future is refused, and nothing changes.
    const future = await lead.put(`/api/v1/features/${tuned}/datasets`, {
      data: { datasets: [{ name: "Later", source: "S", approvedBy: "A", approvedOn: "2999-01-01", piiRemoved: false }] },
    });
    expect(future.status()).toBe(400);
    expect(((await future.json()) as { error: { message: string } }).error.message).toMatch(/in the future/);
    expect(((await (await lead.get(`/api/v1/features/${tuned}/datasets`)).json()) as { datasets: unknown[] }).datasets).toHaveLength(1);
  } finally {
    await lead.dispose();
  }
});

test("checks follow the chosen period: its changes, and evidence valid over its days, including the incident plan and tabletop", async ({
  page,
}) => {
  const t = tag();
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const engineer = await apiSessionAs("ENGINEER");
  try {
    // Two past half-years (neither holds today, so the current period stays what the other specs expect).
    const ids: Record<"h1" | "h2", string> = { h1: "", h2: "" };
    const names = { h1: `Readiness H1 ${t}`, h2: `Readiness H2 ${t}` };
    for (const [key, start, end] of [
      ["h1", "2017-01-01", "2017-06-30"],
      ["h2", "2017-07-01", "2017-12-31"],
    ] as const) {
      const res = await lead.post("/api/v1/periods", { data: { name: names[key], type: "TYPE_II", start, end, categories: ["SECURITY"] } });
      expect(res.status(), await res.text()).toBe(201);
      ids[key] = ((await res.json()) as { id: string }).id;
    }
    const changeTitle = `Old unticketed change ${t}`;
    const change = await lead.post("/api/v1/changes", {
      data: { kind: "CONFIG", title: changeTitle, commitSha: randomBytes(20).toString("hex"), mergedAt: "2017-03-15T12:00:00Z" },
    });
    expect(change.status(), await change.text()).toBe(201);
    // Customer contracts disclosing AI (AI-CONF-05), valid over the first half only.
    await acceptedEvidence(engineer, lead, {
      control: "AI-CONF-05",
      title: `MSA with AI clause ${t}`,
      effectiveDate: "2017-01-01",
      validFrom: "2017-01-01",
      validUntil: "2017-06-30",
    });
    // The incident plan, valid through 2017, and a tabletop on 2016-12-31: inside the twelve months
    // ending 2017-06-30, exactly twelve months before 2017-12-31 (one day too old).
    const plan = await acceptedEvidence(engineer, lead, {
      control: "AI-AVL-03",
      title: `AI incident runbook ${t}`,
      effectiveDate: "2017-01-01",
      validFrom: "2016-12-01",
      validUntil: "2017-12-31",
    });
    const tabletop = await acceptedEvidence(engineer, lead, {
      control: "AI-AVL-03",
      title: `AI tabletop ${t}`,
      effectiveDate: "2016-12-31",
      validUntil: "2016-12-31",
    });

    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto("/readiness");
    await choosePeriod(page, `${names.h1} (2017-01-01 to 2017-06-30)`);
    await expect(page).toHaveURL(new RegExp(`/readiness\\?period=${ids.h1}$`));
    await expect(page.getByTestId("readiness-period")).toContainText(`${names.h1}, 2017-01-01 to 2017-06-30`);
    const approval = page.locator('[data-check="change-approval"]');
    await expect(approval.getByRole("link", { name: new RegExp(`${changeTitle} \\(2017-03-15\\)`) })).toBeVisible();
    await expect(page.locator('[data-check="contract-disclosure"]').getByTestId("check-state")).toHaveText("Passes");
    // Finding 6 before marking: neither scenario has a plan, and no tabletop.
    const incident = page.locator('[data-check="incident-runbook"]');
    await expect(incident.getByTestId("check-state")).toHaveText("3 findings");
    await expect(incident.getByRole("link", { name: "No AI tabletop exercise dated 2016-07-01 to 2017-06-30" })).toHaveAttribute(
      "href",
      "/readiness/incident-response",
    );

    // Marking them: the plan covers both AI scenarios, the tabletop one.
    await incident.getByRole("link", { name: "Mark the incident plan and tabletop" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incident plan and tabletop exercises");
    const planForm = page.getByRole("form", { name: `Mark AI incident runbook ${t}` });
    await planForm.getByLabel("What it is").selectOption("PLAN");
    await planForm.getByLabel("The model outputs customer PII").check();
    await planForm.getByLabel("The model provider has an outage").check();
    await planForm.getByRole("button", { name: "Save" }).click();
    await expect(planForm.getByRole("status")).toHaveText("Marked. The change is in the audit log.");
    const tabletopForm = page.getByRole("form", { name: `Mark AI tabletop ${t}` });
    await tabletopForm.getByLabel("What it is").selectOption("TABLETOP");
    await tabletopForm.getByRole("button", { name: "Save" }).click();
    await expect(tabletopForm.getByRole("alert")).toHaveText("Choose the AI incident scenarios it covers: at least one.");
    await tabletopForm.getByLabel("The model outputs customer PII").check();
    await tabletopForm.getByRole("button", { name: "Save" }).click();
    await expect(tabletopForm.getByRole("status")).toHaveText("Marked. The change is in the audit log.");
    const marks = await withDb((db) =>
      db.query(`SELECT action FROM "AuditLogEntry" WHERE "entityId" = ANY($1) AND action LIKE 'incident-record.%'`, [[plan, tabletop]]),
    );
    expect(marks.rows).toHaveLength(2);

    await page.goto(`/readiness?period=${ids.h1}`);
    await expect(incident.getByTestId("check-state")).toHaveText("Passes");

    // The second half: the change was merged before it, the contract evidence expired, and the tabletop is too old.
    await choosePeriod(page, `${names.h2} (2017-07-01 to 2017-12-31)`);
    await expect(page).toHaveURL(new RegExp(`/readiness\\?period=${ids.h2}$`));
    await expect(approval.getByRole("link", { name: new RegExp(changeTitle) })).toHaveCount(0);
    const contracts = page.locator('[data-check="contract-disclosure"]');
    await expect(contracts.getByRole("link", { name: "No accepted AI-CONF-05 evidence valid 2017-07-01 to 2017-12-31" })).toHaveAttribute(
      "href",
      "/controls/AI-CONF-05",
    );
    await expect(contracts.getByTestId("check-remedy")).toContainText("as AI-CONF-05 evidence valid 2017-07-01 to 2017-12-31");
    await expect(contracts.getByRole("link", { name: "Upload the MSA or policy" })).toHaveAttribute(
      "href",
      "/evidence/upload?control=AI-CONF-05",
    );
    await expect(incident.getByTestId("check-state")).toHaveText("1 finding");
    await expect(incident.getByRole("link", { name: "No AI tabletop exercise dated 2017-01-01 to 2017-12-31" })).toBeVisible();

    // The API answers the same for the chosen period.
    const json = (await (await lead.get(`/api/v1/readiness?period=${ids.h2}`)).json()) as {
      period: { id: string; start: string; end: string };
      checks: { id: string; passes: boolean; state: string; count: number; checked: number; remedy: string; items: { label: string }[] }[];
    };
    expect(json.period).toMatchObject({ id: ids.h2, start: "2017-07-01", end: "2017-12-31" });
    const byId = new Map(json.checks.map((c) => [c.id, c]));
    expect(byId.get("contract-disclosure")).toMatchObject({ passes: false, state: "FAILS", count: 1, checked: 1 });
    expect(byId.get("incident-runbook")).toMatchObject({ passes: false, count: 1 });
    expect(
      byId
        .get("change-approval")!
        .items.map((i) => i.label)
        .join("\n"),
    ).not.toContain(changeTitle);
    const h1 = (await (await lead.get(`/api/v1/readiness?period=${ids.h1}`)).json()) as typeof json;
    expect(h1.checks.find((c) => c.id === "contract-disclosure")).toMatchObject({ passes: true, state: "PASSES", count: 0, remedy: "" });
    // The change merged in the first half is examined: checks 1 and 2 have something to check there.
    expect(h1.checks.find((c) => c.id === "change-approval")).toMatchObject({ state: "FAILS" });
    expect(h1.checks.find((c) => c.id === "change-approval")!.checked).toBeGreaterThan(0);
    expect(h1.checks.find((c) => c.id === "incident-runbook")).toMatchObject({ passes: true });

    // An unknown period: 404 on the API, said as such on the page.
    const unknown = await lead.get("/api/v1/readiness?period=00000000-0000-4000-8000-00000000dead");
    expect(unknown.status()).toBe(404);
    await page.goto("/readiness?period=00000000-0000-4000-8000-00000000dead");
    await expect(page.getByTestId("unknown-period")).toContainText("There is no such audit period.");
  } finally {
    await lead.dispose();
    await engineer.dispose();
  }
});
