import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bearerContext, insertToken, tag } from "./evidence-support";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, formStatus, signInAs, withDb } from "./support";

// The three CSV imports called from the API (issue 12 item 3): the import page's file as a
// text/csv body gives what the page gives (the same rows, the same audit entries), a bad row is a
// 400 naming the row and the column with nothing written, and the import's permission and the
// token's scopes hold. The shared steps themselves are lib/imports/csv-import.int.test.ts's.

const csv = (api: APIRequestContext, url: string, text: string | Buffer, contentType = "text/csv") =>
  api.post(url, { data: text, headers: { "content-type": contentType } });

const auditSeq = () =>
  withDb(async (c) => Number((await c.query<{ n: string }>(`SELECT coalesce(max(seq), 0) AS n FROM "AuditLogEntry"`)).rows[0].n));
const auditCount = () => withDb(async (c) => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLogEntry"`)).rows[0].n));

/** The audit entries written after `seq`: action and after, with the tag and every id masked (who did it differs). */
const auditSince = (seq: number, t: string) =>
  withDb(async (c) =>
    (
      await c.query<{ action: string; after: unknown }>(`SELECT action, after FROM "AuditLogEntry" WHERE seq > $1 ORDER BY seq`, [seq])
    ).rows.map((r) => mask({ action: r.action, after: r.after }, t)),
  );

/** JSON with the call's tag, pull request numbers and any UUID replaced, so that two imports of the same file compare equal. */
const mask = (value: unknown, t: string) =>
  JSON.parse(
    JSON.stringify(value)
      .replaceAll(t, "TAG")
      .replace(/\/pull\/\d+/g, "/pull/N") // a pull request number per call (a repeated one is refused)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "UUID"),
  );

async function signInLanded(page: Page, role: "COMPLIANCE_LEAD" | "ENGINEER") {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const FEATURES = (t: string) =>
  [
    "slug,name,owner,purpose,inputData,outputs,invokers,vendors,failureImpact,logsPrompts,promptLogRetention",
    `api-${t}-a,Drafts ${t},CSV API spec,Drafts replies.,INTERNAL;PERSONAL_DATA,A draft.,STAFF,Vendor ${t}:model-1,MEDIUM,true,30 days`,
    `api-${t}-b,Labels ${t},CSV API spec,Labels tickets.,PUBLIC,A label.,AGENTS,,LOW,false,`,
  ].join("\r\n") + "\r\n";

test("inventory: the page's CSV sent with a token gives what the import page gives; dryRun previews without writing", async ({ page }) => {
  const [browserTag, apiTag] = [tag(), tag()];
  await signInLanded(page, "COMPLIANCE_LEAD");
  await page.goto("/inventory/import");
  const browserSeq = await auditSeq();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "inventory.csv", mimeType: "text/csv", buffer: Buffer.from(FEATURES(browserTag)) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 2 features" }).click();
  await expect(formStatus(page)).toHaveText("Imported 2 features: 2 created, 0 updated.");
  const browserAudit = await auditSince(browserSeq, browserTag);

  const token = await bearerContext(await insertToken("COMPLIANCE_LEAD", { scopes: ["features:write", "features:read"] }));
  try {
    const before = await databaseFingerprint();
    const preview = await csv(token, "/api/v1/features/import?dryRun=true&fileName=inventory.csv", FEATURES(apiTag));
    expect(preview.status(), await preview.text()).toBe(200);
    expect(await preview.json()).toEqual({
      fileName: "inventory.csv",
      rows: [
        { row: 2, slug: `api-${apiTag}-a`, name: `Drafts ${apiTag}`, owner: "CSV API spec", change: "create" },
        { row: 3, slug: `api-${apiTag}-b`, name: `Labels ${apiTag}`, owner: "CSV API spec", change: "create" },
      ],
      errors: [],
    });
    expect(await databaseFingerprint(), "a dry run writes nothing").toBe(before);

    const apiSeq = await auditSeq();
    const res = await csv(token, "/api/v1/features/import", FEATURES(apiTag));
    expect(res.status(), await res.text()).toBe(201);
    expect(await res.json()).toEqual({ imported: 2, created: [`api-${apiTag}-a`, `api-${apiTag}-b`], updated: [] });
    expect(await auditSince(apiSeq, apiTag), "the same audit entries as the page's import").toEqual(browserAudit);
    expect(browserAudit.map((e) => e.action)).toEqual(["vendor.created", "feature.created", "feature.created"]);
    for (const suffix of ["a", "b"]) {
      const fromPage = await (await token.get(`/api/v1/features/api-${browserTag}-${suffix}`)).json();
      const fromApi = await (await token.get(`/api/v1/features/api-${apiTag}-${suffix}`)).json();
      expect(mask(fromApi, apiTag)).toEqual(mask(fromPage, browserTag));
    }
  } finally {
    await token.dispose();
  }
});

const CHANGES = (t: string) =>
  [
    "title,pullRequest,commitSha,mergedAt,approvedBy,ticket",
    `Shorter prompt ${t},https://github.com/acme/csv-api/pull/1${parseInt(t, 16)},${t}aa1,2026-05-01T10:00:00Z,Ann,CHG-1`,
    `Model upgrade ${t},,${t}bb2,2026-05-02T10:00:00Z,,`,
  ].join("\n") + "\n";

test("changes: the page's CSV sent with a token records what the import page records", async ({ page }) => {
  const [browserTag, apiTag] = [tag(), tag()];
  await signInLanded(page, "ENGINEER");
  await page.goto("/changes/import");
  const browserSeq = await auditSeq();
  await page.getByLabel("Kind of every row").selectOption("CONFIG");
  await page.getByLabel("Feature of every row").selectOption("fixture-feature");
  await page.getByLabel("Or paste CSV or JSON").fill(CHANGES(browserTag));
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 2 changes" }).click();
  await expect(formStatus(page)).toHaveText("Imported 2 changes.");
  const browserAudit = await auditSince(browserSeq, browserTag);
  expect(browserAudit.map((e) => e.action)).toEqual(["change.created", "change.created"]);

  const token = await bearerContext(await insertToken("ENGINEER", { scopes: ["changes:write"] }));
  try {
    const apiSeq = await auditSeq();
    const res = await csv(token, "/api/v1/changes/import?kind=CONFIG&feature=fixture-feature", CHANGES(apiTag));
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as { created: number; ids: string[] };
    expect(body.created).toBe(2);
    expect(await auditSince(apiSeq, apiTag)).toEqual(browserAudit);
  } finally {
    await token.dispose();
  }
});

const ACCESS = (t: string) =>
  [
    "principal,kind,resource,access_level,reviewer",
    `svc-${t},service,OpenAI production key,write,${ACCOUNTS.ENGINEER.email}`,
    `${ACCOUNTS.ENGINEER.email.split("@")[0]},human,Prompt logs,read,`,
  ].join("\n") + "\n";

test("access reviews: the same file sent with a token gives the same items and the one audit entry the page writes", async ({ page }) => {
  const t = tag();
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const token = await bearerContext(await insertToken("COMPLIANCE_LEAD", { scopes: ["access-reviews:write"] }));
  try {
    const drafts: string[] = [];
    for (const via of ["page", "api"]) {
      const res = await lead.post("/api/v1/access-reviews", {
        data: { name: `CSV API ${via} ${t}`, quarter: "2026-Q4", sameQuarterReason: `CSV API spec ${t}` },
      });
      expect(res.status(), await res.text()).toBe(201);
      drafts.push((await res.json()).id);
    }
    const [viaPage, viaApi] = drafts;
    const file = ACCESS(t);

    await signInLanded(page, "COMPLIANCE_LEAD");
    await page.goto(`/access-reviews/${viaPage}/import`);
    const pageSeq = await auditSeq();
    await expect(async () => {
      await page.getByLabel("CSV file").setInputFiles({ name: "access.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
      await expect(page.getByTestId("detected-layout")).toContainText("access.csv", { timeout: 2_000 });
    }).toPass();
    await page.getByRole("button", { name: "Import 2 items" }).click();
    await expect(page).toHaveURL(new RegExp(`/access-reviews/${viaPage}\\?imported=2`));
    const pageAudit = await auditSince(pageSeq, t);

    const before = await databaseFingerprint();
    const preview = await csv(token, `/api/v1/access-reviews/${viaApi}/items/import?dryRun=true&fileName=access.csv`, file);
    expect(preview.status(), await preview.text()).toBe(200);
    const previewed = await preview.json();
    expect(previewed.layout).toBe("GENERIC");
    expect(previewed.items.map((i: { principal: string }) => i.principal)).toEqual([`svc-${t}`, ACCOUNTS.ENGINEER.email.split("@")[0]]);
    expect(previewed.errors).toEqual([]);
    expect(await databaseFingerprint(), "a dry run writes nothing").toBe(before);

    const apiSeq = await auditSeq();
    const res = await csv(token, `/api/v1/access-reviews/${viaApi}/items/import?fileName=access.csv`, file);
    expect(res.status(), await res.text()).toBe(201);
    const { imported, sha256 } = await res.json();
    expect(imported).toBe(2);
    const apiAudit = await auditSince(apiSeq, t);
    expect(apiAudit).toHaveLength(1);
    expect(apiAudit, "one entry: count, file name, SHA-256 of the same bytes, layout, mapping").toEqual(pageAudit);
    expect(apiAudit[0]).toMatchObject({ action: "access-review.items-imported", after: { count: 2, fileName: "access.csv", sha256 } });

    const items = (reviewId: string) =>
      withDb(
        async (c) =>
          (
            await c.query(
              `SELECT i.position, i.principal, i."principalKind", i.resource, i."resourceKind", i."accessLevel", i.source, i.raw,
                    p.email AS "principalUser", r.email AS reviewer
             FROM "AccessReviewItem" i LEFT JOIN "User" p ON p.id = i."principalUserId" LEFT JOIN "User" r ON r.id = i."reviewerId"
             WHERE i."reviewId" = $1 ORDER BY i.position`,
              [reviewId],
            )
          ).rows,
      );
    const stored = await items(viaApi);
    expect(stored).toEqual(await items(viaPage));
    expect(stored[1]).toMatchObject({ principalUser: ACCOUNTS.ENGINEER.email, principalKind: "HUMAN" });
  } finally {
    await lead.dispose();
    await token.dispose();
  }
});

test("a bad row is a 400 naming the row and the column, and nothing is written; bad envelopes are 413 and 415", async () => {
  const t = tag();
  const lead = await apiSessionAs("COMPLIANCE_LEAD");
  const token = await bearerContext(await insertToken("ADMIN"));
  try {
    const draft = await lead.post("/api/v1/access-reviews", {
      data: { name: `CSV API bad ${t}`, quarter: "2026-Q4", sameQuarterReason: `CSV API spec ${t}` },
    });
    expect(draft.status()).toBe(201);
    const reviewId = (await draft.json()).id as string;
    const badFeatures = FEATURES(t).replace(`AGENTS,,LOW,`, `AGENTS,,SEVERE,`);
    const badChanges = CHANGES(t).replace("2026-05-02T10:00:00Z", "yesterday");
    const badAccess = ACCESS(t).replace(",human,", ",alien,");
    const cases: [string, string | Buffer, string, RegExp, string][] = [
      ["/api/v1/features/import", badFeatures, "text/csv", /^Nothing was imported: row 3: failureImpact: /, "row 3"],
      ["/api/v1/changes/import?kind=CONFIG", badChanges, "text/csv", /^Nothing was imported: 1 row refused; row 3: mergedAt/, "row 3"],
      [`/api/v1/access-reviews/${reviewId}/items/import`, badAccess, "text/csv", /^Nothing was imported: row 3: principalKind: /, "file"],
    ];
    const rows = () =>
      withDb(
        async (c) =>
          (
            await c.query(
              `SELECT (SELECT count(*) FROM "Feature") AS features, (SELECT count(*) FROM "Change") AS changes,
                    (SELECT count(*) FROM "AccessReviewItem") AS items`,
            )
          ).rows[0],
      );
    const beforeRows = await rows();
    const beforeAudit = await auditCount();
    const before = await databaseFingerprint();
    for (const [url, body, type, message, field] of cases) {
      const res = await csv(token, url, body, type);
      expect(res.status(), `${url}: ${await res.text()}`).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(message);
      expect(Object.keys(error.fields)).toEqual([field]);
    }
    // Envelopes: another media type, bytes that are not UTF-8, an empty body, over 5 MB.
    for (const url of ["/api/v1/features/import", "/api/v1/changes/import", `/api/v1/access-reviews/${reviewId}/items/import`]) {
      const json = await csv(token, url, JSON.stringify({ rows: [] }), "application/json");
      expect(json.status()).toBe(415);
      expect((await json.json()).error.message).toContain("Content-Type: text/csv (this request says application/json)");
      const binary = await csv(token, url, Buffer.from([0x73, 0x6c, 0x75, 0x67, 0x0a, 0xff, 0xfe, 0x00]));
      expect(binary.status()).toBe(415);
      expect((await binary.json()).error.message).toMatch(/not (a CSV file|UTF-8 text)/);
      const empty = await csv(token, url, "");
      expect(empty.status()).toBe(400);
    }
    const big = await csv(token, "/api/v1/features/import?fileName=big.csv", Buffer.alloc(5 * 1024 * 1024 + 10, "a"));
    expect(big.status()).toBe(413);
    expect((await big.json()).error.message).toBe("big.csv is 5.0 MB; the limit is 5 MB.");
    const badQuery = await csv(token, "/api/v1/changes/import?kind=SOMETHING", CHANGES(t));
    expect(badQuery.status()).toBe(400);
    expect((await badQuery.json()).error.message).toMatch(/^kind: /);

    expect(await rows(), "row counts unchanged").toEqual(beforeRows);
    expect(await auditCount(), "no audit entry").toBe(beforeAudit);
    expect(await databaseFingerprint(), "nothing written at all").toBe(before);
  } finally {
    await lead.dispose();
    await token.dispose();
  }
});

test("the import's permission and the token's scopes hold: refused callers get 403 and write nothing", async () => {
  const t = tag();
  const refusedCallers: [string, APIRequestContext][] = [
    ["a changes-only token", await bearerContext(await insertToken("COMPLIANCE_LEAD", { scopes: ["changes:write"] }))],
    ["an auditor's token", await bearerContext(await insertToken("AUDITOR"))],
    ["an engineer's session", await apiSessionAs("ENGINEER")],
  ];
  const anonymous = await apiSessionAs(null);
  try {
    const before = await databaseFingerprint();
    for (const [who, api] of refusedCallers) {
      const res = await csv(api, "/api/v1/features/import", FEATURES(t));
      expect(res.status(), who).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    const engineerOnAccess = await csv(
      refusedCallers[2][1],
      `/api/v1/access-reviews/00000000-0000-4000-8000-0000000ac1e5/items/import`,
      ACCESS(t),
    );
    expect(engineerOnAccess.status(), "engineers do not prepare access reviews").toBe(403);
    const changesOnly = await csv(
      refusedCallers[0][1],
      "/api/v1/access-reviews/00000000-0000-4000-8000-0000000ac1e5/items/import",
      ACCESS(t),
    );
    expect(changesOnly.status(), "a token narrowed to changes:write").toBe(403);
    const nobody = await csv(anonymous, "/api/v1/changes/import?kind=CONFIG", CHANGES(t));
    expect(nobody.status()).toBe(401);
    expect(await databaseFingerprint(), "refused calls write nothing").toBe(before);
    // The scope it has is enough.
    const allowed = await csv(refusedCallers[0][1], "/api/v1/changes/import?kind=CONFIG", CHANGES(t));
    expect(allowed.status(), await allowed.text()).toBe(201);
  } finally {
    for (const [, api] of refusedCallers) await api.dispose();
    await anonymous.dispose();
  }
});
