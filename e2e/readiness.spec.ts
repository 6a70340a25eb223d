import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { apiSessionAs, signInAs } from "./support";

// Readiness checks: the guide's common findings computed from the data. A change without ticket or
// approval, prompt logs without retention and fine-tuning without a manifest each show up with a
// link to what fixes them, and fixing one removes it.

const tag = () => randomBytes(4).toString("hex");

function feature(slug: string, overrides: Record<string, unknown>) {
  return {
    slug,
    name: `Readiness ${slug}`,
    owner: "Readiness spec",
    purpose: "Drafts replies to support tickets.",
    inputData: ["INTERNAL"],
    outputs: "A draft reply.",
    invokers: ["STAFF"],
    failureImpact: "LOW",
    ...overrides,
  };
}

test("the readiness page lists what triggers each finding and drops it once fixed", async ({ page }) => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  try {
    const logs = `logs-${tag()}`;
    const tuned = `tuned-${tag()}`;
    const changeTitle = `Readiness prompt tweak ${tag()}`;
    for (const data of [feature(logs, { logsPrompts: true }), feature(tuned, { usesTrainingData: true })]) {
      const res = await lead.post("/api/v1/features", { data });
      expect(res.status(), await res.text()).toBe(201);
    }
    const mergedAt = new Date(Date.now() - 60_000).toISOString();
    const change = await lead.post("/api/v1/changes", {
      data: { kind: "PROMPT_CHANGE", feature: logs, title: changeTitle, commitSha: randomBytes(20).toString("hex"), mergedAt },
    });
    expect(change.status(), await change.text()).toBe(201);

    await signInAs(page, "AUDITOR");
    await page.goto("/readiness");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Readiness");
    await expect(page.locator("[data-check]")).toHaveCount(7);

    const approval = page.locator('[data-check="change-approval"]');
    const day = mergedAt.slice(0, 10);
    await expect(approval.getByRole("link", { name: new RegExp(`${changeTitle}.*no ticket, no approval`) })).toHaveAttribute(
      "href",
      `/changes?from=${day}&to=${day}`,
    );
    await expect(approval.getByRole("link", { name: "Open the changes" })).toHaveAttribute("href", "/changes");

    const evaluation = page.locator('[data-check="change-evaluation"]');
    await expect(evaluation.getByRole("link", { name: new RegExp(changeTitle) })).toBeVisible();
    await expect(evaluation.getByRole("link", { name: "Open the uncovered changes" })).toHaveAttribute("href", "/changes?covered=false");

    const retention = page.locator('[data-check="prompt-log-retention"]');
    await expect(retention.getByRole("link", { name: `Readiness ${logs}` })).toHaveAttribute("href", `/inventory/${logs}/edit`);
    await expect(retention.getByTestId("check-state")).toContainText(/\d+ findings?/);

    const manifest = page.locator('[data-check="dataset-manifest"]');
    await expect(manifest.getByRole("link", { name: `Readiness ${tuned}` })).toHaveAttribute("href", `/inventory/${tuned}`);
    await expect(manifest.getByRole("link", { name: "Upload a dataset manifest" })).toHaveAttribute(
      "href",
      "/evidence/upload?control=AI-SEC-02",
    );
    // The feature without prompt logs is not a retention finding, nor the other way round.
    await expect(retention.getByRole("link", { name: `Readiness ${tuned}` })).toHaveCount(0);
    await expect(manifest.getByRole("link", { name: `Readiness ${logs}` })).toHaveCount(0);

    const patched = await lead.patch(`/api/v1/features/${logs}`, { data: { promptLogRetention: "30 days, then deleted" } });
    expect(patched.status(), await patched.text()).toBe(200);
    await page.reload();
    await expect(retention.getByRole("link", { name: `Readiness ${logs}` })).toHaveCount(0);
    await expect(manifest.getByRole("link", { name: `Readiness ${tuned}` })).toBeVisible();
  } finally {
    await lead.dispose();
  }
});
