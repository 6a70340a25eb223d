import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { apiSessionAs, formError, signInAs, withDb, type Role } from "./support";
import { createScratch, dropScratch } from "./support/database";

// The inventory's CSV export and import: a round trip through an empty installation gives the
// same file; a file with one bad row imports nothing and says which row and why.

/** Signs in and waits for the landing page, so that the next navigation does not race its redirect. */
async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const tag = () => randomBytes(4).toString("hex");
const HEADER =
  "slug,name,owner,status,purpose,inputData,inputNotes,outputs,invokers,vendors,failureImpact,failureNotes,automatedDecisions,irreversibleActions,usesTrainingData,exposesToolServers,logsPrompts,userFacing,promptLogRetention";

/**
 * In a child process (Playwright cannot load the Prisma client): migrate and seed the empty
 * database, import the CSV with the same functions as the import page, and export it again.
 */
const ROUND_TRIP_SCRIPT = `
import fs from "node:fs";
const load = async (p) => { const m = await import(p); return "default" in m && Object.keys(m).length === 1 ? m.default : m; };
const { applyMigrations } = await load("./lib/db/migrate.ts");
await applyMigrations(process.env.DATABASE_URL);
const { db } = await load("./lib/db.ts");
const { seedReferenceData } = await load("./lib/reference/seed.ts");
const { parseFeaturesCsv, featuresToCsv } = await load("./lib/features/csv.ts");
const { importFeatures } = await load("./lib/features/service.ts");
const { allFeaturesJson } = await load("./lib/features/queries.ts");
const { cliPrincipal } = await load("./lib/auth/principal.ts");
try {
  await seedReferenceData(db);
  if ((await db.feature.count()) !== 0) throw new Error("the scratch installation is not empty");
  const parsed = parseFeaturesCsv(fs.readFileSync(process.env.CSV_IN, "utf8"));
  if (parsed.errors.length) throw new Error("rows refused: " + JSON.stringify(parsed.errors));
  await importFeatures(parsed.rows.map((input, i) => ({ row: parsed.rowNumbers[i], input })), cliPrincipal("round-trip"));
  fs.writeFileSync(process.env.CSV_OUT, featuresToCsv(await allFeaturesJson({}, { all: true })));
} finally {
  await db.$disconnect();
}
`;

function runChild(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", ROUND_TRIP_SCRIPT],
      {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`round trip exited with ${code}: ${err}`))));
  });
}

test("export, import into an empty installation, export again: the same file", async ({}, testInfo) => {
  test.setTimeout(180_000);
  const owner = `CSV round trip ${tag()}`;
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const features = [
      {
        slug: `csv-a-${tag()}`,
        name: 'Quotes "and", commas',
        purpose: "Line one,\nline two; with a semicolon.",
        inputData: ["CUSTOMER_CONFIDENTIAL", "SECRETS"],
        inputNotes: "=SUM(A1:A2) must not run in a spreadsheet",
        outputs: "-starts with a minus",
        invokers: ["END_USERS", "AGENTS"],
        vendors: [
          { vendor: `Vendor A ${tag()}`, model: "model:with:colons" },
          { vendor: `Vendor B ${tag()}`, model: null },
        ],
        failureImpact: "HIGH",
        failureNotes: "Ünïcödé ✓",
        automatedDecisions: true,
        exposesToolServers: true,
        logsPrompts: true,
        promptLogRetention: "90 days",
      },
      {
        slug: `csv-b-${tag()}`,
        name: "Plain one",
        purpose: "Summaries.",
        inputData: [],
        outputs: "Text.",
        invokers: ["STAFF"],
        failureImpact: "LOW",
        status: "RETIRED",
      },
    ];
    for (const f of features) {
      const res = await lead.post("/api/v1/features", { data: { ...f, owner } });
      expect(res.status(), await res.text()).toBe(201);
    }
    const exported = await lead.get(`/api/v1/features?format=csv&owner=${encodeURIComponent(owner)}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="attest-inventory-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(exported.headers()["x-content-type-options"]).toBe("nosniff");
    const first = await exported.text();
    expect(first.split("\r\n")[0]).toBe(HEADER);
    // A cell a spreadsheet would run as a formula is defused with a leading apostrophe.
    expect(first).toContain(`,'=SUM(A1:A2) must not run in a spreadsheet,'-starts with a minus,`);

    const { name, url } = await createScratch("csv");
    try {
      const csvIn = testInfo.outputPath("first.csv");
      const csvOut = testInfo.outputPath("second.csv");
      const fs = await import("node:fs");
      fs.mkdirSync(testInfo.outputDir, { recursive: true });
      fs.writeFileSync(csvIn, first);
      await runChild({ DATABASE_URL: url, CSV_IN: csvIn, CSV_OUT: csvOut });
      expect(fs.readFileSync(csvOut, "utf8")).toBe(first);
    } finally {
      await dropScratch(name);
    }
  } finally {
    await lead.dispose();
  }
});

const row = (slug: string, impact = "LOW") =>
  `${slug},Imported ${slug},CSV import spec,ACTIVE,Does something.,INTERNAL,,Output.,STAFF,Import Vendor:model-1,${impact},,false,false,false,false,false,false,`;

const featureSlugs = (slugs: string[]) =>
  withDb(async (c) =>
    (await c.query<{ slug: string }>(`SELECT slug FROM "Feature" WHERE slug = ANY($1) ORDER BY slug`, [slugs])).rows.map((r) => r.slug),
  );

test("import: one bad row imports nothing and names the row and field; a good file creates and updates in one step", async ({ page }) => {
  const a = `imp-a-${tag()}`;
  const b = `imp-b-${tag()}`;
  await signInLanded(page, "COMPLIANCE_LEAD");
  await page.goto("/inventory");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page).toHaveURL(/\/inventory\/import$/);

  const bad = [HEADER, row(a), row(b, "SEVERE")].join("\r\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Preview import" }).click();
  const problems = page.getByRole("table", { name: "Rows with problems" });
  await expect(problems.getByRole("row").filter({ hasText: "Row 3" })).toContainText("failureImpact: Choose the impact of a wrong output");
  await expect(page.getByText("1 row has problems, so nothing can be imported.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ feature/ })).toHaveCount(0);
  expect(await featureSlugs([a, b])).toEqual([]);

  // b exists already, so the good file updates it and creates a.
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const res = await lead.post("/api/v1/features", {
      data: { slug: b, name: "Before import", owner: "x", purpose: "p", outputs: "o", invokers: ["STAFF"], failureImpact: "HIGH" },
    });
    expect(res.status()).toBe(201);
  } finally {
    await lead.dispose();
  }
  const good = [HEADER, row(a), row(b, "MEDIUM")].join("\r\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Preview import" }).click();
  const rows = page.getByRole("table", { name: "Rows to import" });
  await expect(rows.getByRole("row").filter({ hasText: a })).toContainText("Create");
  await expect(rows.getByRole("row").filter({ hasText: b })).toContainText("Update");
  expect(await featureSlugs([a])).toEqual([]); // the preview writes nothing
  await page.getByRole("button", { name: "Import 2 features" }).click();
  await expect(page.locator(".alert.success[role=status]")).toHaveText("Imported 2 features: 1 created, 1 updated.");
  expect(await featureSlugs([a, b])).toEqual([a, b].sort());
  const audit = await withDb(
    async (c) =>
      (
        await c.query<{ entityId: string; action: string }>(
          `SELECT "entityId", action FROM "AuditLogEntry" WHERE "entityId" = ANY($1) ORDER BY seq`,
          [[a, b]],
        )
      ).rows,
  );
  expect(audit).toEqual([
    { entityId: b, action: "feature.created" },
    { entityId: a, action: "feature.created" },
    { entityId: b, action: "feature.updated" },
  ]);
  const updated = await withDb(async (c) => (await c.query(`SELECT name, "failureImpact" FROM "Feature" WHERE slug = $1`, [b])).rows[0]);
  expect(updated).toEqual({ name: `Imported ${b}`, failureImpact: "MEDIUM" });
});

test("import: a file over 5 MB or one that is not CSV gets a clear message", async ({ page }) => {
  await signInLanded(page, "COMPLIANCE_LEAD");
  await page.goto("/inventory/import");
  const big = Buffer.alloc(5 * 1024 * 1024 + 10, "a");
  await page.getByLabel("CSV file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: big });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(formError(page)).toHaveText("big.csv is 5.0 MB; the limit is 5 MB.");

  const png = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082",
    "hex",
  );
  await page.getByLabel("CSV file").setInputFiles({ name: "diagram.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(formError(page)).toHaveText(
    "diagram.png is not a CSV file: export one from the inventory or save your sheet as CSV (UTF-8).",
  );
});

test("import: a file whose name hides an invisible character is refused, naming it", async ({ page }) => {
  await signInLanded(page, "COMPLIANCE_LEAD");
  await page.goto("/inventory/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "features\u200b.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n`) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(formError(page)).toContainText("The file name contains an invisible character (U+200B)");
});
