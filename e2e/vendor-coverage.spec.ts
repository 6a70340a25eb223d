import { expect, test } from "./fixtures";
import { apiSessionAs, signInAs } from "./support";
import { tag, upload } from "./evidence-support";

// Issue 11, item 4: a vendor's document covers that vendor only. Through the API: two vendors used
// by one feature in a period's scope, a DPA for each with a gap in one, and a SOC 2 report that
// counts for no control; GET /api/v1/periods/{id}/coverage names the vendor that is missing.

test("AI-CONF-02 is covered per vendor in use, and the missing days name the vendor", async ({ page }) => {
  const t = tag();
  const admin = await apiSessionAs("ADMIN"); // uploads (vendors:write files package items)
  const lead = await apiSessionAs("COMPLIANCE_LEAD"); // reviews what another uploaded
  try {
    const [a, b] = [`Coverage vendor A ${t}`, `Coverage vendor B ${t}`];
    const ids: Record<string, string> = {};
    for (const name of [a, b]) {
      const res = await lead.post("/api/v1/vendors", { data: { name } });
      expect(res.status(), await res.text()).toBe(201);
      ids[name] = (await res.json()).id;
    }
    const slug = `vendor-coverage-${t}`;
    const feature = await lead.post("/api/v1/features", {
      data: {
        slug,
        name: `Vendor coverage ${t}`,
        owner: "Vendor coverage spec",
        purpose: "Answers questions.",
        inputData: ["CUSTOMER_CONFIDENTIAL"],
        outputs: "An answer.",
        invokers: ["END_USERS"],
        failureImpact: "LOW",
        vendors: [{ vendor: a }, { vendor: b }],
      },
    });
    expect(feature.status(), await feature.text()).toBe(201);

    const file = async (vendor: string, kind: string, fields: Record<string, string>) => {
      const res = await upload(
        admin,
        { title: `${kind} ${vendor}`, effectiveDate: "2025-12-01", ...fields, ...({ vendor: ids[vendor], vendorItem: kind } as object) },
        { name: `${kind.toLowerCase()}.txt`, bytes: Buffer.from(`${kind} ${vendor} ${tag()}\n`) },
      );
      expect(res.status(), await res.text()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      const reviewed = await lead.post(`/api/v1/evidence/${id}/review`, { data: { decision: "accept" } });
      expect(reviewed.status(), await reviewed.text()).toBe(200);
      return id;
    };
    const dpaA = await file(a, "DPA", { validFrom: "2025-06-01" });
    const dpaB = await file(b, "DPA", { validFrom: "2025-12-01", validUntil: "2026-03-31" });
    // B's SOC 2 report, filed under AI-CONF-02 (the default) and under AI-AVL-01: it counts for neither.
    const soc2 = await file(b, "SOC2_REPORT", { validFrom: "2025-01-01", validUntil: "2026-12-31" });
    const soc2Avl = await file(b, "SOC2_REPORT", { control: "AI-AVL-01", validFrom: "2025-01-01", validUntil: "2026-12-31" });

    const created = await lead.post("/api/v1/periods", {
      data: {
        name: `Vendor coverage ${t}`,
        type: "TYPE_II",
        start: "2026-01-01",
        end: "2026-06-30",
        categories: ["SECURITY", "AVAILABILITY", "CONFIDENTIALITY"],
        features: [slug],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const period = (await created.json()) as { id: string };

    const res = await lead.get(`/api/v1/periods/${period.id}/coverage`);
    expect(res.status()).toBe(200);
    const coverage = (await res.json()) as {
      items: {
        control: string;
        expected: number;
        covered: number;
        slots: { state: string; evidence: string[]; missingVendors?: string[] }[];
      }[];
    };
    const item = (code: string) => coverage.items.find((i) => i.control === code)!;
    const conf = item("AI-CONF-02");
    expect(conf.slots).toEqual([
      { start: "2026-01-01", end: "2026-03-31", state: "COVERED", evidence: [dpaA, dpaB].sort() },
      { start: "2026-04-01", end: "2026-06-30", state: "MISSING", evidence: [], missingVendors: [b] },
    ]);
    expect([conf.expected, conf.covered]).toEqual([181, 90]);
    expect(conf.slots.flatMap((s) => s.evidence)).not.toContain(soc2);
    expect(item("AI-AVL-01").slots.flatMap((s) => s.evidence)).not.toContain(soc2Avl);

    // The period page: the heatmap cell, its detail and the slot list name the missing vendor.
    await signInAs(page, "COMPLIANCE_LEAD");
    await page.goto(`/periods/${period.id}`);
    const heatmap = page.getByRole("table", { name: "Coverage heatmap" });
    await heatmap.getByRole("button", { name: `AI-CONF-02, 2026-04-01 to 2026-06-30: missing for ${b}`, exact: true }).click();
    const detail = page.getByRole("dialog", { name: "AI-CONF-02, 2026-04-01 to 2026-06-30" });
    await expect(detail.getByTestId("slot-missing-vendors").getByRole("listitem")).toHaveText([b]);
    await page.keyboard.press("Escape");
    await expect(page.locator(`[data-missing-vendors="${b}"]`)).toHaveText(`Missing for ${b}`);
  } finally {
    await admin.dispose();
    await lead.dispose();
  }
});
