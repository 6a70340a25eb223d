import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ROOT, sourceFiles } from "@/e2e/support/discovery";
import { itemsSchema, MAX_ITEMS_PER_REQUEST } from "@/lib/validations/access-review";
import { featureSchema } from "@/lib/validations/feature";
import { bulkMappingSchema } from "@/lib/validations/mapping";
import { createTokenSchema, TOKEN_SCOPES } from "@/lib/validations/token";

// Every list a caller sends has a ceiling, so no request can make the server validate and write an
// unbounded number of rows. The ceilings fit the domain; over one is refused with a message.

/** The message of the first issue at `key` (or the first at all), when parsing fails. */
function refusal(schema: z.ZodType, input: unknown, key?: string): string | undefined {
  const result = schema.safeParse(input);
  if (result.success) return undefined;
  return (result.error.issues.find((i) => key === undefined || i.path[0] === key) ?? result.error.issues[0]).message;
}

test("every z.array in lib/ and app/ declares a .max (source check)", () => {
  const files = sourceFiles(["lib", "app"], /\.tsx?$/)
    .filter((f) => !f.endsWith(".test.ts"))
    .map((f) => path.join(ROOT, f));
  const unbounded: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/z\s*\.array\(|\)\s*\.array\(/g)) {
      // The array's own call chain: up to the end of the statement or the enclosing field.
      let depth = 0;
      let i = source.indexOf("(", m.index!);
      for (; i < source.length; i++) {
        if (source[i] === "(") depth++;
        else if (source[i] === ")" && --depth === 0) break;
      }
      const chain = /^(\s*\.\w+\((?:[^()]|\([^()]*(?:\([^()]*\))*[^()]*\))*\))*/.exec(source.slice(i + 1))![0];
      if (!/\.max\(/.test(chain)) unbounded.push(`${path.relative(ROOT, file)}:${source.slice(0, m.index).split("\n").length}`);
    }
  }
  assert.deepEqual(unbounded, [], "give these arrays a .max(...) that fits the domain");
});

test("access-review items: up to 20,000 per request, one more is refused", () => {
  const item = { principal: "svc", principalKind: "SERVICE", resource: "r", accessLevel: "read" };
  assert.equal(itemsSchema.safeParse(Array(MAX_ITEMS_PER_REQUEST).fill(item)).success, true);
  assert.equal(refusal(itemsSchema, Array(MAX_ITEMS_PER_REQUEST + 1).fill(item)), "At most 20000 items per request.");
});

test("a feature lists at most 50 vendors and each checkbox option once", () => {
  const feature = {
    name: "F",
    owner: "o",
    purpose: "p",
    outputs: "o",
    invokers: ["STAFF"],
    failureImpact: "LOW",
  };
  assert.equal(featureSchema.safeParse({ ...feature, vendors: Array(50).fill({ vendor: "V" }) }).success, true);
  assert.equal(
    refusal(featureSchema, { ...feature, vendors: Array(51).fill({ vendor: "V" }) }, "vendors"),
    "List at most 50 vendors for one feature.",
  );
  assert.match(refusal(featureSchema, { ...feature, invokers: Array(100).fill("STAFF") }, "invokers")!, /at most once/);
});

test("bulk mapping takes at most 1,000 features at once", () => {
  const input = { category: "SECURITY", decision: "applies" };
  assert.equal(bulkMappingSchema.safeParse({ ...input, slugs: Array.from({ length: 1000 }, (_, i) => `f-${i}`) }).success, true);
  assert.match(
    refusal(bulkMappingSchema, { ...input, slugs: Array.from({ length: 1001 }, (_, i) => `f-${i}`) }, "slugs")!,
    /at most 1,000/,
  );
});

test("a token has at most one scope per permission", () => {
  // ADMIN is allowed only when asked for explicitly (allowAdmin), like the form's checkbox.
  const input = { name: "ci", role: "ADMIN", expires: "30d", allowAdmin: "on" };
  assert.equal(createTokenSchema.safeParse({ ...input, scopes: TOKEN_SCOPES }).success, true);
  assert.match(refusal(createTokenSchema, { ...input, scopes: [...TOKEN_SCOPES, TOKEN_SCOPES[0]] }, "scopes")!, /at most \d+ scopes/);
});
