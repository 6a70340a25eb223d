import { expect, test } from "./fixtures";
import { apiSessionAs } from "./support";
import { bearerContext, insertToken, tag, upload } from "./evidence-support";

// Issue 5's integration test: a period built entirely through the API (custom controls whose
// frequency and operating date are set with PATCH, evidence uploaded by CI and accepted by a lead)
// gives exactly the expected slots and statuses from GET /api/v1/periods/{id}/coverage.

test("a period built through the API has exactly the expected coverage", async () => {
  const t = tag().toUpperCase();
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const ci = await bearerContext(await insertToken("ENGINEER"));
  const code = (suffix: string) => `COV-${t}-${suffix}`;

  for (const suffix of ["M", "Q", "V"]) {
    const created = await lead.post("/api/v1/controls", {
      data: {
        code: code(suffix),
        title: `Coverage spec ${suffix}`,
        description: "Made by the coverage spec.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "ANNUAL",
        expectedEvidence: "Whatever the spec uploads.",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  const patch = async (c: string, body: Record<string, unknown>) => {
    const res = await lead.patch(`/api/v1/controls/${c}`, { data: { designStatus: "IN_PLACE", ...body } });
    expect(res.status(), await res.text()).toBe(200);
  };
  await patch(code("M"), { frequency: "MONTHLY", operatesSince: "2026-02-15" });
  await patch(code("Q"), { frequency: "QUARTERLY" });
  await patch(code("V"), { frequency: "VALIDITY" });

  const evidence = async (
    control: string,
    effectiveDate: string,
    review: "accept" | "reject" | null,
    extra: Record<string, string> = {},
  ) => {
    const res = await upload(
      ci,
      { control, title: `${control} ${effectiveDate}`, effectiveDate, ...extra },
      { name: "e.txt", bytes: Buffer.from(`${control} ${effectiveDate} ${tag()}`) },
    );
    expect(res.status(), await res.text()).toBe(201);
    const { id } = await res.json();
    if (review) {
      const reviewed = await lead.post(`/api/v1/evidence/${id}/review`, {
        data: { decision: review, reason: review === "reject" ? "Not it." : undefined },
      });
      expect(reviewed.status()).toBe(200);
    }
    return id as string;
  };
  const m1 = await evidence(code("M"), "2026-02-20", "accept");
  await evidence(code("M"), "2026-02-10", "accept"); // before the control operates: does not count
  const m2 = await evidence(code("M"), "2026-03-31", "accept"); // the last day of March
  await evidence(code("M"), "2026-04-10", null); // awaiting review: does not count
  const m3 = await evidence(code("M"), "2026-05-01", "accept"); // the first day of May
  const q1 = await evidence(code("Q"), "2026-01-01", "accept");
  await evidence(code("Q"), "2026-06-30", "reject");
  const v1 = await evidence(code("V"), "2026-01-02", "accept", { validFrom: "2026-01-01", validUntil: "2026-03-31" });
  const v2 = await evidence(code("V"), "2026-03-20", "accept", { validFrom: "2026-03-15", validUntil: "2026-05-31" });

  const created = await lead.post("/api/v1/periods", {
    data: { name: `Coverage ${t}`, type: "TYPE_II", start: "2026-01-01", end: "2026-06-30", categories: ["SECURITY"] },
  });
  expect(created.status()).toBe(201);
  const period = await created.json();

  const res = await ci.get(`/api/v1/periods/${period.id}/coverage`);
  expect(res.status()).toBe(200);
  const coverage = await res.json();
  const item = (c: string) => coverage.items.find((i: { control: string }) => i.control === c);

  expect(item(code("M"))).toEqual({
    control: code("M"),
    expected: 5,
    covered: 3,
    coverage: 0.6,
    status: "GAPS",
    slots: [
      { start: "2026-01-01", end: "2026-01-31", state: "NOT_IN_OPERATION", evidence: [] },
      { start: "2026-02-01", end: "2026-02-14", state: "NOT_IN_OPERATION", evidence: [] },
      { start: "2026-02-15", end: "2026-02-28", state: "COVERED", evidence: [m1] },
      { start: "2026-03-01", end: "2026-03-31", state: "COVERED", evidence: [m2] },
      { start: "2026-04-01", end: "2026-04-30", state: "MISSING", evidence: [] },
      { start: "2026-05-01", end: "2026-05-31", state: "COVERED", evidence: [m3] },
      { start: "2026-06-01", end: "2026-06-30", state: "MISSING", evidence: [] },
    ],
  });
  expect(item(code("Q"))).toEqual({
    control: code("Q"),
    expected: 2,
    covered: 1,
    coverage: 0.5,
    status: "GAPS",
    slots: [
      { start: "2026-01-01", end: "2026-03-31", state: "COVERED", evidence: [q1] },
      { start: "2026-04-01", end: "2026-06-30", state: "MISSING", evidence: [] },
    ],
  });
  // Validity: the two documents overlap in March and leave June uncovered (30 of 181 days).
  expect(item(code("V"))).toEqual({
    control: code("V"),
    expected: 181,
    covered: 151,
    coverage: 151 / 181,
    status: "GAPS",
    slots: [
      { start: "2026-01-01", end: "2026-05-31", state: "COVERED", evidence: [v1, v2].sort() },
      { start: "2026-06-01", end: "2026-06-30", state: "MISSING", evidence: [] },
    ],
  });

  // A lead marks the quarterly control not applicable: its coverage says so.
  const na = await lead.patch(`/api/v1/controls/${code("Q")}`, {
    data: { designStatus: "NOT_APPLICABLE", justification: "Covered elsewhere." },
  });
  expect(na.status()).toBe(200);
  const again = await (await ci.get(`/api/v1/periods/${period.id}/coverage`)).json();
  expect(again.items.find((i: { control: string }) => i.control === code("Q"))).toMatchObject({ status: "NOT_APPLICABLE", coverage: null });
  // Controls outside the period's categories are not listed.
  expect(again.items.every((i: { control: string }) => !i.control.startsWith("AI-AVL-"))).toBe(true);
  expect((await ci.get(`/api/v1/periods/00000000-0000-4000-8000-000000000000/coverage`)).status()).toBe(404);
  await lead.dispose();
  await ci.dispose();
});
