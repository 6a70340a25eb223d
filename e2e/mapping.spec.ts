import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { apiSessionAs, databaseFingerprint, formError, formStatus, signInAs, withDb } from "./support";

// Features made here sort first ("000 …") so they are on the matrix's first page.
async function createFeature(flags: { logsPrompts?: boolean } = {}) {
  const tag = randomBytes(3).toString("hex");
  const slug = `mapping-spec-${tag}`;
  await withDb((c) =>
    c.query(
      `INSERT INTO "Feature" (id, slug, name, owner, purpose, "inputData", outputs, invokers, "failureImpact", "logsPrompts", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'Mapping team', 'Answers staff questions.', '{INTERNAL}'::"DataCategory"[],
               'Answers in chat.', '{STAFF}'::"Invoker"[], 'LOW', $3, now())`,
      [slug, `000 Mapping spec ${tag}`, flags.logsPrompts ?? false],
    ),
  );
  return { slug, name: `000 Mapping spec ${tag}` };
}

const mappingRow = (slug: string, code: string) =>
  withDb(async (c) => {
    const { rows } = await c.query(
      `SELECT fc.applies, fc.justification FROM "FeatureControl" fc JOIN "Feature" f ON f.id = fc."featureId"
       JOIN "Control" ct ON ct.id = fc."controlId" WHERE f.slug = $1 AND ct.code = $2`,
      [slug, code],
    );
    return rows[0] ?? null;
  });

test.describe("PUT /api/v1/features/{slug}/controls/{code}", () => {
  test("does not apply needs a justification; with one it is saved, suggested and audited", async () => {
    const { slug } = await createFeature({ logsPrompts: true });
    const lead = await apiSessionAs("COMPLIANCE_LEAD");
    const refused = await lead.put(`/api/v1/features/${slug}/controls/AI-SEC-04`, { data: { applies: false } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toContain("justification");
    expect(await mappingRow(slug, "AI-SEC-04")).toBeNull();

    const saved = await lead.put(`/api/v1/features/${slug}/controls/AI-SEC-04`, {
      data: { applies: false, justification: "Prompt logs hold no customer data." },
    });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({
      feature: slug,
      control: "AI-SEC-04",
      applies: false,
      justification: "Prompt logs hold no customer data.",
      suggested: true,
    });
    expect(await mappingRow(slug, "AI-SEC-04")).toEqual({ applies: false, justification: "Prompt logs hold no customer data." });
    const audit = await withDb(
      async (c) => (await c.query(`SELECT after FROM "AuditLogEntry" WHERE "entityId" = $1`, [`${slug}:AI-SEC-04`])).rows,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ feature: slug, control: "AI-SEC-04", applies: false });

    const applies = await lead.put(`/api/v1/features/${slug}/controls/AI-SEC-04`, { data: { applies: true } });
    expect(applies.status()).toBe(200);
    expect(await mappingRow(slug, "AI-SEC-04")).toEqual({ applies: true, justification: null });
    await lead.dispose();
  });

  test("unknown feature or control is 404; an auditor or engineer is refused and nothing changes", async () => {
    const { slug } = await createFeature();
    const lead = await apiSessionAs("COMPLIANCE_LEAD");
    expect((await lead.put(`/api/v1/features/no-such-feature/controls/AI-SEC-01`, { data: { applies: true } })).status()).toBe(404);
    expect((await lead.put(`/api/v1/features/${slug}/controls/AI-NOPE-99`, { data: { applies: true } })).status()).toBe(404);
    expect((await lead.put(`/api/v1/features/${slug}/controls/AI-SEC-01`, { data: { applies: "yes" } })).status()).toBe(400);
    await lead.dispose();
    for (const role of ["AUDITOR", "ENGINEER"] as const) {
      const api = await apiSessionAs(role);
      const before = await databaseFingerprint();
      const res = await api.put(`/api/v1/features/${slug}/controls/AI-SEC-01`, { data: { applies: true } });
      expect(res.status()).toBe(403);
      expect(await databaseFingerprint()).toBe(before);
      await api.dispose();
    }
  });
});

test.describe("mapping matrix", () => {
  test("shows suggestions, and bulk-applies a category to selected features (refused without a justification)", async ({ page }) => {
    const a = await createFeature({ logsPrompts: true });
    const b = await createFeature();
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto("/mapping");
    const rowA = page.locator(`tr[data-slug="${a.slug}"]`);
    await expect(rowA.locator('td[data-control="AI-SEC-04"]')).toHaveAttribute("data-state", "suggested");
    await expect(page.locator(`tr[data-slug="${b.slug}"] td[data-control="AI-SEC-04"]`)).toHaveAttribute("data-state", "none");

    await page.getByLabel(`Select ${a.name}`).check();
    await page.getByLabel(`Select ${b.name}`).check();
    await page.getByLabel("Category").selectOption("PRIVACY");
    await page.getByLabel("Decision").selectOption("not-applicable");
    await page.getByRole("button", { name: "Apply to selected features" }).click();
    await expect(formError(page)).toContainText("justification");
    expect(await mappingRow(a.slug, "AI-PRIV-01")).toBeNull();

    await page.getByLabel("Justification (when they do not apply)").fill("Internal tools: no personal data, no end users.");
    await page.getByRole("button", { name: "Apply to selected features" }).click();
    await expect(formStatus(page)).toContainText("8 mappings confirmed");
    await page.reload();
    for (const code of ["AI-PRIV-01", "AI-PRIV-02", "AI-PRIV-03", "AI-PRIV-04"]) {
      await expect(page.locator(`tr[data-slug="${a.slug}"] td[data-control="${code}"]`)).toHaveAttribute("data-state", "not-applicable");
      await expect(page.locator(`tr[data-slug="${b.slug}"] td[data-control="${code}"]`)).toHaveAttribute("data-state", "not-applicable");
    }
    expect(await mappingRow(b.slug, "AI-PRIV-03")).toEqual({
      applies: false,
      justification: "Internal tools: no personal data, no end users.",
    });
  });

  test("an auditor sees the matrix but no bulk form or selection", async ({ page }) => {
    await createFeature();
    await signInAs(page, "AUDITOR");
    await page.goto("/mapping");
    await expect(page.getByRole("table", { name: "Feature by control matrix" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Bulk mapping" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
  });
});
