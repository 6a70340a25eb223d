import fs from "node:fs";
import { type APIRequestContext, type Page } from "@playwright/test";
import yauzl from "yauzl";
import { expect, test } from "./fixtures";
import { EXPECTED_ROLES, PAGES, PARAM_VALUES } from "./endpoints";
import { bearerContext, sha256, tag, upload } from "./evidence-support";
import { apiSessionAs, passwordHash, signIn, withDb } from "./support";
import { runNode } from "./support/node-process";
import { AUDITOR_WRITE_RULES, writeControls } from "./support/write-controls";

// Issue 13, item 1: an auditor sees what a lead sees, limited to the periods they are given
// (lib/auth/scope.ts). A fresh auditor is given period A of two (A: 2021 H1, B: 2022 H1, each with
// its own evidence file). In Chromium they open every page an auditor may open, with A's ids where
// a page needs one: each renders and shows no enabled control that would change anything
// (e2e/support/write-controls.ts). They download A's evidence file and A's package. B, its evidence
// and its file do not exist for them: 404 on pages, API and downloads alike; and the same for a
// token made for them (token:create --user), which carries their scope.

const run = tag();
const auditor = { email: `scope-auditor-${run}@example.test`, password: `scope auditor ${run} passphrase`, name: `Scope Auditor ${run}` };

interface Fixture {
  periodA: string;
  periodB: string;
  evidenceA: { id: string; bytes: Buffer; fileName: string };
  evidenceB: { id: string };
  reviewA: string;
}
let fx: Fixture;

/** A page's concrete URL with A's ids (the fixture feature and vendor are in A: it lists no features, so all). */
function urlFor(pattern: string): string {
  const values: Record<string, string> = {
    ...PARAM_VALUES,
    periodId: fx.periodA,
    id: fx.evidenceA.id,
    reviewId: fx.reviewA,
    code: "AI-SEC-05",
  };
  return pattern.replace(/\[\[?([^\]]+)\]\]?/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for [${name}] in ${pattern}`);
    return values[name];
  });
}

/** The pages an auditor may open (the walk's page table): signed-in pages and those whose permission an auditor holds. */
const AUDITOR_PAGES = Object.entries(PAGES)
  .filter(
    ([, access]) =>
      access === "signed-in" || (access !== "public" && access !== "setup-only" && EXPECTED_ROLES[access].includes("AUDITOR")),
  )
  .map(([pattern]) => pattern);

const NOT_FOUND_PAGE = /Nothing exists at this address\./;
const ERROR_PAGE = /This page could not be loaded/;

async function period(lead: APIRequestContext, name: string, start: string, end: string, auditors: string[]): Promise<string> {
  const res = await lead.post("/api/v1/periods", { data: { name, type: "TYPE_II", start, end, categories: ["SECURITY"], auditors } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function evidence(lead: APIRequestContext, label: string, effectiveDate: string) {
  const bytes = Buffer.from(`Scope ${label} evidence ${run}: quarterly access review worksheet.\n`);
  const fileName = `scope-${label.toLowerCase()}-${run}.txt`;
  const res = await upload(
    lead,
    { control: "AI-SEC-05", title: `Scope evidence ${label} ${run}`, effectiveDate },
    { name: fileName, bytes, type: "text/plain" },
  );
  expect(res.status(), await res.text()).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, bytes, fileName };
}

test.beforeAll(async () => {
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'AUDITOR', $3, now())`,
      [auditor.email, auditor.name, passwordHash(auditor.password)],
    ),
  );
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const periodA = await period(lead, `Scope A ${run}`, "2021-01-01", "2021-06-30", [auditor.email]);
  const periodB = await period(lead, `Scope B ${run}`, "2022-01-01", "2022-06-30", []);
  const evidenceA = await evidence(lead, "A", "2021-03-15");
  const evidenceB = await evidence(lead, "B", "2022-03-15");
  await lead.dispose();
  // A signed-off access review whose record is A's evidence: it is A's (the access-review pages get a real one).
  const reviewA = await withDb(
    async (db) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO "AccessReview" (id, name, quarter, status, "startedAt", "signedOffAt", "signOffName", "signOffStatement", "evidenceId", "dueDate")
           VALUES (gen_random_uuid(), $1, '2021-Q1', 'SIGNED_OFF', now(), now(), 'Scope signer', 'Scope statement.', $2, DATE '2021-03-31') RETURNING id`,
          [`Scope review ${run}`, evidenceA.id],
        )
      ).rows[0].id,
  );
  fx = { periodA, periodB, evidenceA, evidenceB: { id: evidenceB.id }, reviewA };
});

async function signInAuditor(page: Page) {
  await signIn(page, auditor.email, auditor.password);
  await expect(page.getByTestId("current-user")).toHaveText(auditor.name);
  // Signing in lands on /dashboard; the next goto must not race that navigation.
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** page.goto, once more if a client-side navigation still in flight aborted it. */
async function open(page: Page, url: string) {
  try {
    return await page.goto(url);
  } catch (error) {
    if (!/net::ERR_ABORTED|interrupted by another navigation/.test((error as Error).message)) throw error;
    return page.goto(url);
  }
}

test("an auditor given period A opens every page an auditor may open: each renders, and none shows an enabled control that would change anything", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAuditor(page);
  expect(AUDITOR_PAGES.length, "the walk's page table lists the auditor's pages").toBeGreaterThan(15);
  for (const pattern of AUDITOR_PAGES) {
    const url = urlFor(pattern);
    const res = await open(page, url);
    const body = page.locator("body");
    // /forbidden is the "Not allowed" page itself: a 403 for everyone.
    if (pattern === "/forbidden") expect.soft(res?.status(), `${url} answers`).toBe(403);
    else expect.soft(res?.status(), `${url} answers`).toBeLessThan(400);
    if (pattern !== "/forbidden") expect.soft(await body.innerText(), `${url} is not refused`).not.toMatch(/Not allowed/);
    expect.soft(await body.innerText(), `${url} renders, not the error page`).not.toMatch(ERROR_PAGE);
    expect.soft(await body.innerText(), `${url} exists for the auditor (it is period A's)`).not.toMatch(NOT_FOUND_PAGE);
    if (pattern !== "/forbidden")
      expect.soft(["/signin", "/forbidden"], `${url} is not refused`).not.toContain(new URL(page.url()).pathname);
    expect.soft(await writeControls(page, AUDITOR_WRITE_RULES), `${url}: enabled controls that would change something`).toEqual([]);
  }
});

test("an auditor given period A downloads A's evidence file and A's package", async ({ page }) => {
  await signInAuditor(page);
  await page.goto(`/evidence/${fx.evidenceA.id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: `Download ${fx.evidenceA.fileName}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(fx.evidenceA.fileName);
  expect(sha256(fs.readFileSync(await download.path())), "the bytes uploaded").toBe(sha256(fx.evidenceA.bytes));
  const file = await page.request.get(`/api/v1/evidence/${fx.evidenceA.id}/file`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(sha256(await file.body())).toBe(sha256(fx.evidenceA.bytes));

  const pkg = await page.request.get(`/api/v1/periods/${fx.periodA}/export`);
  expect(pkg.status(), (await pkg.body()).subarray(0, 300).toString()).toBe(200);
  expect(pkg.headers()["content-disposition"]).toMatch(/^attachment/);
  const zip = test.info().outputPath("package.zip");
  fs.mkdirSync(test.info().outputPath(), { recursive: true });
  fs.writeFileSync(zip, await pkg.body());
  const names = await zipNames(zip);
  expect(names).toContain("manifest.json");
  const manifest = JSON.parse((await zipEntry(zip, "manifest.json")).toString()) as unknown;
  expect(JSON.stringify(manifest), "A's evidence file is in A's package").toContain(sha256(fx.evidenceA.bytes));
  expect(JSON.stringify(manifest), "B's is not").not.toContain(fx.evidenceB.id);
});

test("period B, its evidence and its file do not exist for the auditor: 404 on pages, API and downloads", async ({ page }) => {
  await signInAuditor(page);
  for (const url of [`/periods/${fx.periodB}`, `/evidence/${fx.evidenceB.id}`]) {
    const res = await page.goto(url);
    // Outside the auditor's scope is not found (404), never "Not allowed" (403): B does not exist for them.
    expect(res?.status(), `${url} answers 404`).toBe(404);
    await expect(page.locator("body"), `${url} is the not-found page`).toContainText(NOT_FOUND_PAGE);
  }
  await expectOutOfScope(page.request);
  // The lists name A, never B.
  const periods = (await (await page.request.get("/api/v1/periods")).json()) as { items: { id: string }[] };
  expect(periods.items.map((p) => p.id)).toContain(fx.periodA);
  expect(periods.items.map((p) => p.id)).not.toContain(fx.periodB);
  await page.goto("/periods");
  await expect(page.getByRole("main")).toContainText(`Scope A ${run}`);
  await expect(page.getByRole("main")).not.toContainText(`Scope B ${run}`);
});

test("a token made for the auditor carries their scope: A is there, B and its evidence are 404", async () => {
  const made = await runNode(["scripts/token-create.ts", "--name", `scope ${run}`, "--user", auditor.email, "--expires", "1d"], {
    env: process.env,
    input: "",
  });
  expect(made.code, made.stderr).toBe(0);
  const api = await bearerContext(made.stdout.trim());
  expect((await api.get(`/api/v1/periods/${fx.periodA}`)).status()).toBe(200);
  expect((await api.get(`/api/v1/evidence/${fx.evidenceA.id}`)).status()).toBe(200);
  const file = await api.get(`/api/v1/evidence/${fx.evidenceA.id}/file`);
  expect(file.status()).toBe(200);
  expect(sha256(await file.body())).toBe(sha256(fx.evidenceA.bytes));
  await expectOutOfScope(api);
  await api.dispose();
});

/** Every read of B, its evidence and its file: 404 NOT_FOUND, as for an id that never existed. */
async function expectOutOfScope(api: APIRequestContext) {
  for (const url of [
    `/api/v1/periods/${fx.periodB}`,
    `/api/v1/periods/${fx.periodB}/coverage`,
    `/api/v1/periods/${fx.periodB}/export`,
    `/api/v1/evidence/${fx.evidenceB.id}`,
    `/api/v1/evidence/${fx.evidenceB.id}/file`,
  ]) {
    const res = await api.get(url);
    expect.soft(res.status(), `${url} does not exist for the auditor`).toBe(404);
    if (res.status() === 404) expect.soft(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  }
  const list = (await (await api.get("/api/v1/evidence?limit=200")).json()) as { items: { id: string }[] };
  expect
    .soft(
      list.items.map((e) => e.id),
      "B's evidence is not in the auditor's list",
    )
    .not.toContain(fx.evidenceB.id);
}

async function zipNames(file: string): Promise<string[]> {
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true });
  const names: string[] = [];
  for await (const entry of zipfile.eachEntry()) names.push(entry.fileName);
  zipfile.close();
  return names;
}

async function zipEntry(file: string, name: string): Promise<Buffer> {
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of (await zipfile.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    }
  } finally {
    zipfile.close();
  }
  throw new Error(`${name} is not in ${file}`);
}
