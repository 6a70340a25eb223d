import { expect, test } from "./fixtures";
import { apiSessionAs } from "./support";

test("GET /api/health answers 200 ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("GET /api/v1/controls lists the 23 controls with the wire names for a signed-in auditor", async () => {
  const api = await apiSessionAs("AUDITOR");
  const res = await api.get("/api/v1/controls");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    items: { code: string; category: string; criteria: string[]; frequency: string; designStatus: string }[];
  };
  expect(body.items).toHaveLength(23);
  expect(body.items.map((c) => c.code)).toContain("AI-PRIV-04");
  const sec05 = body.items.find((c) => c.code === "AI-SEC-05")!;
  expect(sec05.category).toBe("SECURITY");
  expect(sec05.criteria.length).toBeGreaterThan(0);
  expect(["QUARTERLY", "MONTHLY", "PER_EVENT", "DAILY", "WEEKLY", "SEMI_ANNUAL", "ANNUAL", "VALIDITY"]).toContain(sec05.frequency);
  await api.dispose();
});

test("anonymous API calls get 401 JSON", async ({ request }) => {
  const res = await request.get("/api/v1/controls");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
});
