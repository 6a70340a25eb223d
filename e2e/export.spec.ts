import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import yauzl from "yauzl";
import { expect, test } from "./fixtures";
import { ACCOUNTS, apiSessionAs, signInAs } from "./support";
import { sha256, tag, upload } from "./evidence-support";

// Issue 13 items 5 and 6 end to end: a compliance lead exports a period from its page; the download
// is a ZIP that `npm run verify-package` accepts with the public key copied from Settings; the API
// answers with attachment headers; every role that may read periods (periods:read) may export, a
// visitor may not. Tampering is covered faster in lib/export/export.int.test.ts.

const run = promisify(execFile);

/** npm run verify-package, as an auditor runs it; never throws: the exit code and output. */
async function verifyPackage(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/verify-package.ts", ...args], { timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zipfile.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zipfile.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zipfile.close();
  return entries;
}

test("a lead exports a period from its page; the package verifies with the key from Settings and browses offline", async ({
  page,
  browser,
}) => {
  // Playwright's own folder for this test (created on demand, cleared before each run).
  const tmp = test.info().outputPath();
  fs.mkdirSync(tmp, { recursive: true });
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const engineer = await apiSessionAs("ENGINEER");
  const created = await lead.post("/api/v1/periods", {
    data: { name: `Export ${tag()}`, type: "TYPE_II", start: "2026-01-01", end: "2026-06-30", categories: ["SECURITY"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const period = (await created.json()) as { id: string; name: string };
  const bytes = Buffer.from(`prompt-injection test run ${tag()}\n`);
  const uploaded = await upload(
    engineer,
    { control: "AI-SEC-01", title: `Export evidence ${tag()}`, effectiveDate: "2026-02-02" },
    { name: "run log.txt", bytes },
  );
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const evidence = (await uploaded.json()) as { id: string };

  // The public key as an admin sees it in Settings, to be handed to the auditor out of band.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "ADMIN");
  await admin.goto("/settings/organisation");
  const pem = await admin.getByLabel("Public key (PEM)").inputValue();
  expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
  const fingerprint = (await admin.getByTestId("export-key-fingerprint").textContent())!.trim();
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  await adminContext.close();
  const keyFile = path.join(tmp, "company-key.pem");
  fs.writeFileSync(keyFile, pem);

  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto(`/periods/${period.id}`);
  await expect(page.getByText(fingerprint)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export package" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^attest-Export-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = path.join(tmp, "package.zip");
  await download.saveAs(zip);

  const verified = await verifyPackage(zip, "--public-key", keyFile);
  expect(verified.output).toMatch(/verified\. The signature of manifest\.json holds under the public key given/);
  expect(verified.code).toBe(0);

  const entries = await zipEntries(zip);
  const evidencePath = `evidence/AI-SEC-01/${evidence.id}-run_log.txt`;
  expect(sha256(entries.get(evidencePath)!)).toBe(sha256(bytes));
  const manifest = JSON.parse(entries.get("manifest.json")!.toString());
  expect(manifest).toMatchObject({
    period: { id: period.id, categories: ["SECURITY"] },
    lock: { state: "unlocked" },
    publicKeySha256: fingerprint,
  });
  expect(manifest.auditLogHead.seq).toMatch(/^\d+$/);

  // A package signed with some other key is refused by the key from Settings.
  const otherKey = path.join(tmp, "other-key.pem");
  const { generateKeyPairSync } = await import("node:crypto");
  fs.writeFileSync(otherKey, generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" }));
  const refused = await verifyPackage(zip, "--public-key", otherKey);
  expect(refused.code).toBe(1);
  expect(refused.output).toContain("FAIL manifest.sig: the signature of manifest.json does not hold under the public key given");

  // index.html from the unzipped folder, with every network request refused: it still shows the package.
  const folder = path.join(tmp, "unzipped");
  for (const [name, content] of entries) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  const offline = await browser.newContext({ offline: true });
  const requests: string[] = [];
  offline.on("request", (r) => void (r.url().startsWith("file:") || requests.push(r.url())));
  const index = await offline.newPage();
  await index.goto(`file://${path.join(folder, "index.html")}`);
  await expect(index.getByRole("heading", { name: period.name })).toBeVisible();
  await expect(index.getByRole("cell", { name: "AI-SEC-01", exact: true }).first()).toBeVisible();
  await index.getByRole("button", { name: "Evidence" }).click();
  await expect(index.getByRole("link", { name: "run log.txt" })).toHaveAttribute("href", evidencePath);
  await index.getByRole("button", { name: "Exceptions" }).click();
  await expect(index.getByText(/rows$/)).toBeVisible();
  expect(requests).toEqual([]);
  await offline.close();
  await lead.dispose();
  await engineer.dispose();
});

test("the export API answers with a ZIP attachment to every role with periods:read, 401 to a visitor, 404 for no period", async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const created = await lead.post("/api/v1/periods", {
    // Given to the AUDITOR account: an auditor sees only the periods they are given (lib/auth/scope.ts).
    data: {
      name: `Export API ${tag()}`,
      type: "TYPE_I",
      start: "2026-03-31",
      end: "2026-03-31",
      categories: ["SECURITY"],
      auditors: [ACCOUNTS.AUDITOR.email],
    },
  });
  const period = (await created.json()) as { id: string };
  for (const role of ["COMPLIANCE_LEAD", "ENGINEER", "AUDITOR", "ADMIN"] as const) {
    const api = role === "COMPLIANCE_LEAD" ? lead : await apiSessionAs(role);
    const res = await api.get(`/api/v1/periods/${period.id}/export`);
    expect(res.status(), `${role}: ${res.status()}`).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/zip");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="?attest-Export-API-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.zip"?$/);
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    const body = await res.body();
    expect(body.subarray(0, 4).toString("hex")).toBe("504b0304");
    if (api !== lead) await api.dispose();
  }
  const visitor = await apiSessionAs(null);
  const anonymous = await visitor.get(`/api/v1/periods/${period.id}/export`);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/json");
  await visitor.dispose();
  expect((await lead.get("/api/v1/periods/00000000-0000-4000-8000-000000000000/export")).status()).toBe(404);
  expect((await lead.get("/api/v1/periods/not-a-uuid/export")).status()).toBe(404);
  await lead.dispose();
});
