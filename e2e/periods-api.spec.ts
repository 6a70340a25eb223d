import { expect, test } from "./fixtures";
import { randomBytes } from "node:crypto";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, withDb } from "./support";

// Audit periods through the API: what a valid period is, what is refused and why (with nothing
// written), editing, and who may do it. The browser pages and coverage come with the next slice.

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

test("a lead creates, reads and edits a period; each write is audited", async () => {
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const created = await lead.post("/api/v1/periods", { data: valid() });
  expect(created.status(), await created.text()).toBe(201);
  const period = await created.json();
  expect(period).toMatchObject({
    type: "TYPE_II",
    start: "2026-01-01",
    end: "2026-12-31",
    categories: ["SECURITY", "PRIVACY"],
    features: ["fixture-feature"],
    auditors: [ACCOUNTS.AUDITOR.email],
  });
  expect(created.headers().location).toBe(`/api/v1/periods/${period.id}`);
  expect(await (await lead.get(`/api/v1/periods/${period.id}`)).json()).toEqual(period);
  expect(((await (await lead.get("/api/v1/periods")).json()).items as { id: string }[]).some((p) => p.id === period.id)).toBe(true);

  // A Type I is as of one date: its end is its start, whatever was sent.
  const edited = await lead.put(`/api/v1/periods/${period.id}`, {
    data: valid({ name: period.name, type: "TYPE_I", start: "2026-06-30", end: "2026-12-31", auditors: [] }),
  });
  expect(edited.status()).toBe(200);
  expect(await edited.json()).toMatchObject({ type: "TYPE_I", start: "2026-06-30", end: "2026-06-30", auditors: [] });
  const actions = await withDb(async (c) =>
    (await c.query(`SELECT action FROM "AuditLogEntry" WHERE "entityId" = $1 ORDER BY seq`, [period.id])).rows.map((r) => r.action),
  );
  expect(actions).toEqual(["period.created", "period.updated"]);
  expect((await lead.get("/api/v1/periods/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await lead.dispose();
});

const refusals: [string, Record<string, unknown>, RegExp][] = [
  ["the end before the start", { start: "2026-06-01", end: "2026-05-31" }, /end is before the start/],
  ["no Security", { categories: ["PRIVACY"] }, /Security is always in scope/],
  ["no category", { categories: [] }, /Security is always in scope/],
  ["a Type II without an end", { end: "" }, /end date of the Type II window/],
  ["no name", { name: " " }, /Give the period a name/],
  ["an impossible date", { start: "2026-02-30" }, /does not exist/],
  ["an unknown feature", { features: ["no-such-feature"] }, /Unknown feature: no-such-feature/],
  ["an auditor who is not one", { auditors: [ACCOUNTS.ENGINEER.email] }, /is not an auditor/],
  ["an unknown type", { type: "TYPE_III" }, /Type I .* or Type II/],
];
for (const [what, patch, message] of refusals) {
  test(`refused: ${what}, with a message and nothing written`, async () => {
    const lead = await apiSessionAs("COMPLIANCE_LEAD");
    const before = await databaseFingerprint();
    const res = await lead.post("/api/v1/periods", { data: valid(patch) });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
    expect(await databaseFingerprint()).toBe(before);
    await lead.dispose();
  });
}

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
