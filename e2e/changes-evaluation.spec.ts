import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { upload } from "./evidence-support";
import { apiSessionAs, signInAs } from "./support";

// The evaluation cross-reference (issue 11, item 2): only accepted AI-PI-02 evidence naming the
// change's commit or pull request, effective on or before the merge day, evaluates it. The rule's
// edges are unit-tested (lib/coverage/evaluation.test.ts); here the database's form of it, the
// API, the filter, the CSV and the browser path from the change list to the upload form.

const sha = () => randomBytes(20).toString("hex");
const prNumber = () => 200_000 + randomBytes(3).readUIntBE(0, 3);
type ChangeJson = { id: string; covered: boolean; evaluation: string; evidence: string[] };

test("another control's evidence does not evaluate; AI-PI-02 after the merge is after release; on the merge day, before", async () => {
  const engineer = await apiSessionAs("ENGINEER");
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const pr = prNumber();
  const commit = sha();
  const created = await engineer.post("/api/v1/changes", {
    data: {
      kind: "PROMPT_CHANGE",
      title: `Prompt ${pr}`,
      pullRequest: `https://github.com/acme/app/pull/${pr}`,
      commitSha: commit,
      mergedAt: "2026-02-10T15:00:00Z",
      approvedBy: "Reviewer",
      ticket: `CHG-${pr}`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const change = (await created.json()) as ChangeJson;
  expect(change).toMatchObject({ covered: false, evaluation: "NONE", evidence: [] });

  const accepted = async (fields: Parameters<typeof upload>[1]) => {
    const res = await upload(engineer, fields, { name: "report.txt", bytes: Buffer.from(`${fields.title}\n`), type: "text/plain" });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const review = await lead.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } });
    expect(review.status(), await review.text()).toBe(200);
    return id;
  };
  const find = async (query = "") => {
    const res = await engineer.get(`/api/v1/changes?from=2026-02-10&to=2026-02-10&${query}`);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { items: ChangeJson[] }).items.find((c) => c.id === change.id);
  };
  const get = async () => (await find())!;
  const listed = async (query: string) => (await find(query)) !== undefined;

  // The AI-PI-01 change record that docs/ci.md asks for names the same pull request: not an evaluation.
  await accepted({ control: "AI-PI-01", title: `Change record ${pr}`, effectiveDate: "2026-02-09", pullRequest: String(pr) });
  expect(await get()).toMatchObject({ covered: false, evaluation: "NONE", evidence: [] });

  // An evaluation dated the day after the merge: after release, a finding, not coverage.
  const late = await accepted({ control: "AI-PI-02", title: `Late eval ${pr}`, effectiveDate: "2026-02-11", pullRequest: `#${pr}` });
  expect(await get()).toMatchObject({ covered: false, evaluation: "AFTER_RELEASE", evidence: [late] });
  expect(await listed("evaluation=AFTER_RELEASE")).toBe(true);
  expect(await listed("evaluation=NONE")).toBe(false);
  expect(await listed("covered=false")).toBe(true);

  // An evaluation dated the merge day (naming an abbreviation of the commit) evaluates it.
  const onTime = await accepted({ control: "AI-PI-02", title: `Eval ${pr}`, effectiveDate: "2026-02-10", commitSha: commit.slice(0, 8) });
  expect(await get()).toMatchObject({ covered: true, evaluation: "BEFORE_RELEASE", evidence: [onTime] });
  expect(await listed("evaluation=BEFORE_RELEASE")).toBe(true);
  expect(await listed("covered=false")).toBe(false);

  // The audit-day CSV: the same rows and states, as an attachment.
  const csv = await engineer.get("/api/v1/changes?from=2026-02-10&to=2026-02-10&format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="attest-changes-\d{4}-\d{2}-\d{2}\.csv"$/);
  const line = (await csv.text()).split("\r\n").find((l) => l.startsWith(change.id));
  expect(line).toContain(",BEFORE_RELEASE,Evaluated before release,");
  expect(line).toContain(onTime);
  const bad = await engineer.get("/api/v1/changes?evaluation=SOMETIMES");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("evaluation");
});

test("the upload link on an unevaluated change pre-fills its commit and pull request; the upload then evaluates it", async ({ page }) => {
  const engineer = await apiSessionAs("ENGINEER");
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const pr = prNumber();
  const commit = sha();
  const created = await engineer.post("/api/v1/changes", {
    data: { kind: "MODEL_UPGRADE", title: `Model ${pr}`, pullRequest: `#${pr}`, commitSha: commit, mergedAt: "2026-03-05T09:00:00Z" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const change = (await created.json()) as ChangeJson;

  await signInAs(page, "ENGINEER");
  await page.goto("/changes?from=2026-03-05&to=2026-03-05&evaluation=NONE");
  const row = page.locator(`tr[data-change="${change.id}"]`);
  await expect(row).toContainText("Finding: not evaluated");
  await row.getByRole("link", { name: "Upload evaluation evidence" }).click();

  const form = page.getByRole("form", { name: "Upload evidence" });
  await expect(form.getByLabel("Control")).toHaveValue("AI-PI-02");
  await expect(form.getByLabel("Commit SHA")).toHaveValue(commit);
  await expect(form.getByLabel("Pull request")).toHaveValue(String(pr));
  await expect(form.getByRole("note")).toContainText("on or before 2026-03-05");
  await form.getByLabel("Effective date").fill("2026-03-04");
  await form
    .getByLabel("Choose files")
    .setInputFiles({ name: `eval-${pr}.txt`, mimeType: "text/plain", buffer: Buffer.from(`eval ${pr}`) });
  await expect(page.locator(`[data-file="eval-${pr}.txt"]`)).toBeVisible();
  await form.getByRole("button", { name: "Upload" }).click();
  const done = page.locator(`[data-file="eval-${pr}.txt"]`).getByRole("status");
  await expect(done).toContainText("Uploaded as");
  const id = (await done.getByRole("link").getAttribute("href"))!.split("/").pop()!;

  const review = await lead.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } });
  expect(review.status(), await review.text()).toBe(200);
  await page.goto("/changes?from=2026-03-05&to=2026-03-05");
  await expect(row.locator("[data-evaluation]")).toHaveAttribute("data-evaluation", "BEFORE_RELEASE");
  await expect(row).toContainText("Evaluated before release");
  await expect(page.getByRole("link", { name: /Export these \d+ as CSV/ })).toHaveAttribute(
    "href",
    "/api/v1/changes?from=2026-03-05&to=2026-03-05&format=csv",
  );
});
