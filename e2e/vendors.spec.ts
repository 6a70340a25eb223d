import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { multipartBody } from "./evidence-support";
import { PARAM_VALUES } from "./endpoints";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, formError, formStatus, signInAs, withDb } from "./support";
import { expectNotAllowed } from "./support/refusal";

// Vendor due diligence: the package of each vendor (evidence with validity dates), its annual
// review, its dependent features' fallbacks, and the readiness checks it feeds (on /readiness and
// on the dashboard). Only compliance leads and admins change any of it.

const tag = () => randomBytes(4).toString("hex");
const UUID = /\/vendors\/([0-9a-f-]{36})$/;

async function createFeatureUsing(lead: APIRequestContext, vendor: string, slug: string) {
  const res = await lead.post("/api/v1/features", {
    data: {
      slug,
      name: `Vendor spec ${slug}`,
      owner: "Vendor spec",
      purpose: "Drafts replies.",
      inputData: ["INTERNAL"],
      outputs: "A draft.",
      invokers: ["STAFF"],
      failureImpact: "LOW",
      vendors: [{ vendor, model: "spec-model" }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function uploadPackageItem(
  api: APIRequestContext,
  vendorId: string,
  kind: string,
  validity: { validFrom?: string; validUntil?: string },
): Promise<{ status: number; body: { id?: string; error?: { message: string } } }> {
  const { body, contentType } = multipartBody(
    { title: `${kind} ${tag()}`, effectiveDate: "2026-01-15", ...validity, ...({ vendor: vendorId, vendorItem: kind } as object) },
    { name: `${kind.toLowerCase()}.txt`, bytes: Buffer.from(`${kind} ${tag()}\n`), type: "text/plain" },
  );
  const res = await api.post("/api/v1/evidence", { data: body, headers: { "Content-Type": contentType, Connection: "close" } });
  return { status: res.status(), body: await res.json() };
}

/** Accepted by an admin: the lead uploaded it, and nobody reviews their own evidence (segregation of duties). */
async function accept(evidenceId: string) {
  const admin = await apiSessionAs("ADMIN");
  const res = await admin.post(`/api/v1/evidence/${evidenceId}/review`, { data: { decision: "accept" } });
  expect(res.status(), await res.text()).toBe(200);
  await admin.dispose();
}

const badge = (page: Page, kind: string) => page.locator(`tr[data-kind="${kind}"] [data-kind="${kind}"]`);

test("a lead creates a vendor, uploads its DPA from the vendor page, an admin accepts it and the package changes", async ({ page }) => {
  const t = tag();
  const name = `Spec vendor ${t}`;
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto("/vendors");
    await page.getByRole("link", { name: "New vendor" }).click();
    const form = page.getByRole("form", { name: "New vendor" });
    await form.getByLabel("Name").fill(name);
    await form.getByRole("group", { name: "Zero retention of prompts and outputs?" }).getByLabel("Yes").check();
    await form.getByRole("group", { name: "Opted out of training on our data?" }).getByLabel("Yes").check();
    await form.getByLabel("Data region").fill("EU (Frankfurt)");
    await form.getByLabel("Security contact").fill(`security-${t}@vendor.example`);
    await form.getByLabel("Incident notification commitment").fill("Within 72 hours, by e-mail.");
    await form.getByRole("button", { name: "Create vendor" }).click();
    await expect(page).toHaveURL(UUID, { timeout: 30_000 });
    const vendorId = UUID.exec(page.url())![1];
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(badge(page, "DPA")).toHaveText("DPA: Missing");
    await expect(page.locator("[data-package-state]")).toHaveText("Incomplete");
    await expect(page.locator('[data-field="dpaTerms"]')).toHaveText("Zero retention: yes; training opt-out: yes; region: EU (Frankfurt)");

    // A feature that depends on it: its fallback strategy is edited from the vendor page.
    const slug = `vendor-spec-${t}`;
    await createFeatureUsing(lead, name, slug);
    await page.reload();
    const feature = page.locator(`[data-feature="${slug}"]`);
    await expect(feature).toContainText("model: spec-model");
    await feature.getByLabel(`Fallback strategy for Vendor spec ${slug}`).fill("Route to the secondary provider.");
    await feature.getByRole("button", { name: "Save fallback" }).click();
    await expect(feature.getByRole("status")).toHaveText(`Saved the fallback strategy of ${slug}.`);
    const fallback = await withDb(
      async (c) =>
        (
          await c.query(
            `SELECT fv."fallbackStrategy" FROM "FeatureVendor" fv JOIN "Feature" f ON f.id = fv."featureId" WHERE f.slug = $1 AND fv."vendorId" = $2`,
            [slug, vendorId],
          )
        ).rows[0],
    );
    expect(fallback.fallbackStrategy).toBe("Route to the secondary provider.");

    // The DPA, uploaded through the vendor page: the upload form is preset with the vendor, the kind and AI-CONF-02.
    await page.getByRole("link", { name: `Upload DPA for ${name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/evidence/upload\\?vendor=${vendorId}&vendorItem=DPA$`));
    await expect(page.locator('[data-vendor-item="DPA"]')).toContainText(name);
    const upload = page.getByRole("form", { name: "Upload evidence" });
    await expect(upload.getByLabel("Control")).toHaveValue("AI-CONF-02");
    await upload
      .getByLabel("Choose files")
      .setInputFiles({ name: `dpa-${t}.txt`, mimeType: "text/plain", buffer: Buffer.from(`DPA ${t}\n`) });
    await expect(upload.locator(`[data-file="dpa-${t}.txt"]`)).toBeVisible();
    // The signing date is required for a DPA.
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(upload.getByText("Give the signed on date.")).toBeVisible();
    await upload.getByLabel("Signed on").fill("2025-06-01");
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(upload.locator(`[data-file="dpa-${t}.txt"]`).getByRole("status")).toContainText("Uploaded as", { timeout: 60_000 });

    const filed = await withDb(
      async (c) =>
        (
          await c.query<{ evidence: string; validFrom: string; code: string; actions: string[] }>(
            `SELECT e.id AS evidence, to_char(e."validFrom", 'YYYY-MM-DD') AS "validFrom", c.code,
                    ARRAY(SELECT a.action FROM "AuditLogEntry" a WHERE a."entityId" IN (e.id::text, i."vendorId"::text) AND a.action IN ('evidence.created', 'vendor.package-item.added') ORDER BY a.seq) AS actions
             FROM "VendorPackageItem" i JOIN "Evidence" e ON e.id = i."evidenceId" JOIN "Control" c ON c.id = e."controlId"
             WHERE i."vendorId" = $1 AND i.kind = 'DPA'`,
            [vendorId],
          )
        ).rows,
    );
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({
      validFrom: "2025-06-01",
      code: "AI-CONF-02",
      actions: ["evidence.created", "vendor.package-item.added"],
    });

    await page.goto(`/vendors/${vendorId}`);
    await expect(badge(page, "DPA")).toHaveText("DPA: Awaiting review");
    await accept(filed[0].evidence);
    await page.reload();
    await expect(badge(page, "DPA")).toHaveText("DPA: Present");
    await expect(page.locator('tr[data-kind="DPA"]').getByRole("link", { name: `dpa ${t}` })).toHaveAttribute(
      "href",
      `/evidence/${filed[0].evidence}`,
    );

    // A new vendor is not reviewed yet (not "overdue"); recorded today, the next review is due in a year.
    await expect(page.locator("[data-review]")).toHaveAttribute("data-review", "not-reviewed");
    await page.getByRole("form", { name: "Record review" }).getByRole("button", { name: "Record review" }).click();
    await expect(formStatus(page)).toContainText(`Recorded the review of ${name}`);
    await expect(page.locator("[data-review]")).toHaveAttribute("data-review", "current");

    // The vendor table: one badge per kind, in words.
    await page.goto("/vendors");
    const row = page.locator(`tr[data-vendor="${name}"]`);
    await expect(row.locator('[data-kind="DPA"]')).toHaveText("DPA: Present");
    await expect(row.locator('[data-kind="SOC2_REPORT"]')).toHaveText("SOC 2: Missing");
    await expect(row.locator("[data-overdue]")).toHaveCount(0);
    await expect(row.locator("[data-package-state]")).toHaveText("Incomplete");
    await page.goto("/vendors?filter=overdue");
    await expect(page.locator(`tr[data-vendor="${name}"]`)).toHaveCount(0);
    await page.goto("/vendors?filter=incomplete");
    await expect(page.locator(`tr[data-vendor="${name}"]`)).toHaveCount(1);

    // Every write is in the audit log, as the lead.
    const audited = await withDb(
      async (c) =>
        (
          await c.query<{ action: string; actorEmail: string }>(
            `SELECT action, "actorEmail" FROM "AuditLogEntry" WHERE "entityType" = 'Vendor' AND "entityId" = $1 ORDER BY seq`,
            [vendorId],
          )
        ).rows,
    );
    expect(audited.map((a) => a.action)).toEqual([
      "vendor.created",
      "vendor.fallback-updated",
      "vendor.package-item.added",
      "vendor.reviewed",
    ]);
    expect(new Set(audited.map((a) => a.actorEmail))).toEqual(new Set([ACCOUNTS.COMPLIANCE_LEAD.email]));

    // The API says the same.
    const json = await (await lead.get(`/api/v1/vendors/${vendorId}`)).json();
    expect(json.package.items.DPA).toBe("PRESENT");
    expect(json.package.review.overdue).toBe(false);
    expect(json.features).toEqual([
      { slug, name: `Vendor spec ${slug}`, status: "ACTIVE", model: "spec-model", fallbackStrategy: "Route to the secondary provider." },
    ]);
  } finally {
    await lead.dispose();
  }
});

async function dashboardCount(page: Page, id: string): Promise<number> {
  await page.goto("/dashboard");
  const entry = page.locator(`[data-readiness="${id}"]`);
  await expect(entry.getByRole("link")).toHaveAttribute("href", `/readiness#${id}`);
  const text = await entry.textContent();
  return /Passes|Nothing recorded yet/.test(text ?? "") ? 0 : Number(/(\d+) findings?/.exec(text ?? "")![1]);
}

test("an expired DPA and an overdue review show in the readiness checks and on the dashboard, and drop off when fixed", async ({
  page,
}) => {
  const t = tag();
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const expired = (await (await lead.post("/api/v1/vendors", { data: { name: `Expired DPA ${t}`, dataRegion: "US" } })).json()) as {
      id: string;
    };
    const overdue = (await (await lead.post("/api/v1/vendors", { data: { name: `Overdue review ${t}` } })).json()) as { id: string };
    await createFeatureUsing(lead, `Expired DPA ${t}`, `expired-dpa-${t}`);
    await createFeatureUsing(lead, `Overdue review ${t}`, `overdue-review-${t}`);
    const old = await uploadPackageItem(lead, expired.id, "DPA", { validFrom: "2023-01-01", validUntil: "2025-01-01" });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    await accept(old.body.id!);

    await signInAs(page, "COMPLIANCE_LEAD");
    const dpaBefore = await dashboardCount(page, "vendor-dpa");
    const reviewBefore = await dashboardCount(page, "vendor-review");
    expect(dpaBefore).toBeGreaterThanOrEqual(1);
    expect(reviewBefore).toBeGreaterThanOrEqual(2); // both new vendors were never reviewed

    await page.goto("/readiness");
    const dpaCheck = page.locator('[data-check="vendor-dpa"]');
    await expect(
      dpaCheck.getByRole("link", { name: new RegExp(`^Expired DPA ${t} \\(used by Vendor spec expired-dpa-${t}\\)`) }),
    ).toHaveAttribute("href", `/vendors/${expired.id}`);
    const reviewCheck = page.locator('[data-further-check="vendor-review"]');
    await expect(reviewCheck.getByRole("link", { name: new RegExp(`^Overdue review ${t} \\(not reviewed yet`) })).toHaveAttribute(
      "href",
      `/vendors/${overdue.id}`,
    );
    await page.goto(`/vendors/${expired.id}`);
    await expect(badge(page, "DPA")).toHaveText("DPA: Expired");

    // Fixed: a current DPA, accepted; the overdue vendor's review recorded.
    const current = await uploadPackageItem(lead, expired.id, "DPA", { validFrom: "2025-01-02" });
    expect(current.status, JSON.stringify(current.body)).toBe(201);
    await accept(current.body.id!);
    await page.goto(`/vendors/${overdue.id}`);
    await page.getByRole("form", { name: "Record review" }).getByRole("button", { name: "Record review" }).click();
    await expect(formStatus(page)).toContainText("Recorded the review");

    await page.goto("/readiness");
    await expect(page.locator('[data-further-check="vendor-review"]')).toBeVisible();
    await expect(dpaCheck.getByRole("link", { name: new RegExp(`Expired DPA ${t}`) })).toHaveCount(0);
    await expect(reviewCheck.getByRole("link", { name: new RegExp(`Overdue review ${t}`) })).toHaveCount(0);
    expect(await dashboardCount(page, "vendor-dpa")).toBe(dpaBefore - 1);
    expect(await dashboardCount(page, "vendor-review")).toBe(reviewBefore - 1); // the expired-DPA vendor is still unreviewed
  } finally {
    await lead.dispose();
  }
});

for (const role of ["ENGINEER", "AUDITOR"] as const) {
  test(`${role.toLowerCase()}: the vendor pages are read-only and the API refuses every change`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto("/vendors");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vendors");
    await expect(page.getByRole("link", { name: "New vendor" })).toHaveCount(0);
    await page.goto(`/vendors/${PARAM_VALUES.vendorId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fixture vendor");
    await expect(page.locator('[data-feature="fixture-vendor-feature"]')).toContainText("Fallback strategy:");
    await expect(page.locator("form")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Upload / })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit vendor" })).toHaveCount(0);
    await expectNotAllowed(page, `/vendors/${PARAM_VALUES.vendorId}/edit`);

    const api = await apiSessionAs(role);
    try {
      const evidence = await withDb(
        async (c) =>
          (await c.query<{ id: string }>(`SELECT id FROM "Evidence" WHERE status IN ('SUBMITTED', 'ACCEPTED') LIMIT 1`)).rows[0].id,
      );
      const before = await databaseFingerprint();
      const calls = [
        api.post("/api/v1/vendors", { data: { name: `Refused ${tag()}` } }),
        api.patch(`/api/v1/vendors/${PARAM_VALUES.vendorId}`, { data: { notes: "refused" } }),
        api.post(`/api/v1/vendors/${PARAM_VALUES.vendorId}/package`, { data: { kind: "DPA", evidence } }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status()).toBe(403);
        expect((await res.json()).error.code).toBe("FORBIDDEN");
      }
      if (role === "ENGINEER") {
        // Engineers upload evidence, but not into a vendor's package.
        const upload = await uploadPackageItem(api, PARAM_VALUES.vendorId, "DATA_HANDLING_TERMS", {});
        expect(upload.status).toBe(403);
      }
      expect(await databaseFingerprint()).toBe(before);
    } finally {
      await api.dispose();
    }
  });
}

test("bad input is refused with a message and writes nothing", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto(`/vendors/${PARAM_VALUES.vendorId}`);
    const review = page.getByRole("form", { name: "Record review" });
    await expect(review.getByLabel("Reviewed on")).toBeVisible();
    let before = await databaseFingerprint();
    await review.getByLabel("Reviewed on").fill("2999-01-01");
    await review.getByRole("button", { name: "Record review" }).click();
    await expect(formError(page)).toContainText("is in the future");
    expect(await databaseFingerprint()).toBe(before);

    const evidence = await withDb(
      async (c) =>
        (await c.query<{ id: string }>(`SELECT id FROM "Evidence" WHERE status IN ('SUBMITTED', 'ACCEPTED') LIMIT 1`)).rows[0].id,
    );
    before = await databaseFingerprint();
    const unknownKind = await lead.post(`/api/v1/vendors/${PARAM_VALUES.vendorId}/package`, { data: { kind: "PENTEST", evidence } });
    expect(unknownKind.status()).toBe(400);
    expect((await unknownKind.json()).error.message).toContain("kind is one of SOC2_REPORT");
    const unknownEvidence = await lead.post(`/api/v1/vendors/${PARAM_VALUES.vendorId}/package`, {
      data: { kind: "DPA", evidence: "00000000-0000-4000-8000-00000000dead" },
    });
    expect(unknownEvidence.status()).toBe(404);
    expect((await unknownEvidence.json()).error.message).toContain("There is no evidence");
    const uploadKind = await uploadPackageItem(lead, PARAM_VALUES.vendorId, "PENTEST", {});
    expect(uploadKind.status).toBe(400);
    expect(uploadKind.body.error?.message).toContain("kind is one of");
    const soc2WithoutPeriod = await uploadPackageItem(lead, PARAM_VALUES.vendorId, "SOC2_REPORT", { validUntil: "2025-12-31" });
    expect(soc2WithoutPeriod.status).toBe(400);
    expect(soc2WithoutPeriod.body.error?.message).toContain("the period it covers");
    const duplicateName = await lead.post("/api/v1/vendors", { data: { name: "FIXTURE VENDOR" } });
    expect(duplicateName.status()).toBe(409);
    expect(await databaseFingerprint()).toBe(before);
  } finally {
    await lead.dispose();
  }
});
