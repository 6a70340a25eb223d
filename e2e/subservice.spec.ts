import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { apiSessionAs, signInAs, withDb } from "./support";

// Sub-service organisations (docs/subservice-organisations.md): a compliance lead scopes a vendor as a carve-out,
// records the CUECs its SOC 2 report lists, links one to a control, and the other shows as a
// readiness finding for the current period. Every step is in the audit log.

const tag = () => randomBytes(4).toString("hex");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a lead marks a vendor as a carve-out, adds two CUECs, links one, and sees the other as a readiness finding", async ({ page }) => {
  const t = tag();
  const name = `Carve-out spec ${t}`;
  const periodName = `Subservice spec ${t}`;
  const linkedText = `User entities review access to their API keys quarterly (${t}).`;
  const openText = `User entities review model outputs before acting on them (${t}).`;
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  let vendorId: string;
  try {
    const created = await lead.post("/api/v1/vendors", { data: { name } });
    expect(created.status(), await created.text()).toBe(201);
    vendorId = ((await created.json()) as { id: string }).id;
    // The current period: the one containing today with the latest start (a day back, whatever the organisation's time zone).
    const period = await lead.post("/api/v1/periods", {
      data: { name: periodName, type: "TYPE_II", start: day(-1), end: day(90), categories: ["SECURITY"] },
    });
    expect(period.status(), await period.text()).toBe(201);
  } finally {
    await lead.dispose();
  }

  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto(`/vendors/${vendorId}`);
  await expect(page.locator('[data-field="scope"]')).toHaveText("Vendor");
  // Not a carve-out yet: no CUEC form, and the page says why.
  await expect(page.getByRole("form", { name: "Add a CUEC" })).toHaveCount(0);
  await expect(page.getByText("Only a carve-out sub-service organisation's report lists CUECs")).toBeVisible();

  // Scope it by keyboard: the radio group and the button are reachable without a mouse.
  const scope = page.getByRole("form", { name: "Scope" });
  await scope.getByRole("radio", { name: "Sub-service organisation, carve-out method" }).focus();
  await page.keyboard.press("Space");
  await scope.getByRole("button", { name: "Save scope" }).focus();
  await page.keyboard.press("Enter");
  await expect(scope.locator(".alert.success[role=status]")).toHaveText(
    `${name} is scoped as: Sub-service organisation, carve-out method.`,
  );
  await expect(page.locator('[data-field="scope"]')).toHaveText("Sub-service organisation, carve-out method");

  const add = page.getByRole("form", { name: "Add a CUEC" });
  await expect(page.getByText("No CUEC recorded yet")).toBeVisible();
  // An empty CUEC is refused with a message on the field, and nothing is added.
  await add.getByRole("button", { name: "Add CUEC" }).click();
  await expect(add.locator(".alert.error[role=alert]")).toHaveText("Give the CUEC as its report words it.");
  await expect(add.locator("#cuec-text-error")).toHaveText("Give the CUEC as its report words it.");
  await expect(add.getByLabel("CUEC", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("table", { name: "CUECs" })).toHaveCount(0);

  for (const text of [linkedText, openText]) {
    await add.getByLabel("CUEC", { exact: true }).fill(text);
    await add.getByRole("button", { name: "Add CUEC" }).click();
    await expect(add.locator(".alert.success[role=status]")).toHaveText("Added the CUEC; no control addresses it yet.");
    await expect(page.getByRole("table", { name: "CUECs" }).getByRole("cell", { name: text })).toBeVisible();
    await expect(add.getByLabel("CUEC", { exact: true })).toHaveValue(""); // the form is ready for the next one
  }

  // Link the first to the control that addresses it.
  const link = page.getByRole("form", { name: "Control for CUEC 1" });
  await link.getByLabel("Control for CUEC 1").selectOption("AI-SEC-05");
  await link.getByRole("button", { name: "Save control" }).click();
  await expect(link.locator(".alert.success[role=status]")).toHaveText("The CUEC is addressed by AI-SEC-05.");

  // Readiness for the current period: the unlinked CUEC is a finding, linking to the vendor; the linked one is not.
  await page.goto("/readiness");
  const check = page.locator('[data-further-check="subservice-cuec"]');
  await expect(check).toContainText(`Period: ${periodName}`);
  await expect(check.getByTestId("check-state")).toContainText("finding");
  const finding = check.getByRole("link", { name: `${name}: “${openText}”: no control addresses it; link the control that addresses it` });
  await expect(finding).toHaveAttribute("href", `/vendors/${vendorId}#cuecs`);
  await expect(check.getByRole("link", { name: new RegExp(linkedText.replace(/[.()]/g, "\\$&")) })).toHaveCount(0);
  // The vendor has no SOC 2 report yet: the other sub-service check names it too.
  await expect(
    page
      .locator('[data-further-check="subservice-report"]')
      .getByRole("link", { name: new RegExp(`^${name}: no SOC 2 Type II report on file`) }),
  ).toHaveAttribute("href", `/vendors/${vendorId}#soc2-reports`);

  // Following the finding leads to the CUEC, whose control can be chosen there.
  await finding.click();
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendorId}#cuecs$`));
  await expect(page.getByRole("form", { name: "Control for CUEC 2" }).getByLabel("Control for CUEC 2")).toHaveValue("");

  // Each step is one audit entry on the vendor, in order.
  const actions = await withDb(async (c) =>
    (
      await c.query<{ action: string }>(
        `SELECT action FROM "AuditLogEntry" WHERE "entityType" = 'Vendor' AND "entityId" = $1 ORDER BY seq`,
        [vendorId],
      )
    ).rows.map((r) => r.action),
  );
  expect(actions).toEqual(["vendor.created", "vendor.scope-updated", "vendor.cuec-added", "vendor.cuec-added", "vendor.cuec-updated"]);
});

// What the API refuses (a CUEC on a vendor that is not a carve-out, a method without a sub-service
// organisation) is a service rule: lib/vendors/subservice.int.test.ts.
