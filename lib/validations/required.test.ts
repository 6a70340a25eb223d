import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { evidenceFieldsSchema } from "@/lib/validations/evidence";
import { periodSchema } from "@/lib/validations/period";
import { reviewInputSchema } from "@/lib/validations/vendor";

// Required fields are refused with their own message whether they are absent, null or blank: zod 4
// runs no check on an absent key whose schema is optional, so `.optional().refine(v => v !== undefined)`
// let a missing `control` or `effectiveDate` through to the database (a 500).

const messages = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);

const evidence = { control: "AI-PI-02", title: "Quarterly review", effectiveDate: "2026-01-15", url: "https://ci.example.com/run/1" };

for (const [field, message] of [
  ["control", /Choose the control/],
  ["title", /Give the evidence a title/],
  ["effectiveDate", /Give the effective date/],
] as const) {
  test(`evidence without ${field} (absent, null or blank) is refused with its message`, () => {
    assert.equal(evidenceFieldsSchema.safeParse(evidence).success, true);
    const { [field]: _omitted, ...rest } = evidence;
    for (const body of [rest, { ...rest, [field]: null }, { ...rest, [field]: "  " }]) {
      const result = evidenceFieldsSchema.safeParse(body);
      assert.equal(result.success, false, JSON.stringify(body));
      assert.match(messages(result)[field]?.[0] ?? "", message);
    }
  });
}

test("a period without its start (absent, null or blank) is refused with its message", () => {
  const period = { name: "Type I", type: "TYPE_I", start: "2026-06-30", categories: ["SECURITY"] };
  assert.equal(periodSchema.safeParse(period).success, true);
  const { start: _omitted, ...rest } = period;
  for (const body of [rest, { ...rest, start: null }, { ...rest, start: "" }]) {
    const result = periodSchema.safeParse(body);
    assert.equal(result.success, false, JSON.stringify(body));
    assert.match(messages(result).start?.[0] ?? "", /Give the start date/);
  }
});

test("a vendor review without its date is refused with its message", () => {
  assert.equal(reviewInputSchema.safeParse({ date: "2026-01-15" }).success, true);
  for (const body of [{}, { date: null }, { date: "" }]) {
    assert.match(messages(reviewInputSchema.safeParse(body)).date?.[0] ?? "", /Give the date of the review/);
  }
});

test("a wrong type is still refused by the field's own schema", () => {
  assert.equal(evidenceFieldsSchema.safeParse({ ...evidence, control: 42 }).success, false);
  assert.equal(periodSchema.safeParse({ name: "x", type: "TYPE_I", start: 20260630, categories: ["SECURITY"] }).success, false);
});
