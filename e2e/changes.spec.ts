import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { upload } from "./evidence-support";
import { apiSessionAs, databaseFingerprint, formStatus, signInAs } from "./support";

// Model and prompt changes (AI-PI-01) and the audit-day cross-reference (AI-PI-02): a change is
// covered once accepted AI-PI-02 evidence names its commit or pull request, dated by its merge day
// (e2e/changes-evaluation.spec.ts has the rule's edges). Imports are all or nothing.

const sha = () => randomBytes(20).toString("hex");
const prNumber = () => 100_000 + randomBytes(3).readUIntBE(0, 3);
type ChangeJson = {
  id: string;
  kind: string;
  feature: string | null;
  title: string;
  pullRequest: string | null;
  commitSha: string | null;
  covered: boolean;
  evidence: string[];
};

test("an engineer records a change; it is covered once accepted evidence names its commit", async () => {
  const engineer = await apiSessionAs("ENGINEER");
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const commit = sha();
  const created = await engineer.post("/api/v1/changes", {
    data: {
      kind: "MODEL_UPGRADE",
      feature: "fixture-feature",
      title: `Upgrade model ${commit.slice(0, 6)}`,
      commitSha: commit.toUpperCase(),
      mergedAt: "2026-02-03T10:15:00Z",
      approvedBy: "Reviewer",
      ticket: "CHG-1",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const change = (await created.json()) as ChangeJson;
  expect(change).toMatchObject({
    kind: "MODEL_UPGRADE",
    feature: "fixture-feature",
    commitSha: commit,
    mergedAt: "2026-02-03T10:15:00.000Z",
    covered: false,
    evidence: [],
  });

  // The same commit (abbreviated) again is a duplicate, not a second change.
  const again = await engineer.post("/api/v1/changes", {
    data: { kind: "CONFIG", title: "Again", commitSha: commit.slice(0, 9), mergedAt: "2026-02-03T10:15:00Z" },
  });
  expect(again.status()).toBe(409);

  const find = async (query = "") => {
    const list = await engineer.get(`/api/v1/changes?feature=fixture-feature&from=2026-02-03&to=2026-02-03${query}`);
    expect(list.status(), await list.text()).toBe(200);
    const body = (await list.json()) as { items: ChangeJson[]; total: number };
    expect(typeof body.total).toBe("number");
    return body.items.find((c) => c.id === change.id);
  };
  expect((await find())?.covered).toBe(false);
  expect(await find("&covered=false")).toBeDefined();

  // Evaluation evidence naming a 10-character prefix of the commit, submitted then accepted.
  const uploaded = await upload(
    engineer,
    { control: "AI-PI-02", title: `Eval for ${commit.slice(0, 10)}`, effectiveDate: "2026-02-03", commitSha: commit.slice(0, 10) },
    { name: "eval.txt", bytes: Buffer.from(`eval report ${commit}\n`), type: "text/plain" },
  );
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const evidence = (await uploaded.json()) as { id: string };
  expect((await find())?.covered, "submitted evidence does not cover yet").toBe(false);
  const review = await lead.post(`/api/v1/evidence/${evidence.id}/review`, { data: { decision: "accept" } });
  expect(review.status(), await review.text()).toBe(200);
  expect(await find()).toMatchObject({ covered: true, evaluation: "BEFORE_RELEASE", evidence: [evidence.id] });
  expect(await find("&covered=false")).toBeUndefined();
  expect(await find("&covered=true")).toBeDefined();
});

test("a gh pr list JSON import in the browser: preview, then every row recorded", async ({ page }) => {
  const [a, b] = [prNumber(), prNumber() + 1];
  const [shaA, shaB] = [sha(), sha()];
  const gh = JSON.stringify([
    {
      mergeCommit: { oid: shaA },
      mergedAt: "2026-03-01T09:00:00Z",
      number: a,
      title: `Tighten prompt ${a}`,
      url: `https://github.com/acme/app/pull/${a}`,
    },
    {
      mergeCommit: { oid: shaB },
      mergedAt: "2026-03-02T09:00:00Z",
      number: b,
      title: `Shorter system prompt ${b}`,
      url: `https://github.com/acme/app/pull/${b}`,
    },
  ]);
  await signInAs(page, "ENGINEER");
  await page.goto("/changes/import");
  await page.getByLabel("Feature of every row").selectOption("fixture-feature");
  await page.getByLabel("Or paste CSV or JSON").fill(gh);
  await page.getByRole("button", { name: "Preview import" }).click();
  const rows = page.getByRole("table", { name: "Changes to import" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`Tighten prompt ${a}`);
  await page.getByRole("button", { name: "Import 2 changes" }).click();
  await expect(formStatus(page)).toHaveText("Imported 2 changes.");

  const api = await apiSessionAs("AUDITOR");
  const items = (
    (await (await api.get("/api/v1/changes?from=2026-03-01&to=2026-03-02&feature=fixture-feature&kind=PROMPT_CHANGE")).json()) as {
      items: ChangeJson[];
    }
  ).items;
  expect(items.find((c) => c.commitSha === shaA)).toMatchObject({
    pullRequest: `https://github.com/acme/app/pull/${a}`,
    kind: "PROMPT_CHANGE",
    feature: "fixture-feature",
  });
  expect(items.find((c) => c.commitSha === shaB)).toBeDefined();

  // The list shows it as not covered, with a way to upload the evaluation, and the missing approval as a finding.
  await page.goto("/changes?covered=false&kind=PROMPT_CHANGE");
  const row = page.getByRole("row").filter({ hasText: `Tighten prompt ${a}` });
  await expect(row).toContainText("Finding: not evaluated");
  await expect(row).toContainText("Finding: no approver or ticket");
  // The pull request reads #number and the commit its 7 characters, each linking to the repository the PR URL names.
  await expect(row.getByRole("link", { name: `#${a}`, exact: true })).toHaveAttribute("href", `https://github.com/acme/app/pull/${a}`);
  await expect(row.getByRole("link", { name: shaA.slice(0, 7), exact: true })).toHaveAttribute(
    "href",
    `https://github.com/acme/app/commit/${shaA}`,
  );
  await expect(row.getByRole("link", { name: "Upload evaluation evidence" })).toHaveAttribute(
    "href",
    `/evidence/upload?control=AI-PI-02&commitSha=${shaA}&pullRequest=https%3A%2F%2Fgithub.com%2Facme%2Fapp%2Fpull%2F${a}&mergedOn=2026-03-01`,
  );
});

test("a CSV with one bad row imports nothing and names the row", async ({ page }) => {
  const t = randomBytes(3).toString("hex");
  const csv = [
    "title,pullRequest,commitSha,mergedAt,approvedBy,ticket,kind,feature",
    `Good one ${t},#${prNumber()},${sha()},2026-04-01T10:00:00Z,Ann,CHG-9,CONFIG,`,
    `Bad date ${t},#${prNumber()},${sha()},yesterday,Ann,CHG-10,,`,
  ].join("\n");
  const before = await databaseFingerprint();
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/changes/import");
  await page.getByLabel("Or paste CSV or JSON").fill(csv);
  await page.getByRole("button", { name: "Preview import" }).click();
  const problems = page.getByRole("table", { name: "Rows with problems" });
  await expect(problems).toContainText("Row 3");
  await expect(problems).toContainText("mergedAt");
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);

  // The API refuses the same rows as a whole, naming the row; a duplicate of a recorded change is refused likewise.
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const refused = await lead.post("/api/v1/changes", {
    data: {
      changes: [
        { kind: "CONFIG", title: `Good ${t}`, mergedAt: "2026-04-01T10:00:00Z" },
        { kind: "CONFIG", title: `Bad ${t}`, mergedAt: "yesterday" },
      ],
    },
  });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { message: string; fields: Record<string, string[]> } };
  expect(body.error.message).toContain("row 2");
  expect(Object.keys(body.error.fields)).toEqual(["row 2"]);
  expect(await databaseFingerprint()).toBe(before);
});

test("an import repeating a recorded pull request in another spelling skips that row and says so", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const n = prNumber();
  const first = await lead.post("/api/v1/changes", {
    data: { kind: "CONFIG", title: `PR ${n}`, pullRequest: `#${n}`, mergedAt: "2026-04-02T10:00:00Z" },
  });
  expect(first.status(), await first.text()).toBe(201);
  const overlap = await lead.post("/api/v1/changes", {
    data: {
      changes: [
        { kind: "CONFIG", title: `Other ${n}`, pullRequest: `#${n + 7}`, mergedAt: "2026-04-02T10:00:00Z" },
        { kind: "CONFIG", title: `Same ${n}`, pullRequest: `https://github.com/acme/app/pull/${n}`, mergedAt: "2026-04-02T10:00:00Z" },
      ],
    },
  });
  expect(overlap.status(), await overlap.text()).toBe(201);
  const body = (await overlap.json()) as { created: number; skipped: number; skippedRows: { row: number; message: string }[] };
  expect(body).toMatchObject({ created: 1, skipped: 1 });
  expect(body.skippedRows).toEqual([{ row: 2, message: expect.stringContaining("already recorded") as unknown as string }]);

  // The page says the same: the preview and the import count the row already recorded.
  const csv = [
    "title,pullRequest,mergedAt,kind",
    `Again ${n},#${n},2026-04-02T10:00:00Z,CONFIG`,
    `New ${n},#${n + 8},2026-04-03T10:00:00Z,CONFIG`,
  ].join("\n");
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/changes/import");
  await page.getByLabel("Or paste CSV or JSON").fill(csv);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 change to record. 1 already recorded, skipped.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Rows already recorded, skipped" })).toContainText("Row 2: Pull request #");
  await page.getByRole("button", { name: "Import 1 change" }).click();
  await expect(formStatus(page)).toHaveText("Imported 1 change. 1 already recorded, skipped.");
});

test("an auditor cannot record a change: 403 and nothing written", async () => {
  const auditor = await apiSessionAs("AUDITOR");
  const before = await databaseFingerprint();
  const res = await auditor.post("/api/v1/changes", {
    data: { kind: "CONFIG", title: "Auditor change", commitSha: sha(), mergedAt: "2026-01-01T00:00:00Z" },
  });
  expect(res.status()).toBe(403);
  const bulk = await auditor.post("/api/v1/changes", {
    data: { changes: [{ kind: "CONFIG", title: "Auditor change", mergedAt: "2026-01-01T00:00:00Z" }] },
  });
  expect(bulk.status()).toBe(403);
  expect(await databaseFingerprint()).toBe(before);
});
