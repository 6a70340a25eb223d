import { expect, test } from "./fixtures";
import { apiSessionAs, collectConsoleErrors, signInAs } from "./support";
import { bearerContext, insertToken, tag, upload } from "./evidence-support";

// Issue 5, item 3: the period page. Controls and evidence are made through the API; a compliance
// lead then creates the period in the browser, opens it from the list, and reads the heatmap:
// a missing slot says what is missing and where to upload it, a covered one links its evidence.

test("a compliance lead creates a period and reads its coverage heatmap", async ({ page }, testInfo) => {
  const t = tag().toUpperCase();
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const ci = await bearerContext(await insertToken("ENGINEER"));
  const quarterly = `HEAT-${t}-Q`;
  const daily = `HEAT-${t}-D`;
  const expectedEvidence = `Signed quarterly review ${t}`;

  for (const [code, frequency] of [
    [quarterly, "QUARTERLY"],
    [daily, "DAILY"],
  ]) {
    const created = await lead.post("/api/v1/controls", {
      data: {
        code,
        title: `Heatmap spec ${frequency.toLowerCase()}`,
        description: "Made by the heatmap spec.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "ANNUAL",
        expectedEvidence: frequency === "QUARTERLY" ? expectedEvidence : "A daily log.",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const patched = await lead.patch(`/api/v1/controls/${code}`, { data: { designStatus: "IN_PLACE", frequency } });
    expect(patched.status(), await patched.text()).toBe(200);
  }
  const accepted = async (control: string, effectiveDate: string) => {
    const title = `${control} evidence ${effectiveDate}`;
    const res = await upload(ci, { control, title, effectiveDate }, { name: "e.txt", bytes: Buffer.from(`${title} ${tag()}`) });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = await res.json();
    expect((await lead.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } })).status()).toBe(200);
    return { id: id as string, title };
  };
  const q1 = await accepted(quarterly, "2025-02-10");
  await accepted(daily, "2025-01-02");
  await accepted(daily, "2025-03-15");
  await lead.dispose();
  await ci.dispose();

  const consoleErrors = collectConsoleErrors(page);
  const name = `Heatmap ${t}`;
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/periods/new");
  const form = page.getByRole("form", { name: "New period" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Start").fill("2025-01-01");
  await form.getByLabel("End (inclusive)").fill("2025-06-30");
  await expect(form.getByLabel("Security (always in scope)")).toBeChecked();
  await form.getByRole("button", { name: "Create period" }).click();
  await expect(page).toHaveURL(/\/periods$/);

  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/periods\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("definition").filter({ hasText: "2025-01-01 to 2025-06-30" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit period" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Coverage summary" })).toContainText("overall coverage");

  const heatmap = page.getByRole("table", { name: "Coverage heatmap" });
  const quarterlyRow = heatmap.locator(`tr[data-control="${quarterly}"]`);
  await expect(quarterlyRow).toContainText("Gaps");
  await expect(quarterlyRow).toContainText("50%");
  // A daily control over half a year: one thin cell per day.
  await expect(heatmap.locator(`tr[data-control="${daily}"]`).getByRole("button")).toHaveCount(181);

  // A missing slot: what is missing, and where to upload it.
  const missing = heatmap.getByRole("button", { name: `${quarterly}, 2025-04-01 to 2025-06-30: missing` });
  await missing.click();
  const detail = page.getByRole("dialog", { name: `${quarterly}, 2025-04-01 to 2025-06-30` });
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(expectedEvidence);
  await expect(detail).toContainText("from 2025-04-01 to 2025-06-30");
  await expect(detail.getByRole("link", { name: `Upload evidence for ${quarterly}` })).toHaveAttribute(
    "href",
    `/evidence/upload?control=${quarterly}`,
  );
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(missing).toBeFocused();

  // The keyboard: along a strip with the arrow keys, Enter opens the cell.
  await heatmap.getByRole("button", { name: `${daily}, 2025-01-01: missing` }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(heatmap.getByRole("button", { name: `${daily}, 2025-01-02: covered` })).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: `${daily}, 2025-06-30` })).toContainText("missing");
  await page.keyboard.press("Escape");

  // A covered slot: the evidence that covers it.
  await heatmap.getByRole("button", { name: `${quarterly}, 2025-01-01 to 2025-03-31: covered` }).click();
  const covered = page.getByRole("dialog", { name: `${quarterly}, 2025-01-01 to 2025-03-31` });
  await expect(covered.getByRole("link", { name: q1.title })).toHaveAttribute("href", `/evidence/${q1.id}`);

  // The slot list says the same in text.
  await page.locator("details", { hasText: quarterly }).locator("summary").click();
  await expect(page.getByRole("table", { name: `Slots of ${quarterly}` }).getByRole("row")).toHaveCount(3);
  // A covered calendar slot links the accepted evidence dated in it (the page carries no ids for it).
  await expect(
    page.getByRole("table", { name: `Slots of ${quarterly}` }).getByRole("link", { name: "Accepted evidence dated in the slot" }),
  ).toHaveAttribute("href", `/evidence?control=${quarterly}&status=ACCEPTED&from=2025-01-01&to=2025-03-31`);

  const screenshot = testInfo.outputPath("heatmap.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach("heatmap", { path: screenshot, contentType: "image/png" });

  await covered.getByRole("link", { name: q1.title }).click();
  await expect(page).toHaveURL(new RegExp(`/evidence/${q1.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(q1.title);
  expect(consoleErrors, "no console errors on the period page").toEqual([]);
});
