import { expect, test } from "./fixtures";
import { signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Settings → Organisation: an admin chooses the organisation's time zone (saved with an audit
// entry); every other role is refused. Other specs assume UTC, so the zone is put back.

const savedZone = () =>
  withDb(async (c) => (await c.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'timeZone'`)).rows[0]?.value ?? null);

test.afterAll(async () => {
  // Only if the test failed half-way: leave the installation as the other specs expect it.
  await withDb((c) => c.query(`UPDATE "Setting" SET value = '"UTC"'::jsonb WHERE key = 'timeZone' AND value <> '"UTC"'::jsonb`));
});

test("an admin sets the organisation's time zone; it is saved and audited", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
  await expect(page).toHaveURL(/\/settings\/organisation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisation");

  const zone = page.getByLabel("Time zone");
  await zone.selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "time zone" })).toContainText("Europe/Berlin");
  expect(await savedZone()).toBe("Europe/Berlin");
  const audit = await withDb(
    async (c) =>
      (
        await c.query<{ after: { timeZone: string } }>(
          `SELECT after FROM "AuditLogEntry" WHERE action = 'setting.updated' AND "entityId" = 'timeZone' ORDER BY seq DESC LIMIT 1`,
        )
      ).rows[0],
  );
  expect(audit?.after).toEqual({ timeZone: "Europe/Berlin" });

  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "time zone" })).toContainText("UTC");
  expect(await savedZone()).toBe("UTC");
});

test("a compliance lead is refused the organisation settings (403)", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectNotAllowed(page, "/settings/organisation");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" })).toHaveCount(0);
});
