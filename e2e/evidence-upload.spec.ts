import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ACCOUNTS, apiSessionAs, signInAs, withDb, type Role } from "./support";
import { openReviewQueueAt, PNG_BYTES, sha256, tag, tempFiles, upload } from "./evidence-support";
import { expectNotAllowed } from "./support/refusal";

// Evidence in the browser: several files at once with a progress bar each, one refused file that
// does not lose the others, byte-identical downloads, a link instead of a file; the review queue
// with its count in the navigation; versions and withdrawal; what an auditor may not do.

async function landed(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const item = (page: Page, name: string) => page.getByRole("list", { name: "Files to upload" }).locator(`li[data-file="${name}"]`);

test("an engineer uploads several files at once; a bad one is refused on its own; the rest download byte-identical", async ({ page }) => {
  test.setTimeout(180_000);
  const t = tag();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-upload-"));
  const files = [
    { name: `one-byte-${t}.bin`, bytes: randomBytes(1) },
    { name: `notes-${t}.txt`, bytes: Buffer.from(`Quarterly review notes ${t}\n`) },
    { name: `scan-${t}.bin`, bytes: randomBytes(3_000_000 + Math.floor(Math.random() * 1_000_000)) },
    { name: `big-${t}.bin`, bytes: randomBytes(50 * 1024 * 1024) },
    { name: `fake-${t}.pdf`, bytes: PNG_BYTES }, // PNG bytes named .pdf: refused alone
  ];
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  try {
    await landed(page, "ENGINEER");
    await page.goto("/controls/AI-SEC-05");
    await page.getByRole("link", { name: "Upload evidence for AI-SEC-05" }).click();
    await expect(page).toHaveURL(/\/evidence\/upload\?control=AI-SEC-05$/);
    const form = page.getByRole("form", { name: "Upload evidence" });
    await expect(form.getByLabel("Control")).toHaveValue("AI-SEC-05");
    // The effective date defaults to today and cannot be set in the future.
    const today = await form.getByLabel("Effective date").inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(form.getByLabel("Effective date")).toHaveAttribute("max", today);

    // Nothing chosen yet: the form says what is missing.
    await form.getByRole("button", { name: "Upload" }).click();
    await expect(form.getByText("Choose or drop at least one file.")).toBeVisible();

    await form.getByLabel("Choose files").setInputFiles(files.map((f) => path.join(dir, f.name)));
    for (const f of files) await expect(item(page, f.name)).toBeVisible();
    await item(page, files[1].name).getByLabel(`Title for ${files[1].name}`).fill(`Access review notes ${t}`);
    await form.getByLabel("Description").fill(`Uploaded by the browser spec ${t}.`);
    await form.getByRole("button", { name: "Upload 5 files" }).click();

    // Each file ends on its own outcome.
    for (const f of files.slice(0, 4))
      await expect(item(page, f.name).getByRole("status")).toContainText("Uploaded as", { timeout: 90_000 });
    await expect(item(page, files[4].name).getByRole("alert")).toHaveText(/named \.pdf but it is not a PDF: it contains image\/png/);

    const rows = await withDb(
      async (c) =>
        (
          await c.query<{ id: string; fileName: string; fileSha256: string; source: string; status: string; email: string }>(
            `SELECT e.id, e."fileName", e."fileSha256", e.source, e.status, u.email FROM "Evidence" e JOIN "User" u ON u.id = e."uploadedById"
             WHERE e.description = $1 ORDER BY e."fileName"`,
            [`Uploaded by the browser spec ${t}.`],
          )
        ).rows,
    );
    expect(rows.map((r) => r.fileName).sort()).toEqual(
      files
        .slice(0, 4)
        .map((f) => f.name)
        .sort(),
    );
    expect(rows.every((r) => r.source === "BROWSER" && r.status === "SUBMITTED" && r.email === ACCOUNTS.ENGINEER.email)).toBe(true);

    // Byte-identical downloads, with the SHA-256 the page showed.
    const api = await apiSessionAs("ENGINEER");
    for (const f of files.slice(0, 4)) {
      const row = rows.find((r) => r.fileName === f.name)!;
      expect(row.fileSha256).toBe(sha256(f.bytes));
      await expect(item(page, f.name).getByRole("status")).toContainText(row.fileSha256);
      const res = await api.get(`/api/v1/evidence/${row.id}/file`);
      expect(res.headers()["x-attest-sha256"]).toBe(row.fileSha256);
      expect((await res.body()).equals(f.bytes)).toBe(true);
    }
    await api.dispose();
    expect(tempFiles()).toEqual([]);

    // The refused file can be fixed and retried without touching the others.
    await item(page, files[4].name)
      .getByRole("button", { name: `Remove ${files[4].name}` })
      .click();
    await expect(item(page, files[4].name)).toHaveCount(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a progress bar shows while a large file uploads", async ({ page }) => {
  test.setTimeout(120_000);
  const t = tag();
  await landed(page, "ENGINEER");
  await page.goto("/evidence/upload?control=AI-SEC-01");
  // Slow the upload down so the bar can be seen: the request waits before it reaches the server.
  await page.route("**/api/v1/evidence", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page
    .getByLabel("Choose files")
    .setInputFiles({ name: `progress-${t}.bin`, mimeType: "application/octet-stream", buffer: randomBytes(2_000_000) });
  // The queued file is drawn by React: once it shows, the form is hydrated and Upload sends it
  // (a click before hydration would submit the bare HTML form and lose the file).
  await expect(item(page, `progress-${t}.bin`)).toBeVisible();
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("progressbar", { name: `Uploading progress-${t}.bin` })).toBeVisible();
  await expect(item(page, `progress-${t}.bin`).getByRole("status")).toContainText("Uploaded as", { timeout: 60_000 });
});

test("a link instead of a file; a future date is refused before anything is sent", async ({ page }) => {
  const t = tag();
  await landed(page, "ENGINEER");
  await page.goto("/evidence/upload");
  const form = page.getByRole("form", { name: "Upload evidence" });
  await form.getByLabel("A link instead of a file").check();
  await form.getByRole("button", { name: "Save link" }).click();
  await expect(form.getByText("Choose the control this evidence is for.")).toBeVisible();
  await expect(form.getByText("Give the URL of the evidence")).toBeVisible();
  await form.getByLabel("Control").selectOption("AI-AVL-04");
  await form.getByLabel("URL").fill(`https://grafana.example.test/d/slo-${t}`);
  await form.getByLabel("Title").fill(`SLO dashboard ${t}`);
  await form.getByLabel("Effective date").fill("2999-01-01");
  await form.getByRole("button", { name: "Save link" }).click();
  await expect(form.getByText(/cannot be in the future/)).toBeVisible();
  await form.getByLabel("Effective date").fill("2026-03-31");
  await form.getByRole("button", { name: "Save link" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved as SLO dashboard ${t}`);
  await form.getByRole("link", { name: `SLO dashboard ${t}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`SLO dashboard ${t}`);
  await expect(page.getByRole("link", { name: "Open link" })).toHaveAttribute("href", `https://grafana.example.test/d/slo-${t}`);
  await expect(page.locator("p.lede")).toContainText("effective 2026-03-31");
});

test("a compliance lead works the review queue: the navigation counts what waits; reject needs a reason", async ({ page }) => {
  const t = tag();
  const engineer = await apiSessionAs("ENGINEER");
  const ids: string[] = [];
  for (const name of ["first", "second"]) {
    const res = await upload(
      engineer,
      { control: "AI-SEC-05", title: `Queue ${name} ${t}`, effectiveDate: "2026-06-30" },
      { name: `${name}.txt`, bytes: Buffer.from(`${name} ${t}`) },
    );
    ids.push((await res.json()).id);
  }
  await engineer.dispose();
  const waiting = () =>
    withDb(
      async (c) =>
        (
          await c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "Evidence" e WHERE status = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM "Evidence" n WHERE n."supersedesId" = e.id)`,
          )
        ).rows[0].n,
    );

  await landed(page, "COMPLIANCE_LEAD");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /^Review/ })).toContainText(String(await waiting()));
  await nav.getByRole("link", { name: /^Review/ }).click();
  await expect(page).toHaveURL(/\/evidence\/review/);

  // The queue is oldest first and shared with other specs: open the page an item is on.
  const card = (id: string) => page.locator(`li[data-evidence="${id}"]`);
  const openQueueAt = (id: string) => openReviewQueueAt(page, id);
  await openQueueAt(ids[0]);
  await card(ids[0]).getByRole("button", { name: "Accept" }).click();
  // The decided item leaves the queue; the page says what happened.
  await expect(page.locator(".announcement[role=status]")).toContainText(`Accepted “Queue first ${t}”.`);
  await expect(card(ids[0])).toHaveCount(0);
  await openQueueAt(ids[1]);
  await card(ids[1]).getByRole("button", { name: "Reject…" }).click();
  await card(ids[1]).getByRole("button", { name: "Reject", exact: true }).click();
  await expect(card(ids[1]).locator(`#reason-${ids[1]}-error`)).toContainText("Say why the evidence is rejected");
  expect(await withDb(async (c) => (await c.query(`SELECT status FROM "Evidence" WHERE id = $1`, [ids[1]])).rows[0].status)).toBe(
    "SUBMITTED",
  );
  await card(ids[1]).getByLabel("Why is it rejected?").fill("The scan is from the wrong account.");
  await card(ids[1]).getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.locator(".announcement[role=status]")).toContainText(`Rejected “Queue second ${t}”.`);
  await expect(card(ids[1])).toHaveCount(0);

  const states = await withDb(
    async (c) => (await c.query(`SELECT id, status, "reviewReason" FROM "Evidence" WHERE id = ANY($1)`, [ids])).rows,
  );
  expect(states.find((s) => s.id === ids[0])).toMatchObject({ status: "ACCEPTED" });
  expect(states.find((s) => s.id === ids[1])).toMatchObject({ status: "REJECTED", reviewReason: "The scan is from the wrong account." });
  await page.reload();
  await expect(nav.getByRole("link", { name: /^Review/ })).toContainText(String(await waiting()));
});

test("a correction is a new version with history; withdrawal needs a reason; an auditor can only read and download", async ({
  page,
  browser,
}) => {
  const t = tag();
  await landed(page, "ENGINEER");
  const engineer = await apiSessionAs("ENGINEER");
  const v1 = await (
    await upload(
      engineer,
      { control: "AI-PI-04", title: `Red-team report ${t}`, effectiveDate: "2026-05-01" },
      { name: "redteam.txt", bytes: Buffer.from(`v1 ${t}`) },
    )
  ).json();
  await engineer.dispose();

  await page.goto(`/evidence/${v1.id}`);
  await page.getByRole("link", { name: "Upload a corrected version" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload a corrected version");
  await page.getByLabel("Choose a file").setInputFiles({ name: "redteam-v2.txt", mimeType: "text/plain", buffer: Buffer.from(`v2 ${t}`) });
  await page.getByRole("button", { name: "Upload" }).click();
  await item(page, "redteam-v2.txt").getByRole("link").click();
  await expect(page.locator("p.lede")).toContainText("version 2");
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await versions.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("note")).toContainText("A newer version exists");
  await expect(page.getByRole("link", { name: "Upload a corrected version" })).toHaveCount(0);

  // Withdraw version 1 (the uploader may): a reason is required; the record stays.
  await page.getByRole("button", { name: "Withdraw…" }).click();
  const withdraw = page.getByRole("form", { name: "Withdraw evidence" });
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(withdraw.locator("#withdraw-reason-error")).toHaveText("Say why the evidence is withdrawn.");
  await withdraw.getByLabel("Why is it withdrawn?").fill("Superseded by the corrected report.");
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.locator(".announcement[role=status]")).toContainText("Withdrawn");
  await expect(page.getByRole("button", { name: "Withdraw…" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Superseded by the corrected report.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download redteam.txt" })).toBeVisible();

  // An auditor: the same page with a download, nothing that changes anything.
  const context = await browser.newContext();
  const auditor = await context.newPage();
  await landed(auditor, "AUDITOR");
  await auditor.goto(`/evidence/${v1.id}`);
  const download = auditor.waitForEvent("download");
  await auditor.getByRole("link", { name: "Download redteam.txt" }).click();
  expect((await download).suggestedFilename()).toBe("redteam.txt");
  await expect(auditor.getByRole("button")).toHaveText(["Sign out"]);
  await expect(auditor.getByRole("link", { name: /corrected version|Upload/ })).toHaveCount(0);
  await expectNotAllowed(auditor, "/evidence/upload");
  await expectNotAllowed(auditor, "/evidence/review");
  await context.close();
});
