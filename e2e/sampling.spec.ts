import fs from "node:fs";
import { expect, test } from "./fixtures";
import { ACCOUNTS, apiSessionAs, formError, signInAs } from "./support";
import { tag, upload } from "./evidence-support";

// Issue 13 item 2 in the browser: an auditor given a period draws a sample of a control's evidence
// from its sample page, sees the seed, reloads the same draw and gets the same rows, and downloads
// it as a CSV attachment that carries the seed, the method and the same rows. The draw's rules are
// covered in lib/sampling/*.test.ts and lib/sampling/sampling.int.test.ts.

test("an auditor draws a sample with a seed, redraws it identically, and downloads it as CSV", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const engineer = await apiSessionAs("ENGINEER");
  const code = `SMP-${tag()}`.toUpperCase();
  const control = await lead.post("/api/v1/controls", {
    data: {
      code,
      title: "Sampling spec control",
      description: "Created by the sampling spec.",
      category: "SECURITY",
      criteria: ["CC6.1"],
      frequency: "QUARTERLY",
      expectedEvidence: "A quarterly record.",
    },
  });
  expect(control.status(), await control.text()).toBe(201);
  // The period is given to the shared auditor account, as a lead gives it.
  const created = await lead.post("/api/v1/periods", {
    data: {
      name: `Sampling ${tag()}`,
      type: "TYPE_II",
      start: "2025-01-01",
      end: "2025-12-31",
      categories: ["SECURITY"],
      auditors: [ACCOUNTS.AUDITOR.email],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const period = (await created.json()) as { id: string };
  const uploaded: string[] = [];
  for (const effectiveDate of ["2025-02-10", "2025-05-10", "2025-08-10", "2025-11-10"]) {
    const res = await upload(engineer, {
      control: code,
      title: `Sampled ${effectiveDate}`,
      effectiveDate,
      url: `https://ci.example.test/${tag()}`,
    });
    expect(res.status(), await res.text()).toBe(201);
    uploaded.push(((await res.json()) as { id: string }).id);
  }

  await signInAs(page, "AUDITOR");
  await page.goto(`/periods/${period.id}/sample`);
  await expect(page.getByRole("heading", { name: "Sample", exact: true })).toBeVisible();

  // A size that is not a positive integer is refused with a message, and nothing is drawn.
  await page.getByLabel("Control").selectOption(code);
  await page.getByLabel("Population").selectOption("evidence");
  await page.getByLabel("Sample size").fill("0");
  await page.getByRole("button", { name: "Draw sample" }).click();
  await expect(formError(page)).toContainText("size must be a whole number");
  await expect(page.getByRole("table")).toHaveCount(0);

  // A draw without a seed gets one, in the URL and on the page.
  await page.getByLabel("Sample size").fill("2");
  await page.getByRole("button", { name: "Draw sample" }).click();
  await expect(page).toHaveURL(/[?&]seed=[0-9a-f]{12}(&|$)/);
  const seed = (await page.getByTestId("sample-seed").textContent())!.trim();
  expect(new URL(page.url()).searchParams.get("seed")).toBe(seed);
  await expect(page.getByRole("heading", { name: "2 of 4" })).toBeVisible();
  const table = page.getByRole("table", { name: "Sampled evidence" });
  const sampledIds = async () =>
    (await table.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).map((href) => href!.split("/").pop()!);
  const first = await sampledIds();
  expect(first).toHaveLength(2);
  for (const id of first) expect(uploaded).toContain(id);

  // The same seed draws the same rows.
  await page.reload();
  await expect(page.getByTestId("sample-seed")).toHaveText(seed);
  expect(await sampledIds()).toEqual(first);

  // The CSV: an attachment with the seed, the method and the same rows in the same order.
  const link = page.getByRole("link", { name: "Download CSV" });
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(res.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="attest-sample-${code}-evidence-${seed}\\.csv"$`));
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(`\r\nseed,${seed}\r\n`);
  expect(csv).toContain("\r\npopulation_size,4\r\n");
  expect(csv).toMatch(/\r\nmethod,"sha256-rank-v1: /);
  const rows = csv.split("\r\n\r\n")[1].trim().split("\r\n");
  expect(rows[0]).toMatch(/^rank,draw_key,id,control,title,/);
  expect(rows.slice(1).map((row) => row.split(",")[2])).toEqual(first);

  // Without a seed the API draws one and says which, in a header and in the file.
  const bare = await page.request.get(`/api/v1/periods/${period.id}/sample?control=${code}&kind=evidence`);
  expect(bare.status()).toBe(200);
  const drawn = bare.headers()["x-attest-sample-seed"];
  expect(drawn).toMatch(/^[0-9a-f]{12}$/);
  expect(await bare.text()).toContain(`\r\nseed,${drawn}\r\n`);

  // A new seed is one click away.
  await page.getByRole("link", { name: "Draw with a new seed" }).click();
  await expect(page).toHaveURL(/[?&]seed=[0-9a-f]{12}(&|$)/);
  await expect(page.getByTestId("sample-seed")).not.toHaveText(seed);

  // An unknown control is named as such.
  await page.goto(`/periods/${period.id}/sample?control=NO-SUCH-CONTROL&kind=evidence&size=2&seed=${seed}`);
  await expect(formError(page)).toContainText("There is no control NO-SUCH-CONTROL in this period's categories.");
  await lead.dispose();
  await engineer.dispose();
});
