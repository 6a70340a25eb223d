import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, apiSessionAs, databaseFingerprint } from "./support";

// Audit periods over HTTP: the status codes, the Location header, and who may write. What a valid
// period is, what is refused and why (with nothing written), editing and its audit entries are
// service rules: lib/periods/periods.int.test.ts.

const tag = () => randomBytes(4).toString("hex");
const valid = (extra: Record<string, unknown> = {}) => ({
  name: `Type II ${tag()}`,
  type: "TYPE_II",
  start: "2026-01-01",
  end: "2026-12-31",
  categories: ["SECURITY", "PRIVACY"],
  features: ["fixture-feature"],
  auditors: [ACCOUNTS.AUDITOR.email],
  ...extra,
});

test("a lead creates and reads a period over HTTP: 201 with its Location, the same period from GET, 404 for an unknown one", async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const created = await lead.post("/api/v1/periods", { data: valid() });
  expect(created.status(), await created.text()).toBe(201);
  const period = await created.json();
  expect(period).toMatchObject({ type: "TYPE_II", start: "2026-01-01", end: "2026-12-31", features: ["fixture-feature"] });
  expect(created.headers().location).toBe(`/api/v1/periods/${period.id}`);
  expect(await (await lead.get(`/api/v1/periods/${period.id}`)).json()).toEqual(period);
  expect(((await (await lead.get("/api/v1/periods")).json()).items as { id: string }[]).some((p) => p.id === period.id)).toBe(true);
  const refused = await lead.post("/api/v1/periods", { data: valid({ start: "2026-06-01", end: "2026-05-31" }) });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toMatch(/end is before the start/);
  expect((await lead.get("/api/v1/periods/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await lead.dispose();
});

test("engineers and auditors read periods but cannot create or edit them", async () => {
  for (const role of ["ENGINEER", "AUDITOR"] as const) {
    const api = await apiSessionAs(role);
    expect((await api.get("/api/v1/periods")).status()).toBe(200);
    const before = await databaseFingerprint();
    expect((await api.post("/api/v1/periods", { data: valid() })).status()).toBe(403);
    expect(await databaseFingerprint()).toBe(before);
    await api.dispose();
  }
});
