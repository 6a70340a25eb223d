import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PARAM_VALUES } from "./endpoints";
import { apiSessionAs, databaseFingerprint } from "./support";
import { contractOperations, type BadRequest, type ContractOperation } from "@/lib/api/contract";
import type { OpenApiDocument } from "@/lib/api/openapi";

// The API's contract for bad input, derived from the OpenAPI document the server serves: for every
// documented request body and query string, each required field missing, each field of the wrong
// type and each string over its maxLength is a 400 or 422 with a message, and changes nothing.
// A newly documented endpoint joins by being documented (a new path parameter needs a fixture below).

let admin: APIRequestContext;
let doc: OpenApiDocument;
// Path parameters that must name something real: accounts.setup.ts's fixtures, and an access-review
// item of the spec's own (the fixture review has none).
const fixtures: Record<string, string> = {};

test.beforeAll(async () => {
  // A signed-in admin holds every permission and is a person (decisions and sign-off refuse tokens).
  admin = await apiSessionAs("ADMIN");
  const served = await admin.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  doc = await served.json();
  const review = await admin.post("/api/v1/access-reviews", {
    data: { name: `Contract review ${Date.now()}`, quarter: "2019-Q1", sameQuarterReason: "A contract-test fixture" },
  });
  expect(review.status(), await review.text()).toBe(201);
  const reviewId = (await review.json()).id as string;
  const added = await admin.post(`/api/v1/access-reviews/${reviewId}/items`, {
    data: [
      { principal: "contract-bot", principalKind: "SERVICE", resource: "Contract key", resourceKind: "MODEL_API_KEY", accessLevel: "read" },
    ],
  });
  expect(added.status(), await added.text()).toBe(201);
  const detail = await (await admin.get(`/api/v1/access-reviews/${reviewId}`)).json();
  Object.assign(fixtures, {
    code: PARAM_VALUES.code,
    slug: PARAM_VALUES.slug,
    vendorId: PARAM_VALUES.vendorId,
    packageItemId: PARAM_VALUES.packageItemId,
    cuecId: PARAM_VALUES.cuecId,
    exceptionId: PARAM_VALUES.exceptionId,
    reviewId,
    itemId: detail.items[0].id,
  });
});
test.afterAll(async () => {
  await admin.dispose();
});

function url(op: ContractOperation): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    // {id} is an evidence id under /evidence and an audit period's under /periods.
    const value = name === "id" ? (op.path.startsWith("/api/v1/periods/") ? PARAM_VALUES.periodId : PARAM_VALUES.id) : fixtures[name];
    if (!value) throw new Error(`${op.method} ${op.path}: give e2e/api-contract.spec.ts a fixture for {${name}}`);
    return encodeURIComponent(value);
  });
}

function send(op: ContractOperation, bad: BadRequest) {
  const query = bad.query ? `?${new URLSearchParams(bad.query)}` : "";
  const body =
    bad.body === undefined
      ? {}
      : bad.multipart
        ? { multipart: Object.fromEntries(Object.entries(bad.body as Record<string, unknown>).map(([k, v]) => [k, String(v)])) }
        : { data: bad.body };
  return admin.fetch(`${url(op)}${query}`, { method: op.method, ...body });
}

test("every documented body and query string refuses bad input with a 4xx and a message, and changes nothing", async () => {
  test.setTimeout(180_000);
  const operations = contractOperations(doc);
  expect(operations.map((o) => o.operationId)).toEqual(expect.arrayContaining(["uploadEvidence", "createPeriod", "listEvidence"]));
  let sent = 0;
  for (const op of operations) {
    await test.step(`${op.method} ${op.path}: ${op.bad.length} bad requests`, async () => {
      const before = await databaseFingerprint();
      for (const bad of op.bad) {
        const res = await send(op, bad);
        sent += 1;
        const text = await res.text();
        const where = `${op.method} ${op.path} with ${bad.what}: ${res.status()} ${text.slice(0, 300)}`;
        expect.soft([400, 422], where).toContain(res.status());
        let message: unknown;
        try {
          message = JSON.parse(text).error?.message;
        } catch {
          message = undefined;
        }
        expect.soft(typeof message === "string" && message.trim().length > 0, `${where}: a JSON error.message`).toBe(true);
      }
      expect(await databaseFingerprint(), `${op.method} ${op.path}: the bad requests changed nothing`).toBe(before);
    });
  }
  expect(sent).toBeGreaterThan(200);
});

test("the evidence upload's required fields are refused by name, not with a server error", async () => {
  // The bug that started this contract: without control or effectiveDate, Prisma got undefined (500).
  const fields = { control: "AI-PI-02", title: "Contract upload", effectiveDate: "2026-01-15", url: "https://ci.example.com/run/1" };
  const before = await databaseFingerprint();
  for (const [missing, message] of [
    ["control", /Choose the control/],
    ["effectiveDate", /Give the effective date/],
    ["title", /Give the evidence a title/],
  ] as const) {
    const { [missing]: _omitted, ...rest } = fields;
    const res = await admin.post("/api/v1/evidence", { multipart: rest });
    expect(res.status(), await res.text()).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(message);
    expect(error.fields[missing][0]).toMatch(message);
  }
  expect(await databaseFingerprint()).toBe(before);
});
