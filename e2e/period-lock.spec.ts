import { randomInt } from "node:crypto";
import { expect, test } from "./fixtures";
import { apiSessionAs, signInAs } from "./support";
import { bearerContext, insertToken, tag, upload } from "./evidence-support";

// Issue 13 items 3 and 4 in the browser: a lead writes a management response with the keyboard,
// locks the period, and the page keeps showing the same figures after evidence is uploaded by CI
// and accepted into the window; unlocking with a reason brings the figures back to life. The
// rules themselves (audit entries, refusals, the export) are in lib/periods/lock.int.test.ts.

test("a lead answers an exception, locks the period, and its figures stay put after a later upload until unlocked", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const ci = await bearerContext(await insertToken("ENGINEER"));
  // A year of its own (a retry's upload must not cover this run's gap): AI-SEC-05 is quarterly, with no evidence then.
  const year = 1990 + randomInt(0, 25);
  const created = await lead.post("/api/v1/periods", {
    data: { name: `Lock ${tag()}`, type: "TYPE_II", start: `${year}-01-01`, end: `${year}-12-31`, categories: ["SECURITY"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const period = (await created.json()) as { id: string };
  const exceptionId = `MISSING_SLOT:AI-SEC-05:${year}-01-01`;
  const sec05 = async () => {
    const res = await lead.get(`/api/v1/periods/${period.id}/coverage`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { locked: unknown; items: { control: string; covered: number }[] };
    return { locked: body.locked !== null, covered: body.items.find((i) => i.control === "AI-SEC-05")!.covered };
  };

  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto(`/periods/${period.id}`);
  const row = page.locator(`tr[data-exception-id="${exceptionId}"]`);
  await expect(row).toContainText("Missing evidence");
  await expect(row).toContainText(`${year}-01-01 to ${year}-12-31`);

  // Keyboard only: focus the response, type, Tab to its button, Enter.
  await row.getByRole("textbox").focus();
  await page.keyboard.type("No access review was held this year; reviews resumed under the new IdP.");
  await page.keyboard.press("Tab");
  await expect(row.getByRole("button", { name: "Add response" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toHaveText("Response saved.");

  const summary = page.getByRole("list", { name: "Coverage summary" });
  const figuresAtLock = await summary.textContent();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Lock period" }).click();
  await expect(page.getByTestId("period-locked")).toContainText(/Locked on .+ by lead@.+; figures are frozen as of then\./);
  expect(await sec05()).toEqual({ locked: true, covered: 0 });

  // CI uploads AI-SEC-05 evidence into the window and the lead accepts it: the live figures would move.
  const uploaded = await upload(
    ci,
    { control: "AI-SEC-05", title: `Q1 access review ${tag()}`, effectiveDate: `${year}-02-01` },
    { name: "review.txt", bytes: Buffer.from(`Q1 review ${tag()}\n`) },
  );
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const accepted = await lead.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } });
  expect(accepted.status(), await accepted.text()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("period-locked")).toBeVisible();
  await expect(summary).toHaveText(figuresAtLock!);
  await expect(row).toContainText("No access review was held this year; reviews resumed under the new IdP.");
  await expect(row.getByRole("textbox")).toHaveCount(0);
  expect(await sec05()).toEqual({ locked: true, covered: 0 });

  // Unlocking needs a reason; then the figures are computed again.
  await page.getByRole("button", { name: "Unlock period" }).click();
  await expect(page.getByText(/Say why the period is unlocked/).first()).toBeVisible();
  await expect(page.getByTestId("period-locked")).toBeVisible();
  await page.getByLabel("Reason for unlocking").fill("The auditor asked to re-test the Q1 review.");
  await page.getByRole("button", { name: "Unlock period" }).click();
  await expect(page.getByTestId("period-locked")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lock period" })).toBeVisible();
  expect(await sec05()).toEqual({ locked: false, covered: 1 });
  await expect(summary).not.toHaveText(figuresAtLock!);
  await expect(page.locator(`tr[data-exception-id="${exceptionId}"]`)).toHaveCount(0);
  await expect(page.locator(`tr[data-exception-id="MISSING_SLOT:AI-SEC-05:${year}-04-01"]`)).toContainText("Missing evidence");

  await lead.dispose();
  await ci.dispose();
});
