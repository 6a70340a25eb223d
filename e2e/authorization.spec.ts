import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PERMISSIONS, type Permission } from "../lib/permissions";
import {
  ACTIONS,
  EXPECTED_ROLES,
  FIXTURE_EVIDENCE_SHA256,
  FIXTURE_SIGNED_OFF_REVIEW_ID,
  PAGES,
  PARAM_VALUES,
  ROUTES,
  SCOPED_AUDITOR_EXPECTS,
  type CallContext,
} from "./endpoints";
import { appFiles, pageKeys, ROOT, sourceFiles, urlPattern } from "./support/discovery";
import { ACCOUNTS, apiSessionAs, apiSessionOf, baseURL, databaseFingerprint, ROLES, SCOPED_AUDITOR, withDb, type Role } from "./support";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

// The house rule: one test walks every server action, route handler and page with every role and
// anonymously; a new endpoint joins it (an entry in its domain's e2e/endpoints/<domain>.ts) or this
// spec fails. Refused calls get 401/403 (pages: a redirect to sign-in, or a 403 with "Not allowed") and leave the
// database as it was. A scoped auditor (given one period that holds none of the fixtures) is refused
// as any auditor, and finds each fixture it may not see missing: 404, never 403 nor 200
// (SCOPED_AUDITOR_EXPECTS, one entry per endpoint an auditor may use).

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// ---- Discovery: the endpoints that exist, read from the source tree (e2e/support/discovery.ts) and the build output. ----

/** "/controls/[code]" -> "/controls/AI-SEC-01", with PARAM_VALUES. */
function concreteUrl(pattern: string, ctx?: CallContext): string {
  return pattern.replace(/\[\[?([^\]]+)\]\]?/g, (segment, name: string) => {
    // Evidence changes state when reviewed or withdrawn: each call gets its own, uploaded by the caller.
    // Reviews act on evidence someone else uploaded (nobody reviews their own).
    // Locking works once per period, unlocking once per lock: each call gets an unlocked or a locked period of its own.
    if (name === "id" && ctx && pattern.includes("/periods/") && /\/(lock|response)$/.test(pattern)) return ctx.lockable.id;
    if (name === "id" && ctx && pattern.includes("/periods/") && pattern.endsWith("/unlock")) return ctx.locked.id;
    if (name === "id" && ctx)
      return pattern.includes("/periods/") ? ctx.period.id : pattern.endsWith("/review") ? ctx.reviewable.id : ctx.evidence.id;
    // Starting works once per access review: each call starts its own fresh draft.
    if (name === "reviewId" && ctx && pattern.endsWith("/start")) return ctx.review.id;
    // Access-review decisions, sign-off and follow-up act on the call's own review in progress; the record on a signed-off one.
    if (name === "itemId" && ctx && /\/(decision|revocation)$/.test(pattern)) return ctx.accessReview.itemId;
    // Reading a review: the signed-off fixture, which an auditor given the fixture period sees (its record is their evidence).
    if (name === "reviewId" && SIGNED_OFF_READS.has(pattern)) return FIXTURE_SIGNED_OFF_REVIEW_ID;
    if (name === "reviewId" && ctx && /\/(decision|revocation|sign-off|record)$/.test(pattern)) {
      return pattern.endsWith("/record") ? FIXTURE_SIGNED_OFF_REVIEW_ID : ctx.accessReview.reviewId;
    }
    // Removing a CUEC works once: each call edits or removes its own.
    if (name === "cuecId" && ctx) return ctx.cuec.id;
    if (!(name in PARAM_VALUES))
      throw new Error(`No value for ${segment} in ${pattern}: add "${name}" to PARAM_VALUES in e2e/endpoints/shared.ts.`);
    return PARAM_VALUES[name];
  });
}

/** Reads of one access review: an auditor sees only a signed-off one whose record is in their scope, never a draft. */
const SIGNED_OFF_READS = new Set(["/api/v1/access-reviews/[reviewId]", "/access-reviews/[reviewId]", "/access-reviews/[reviewId]/record"]);

const METHOD = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)";

/** "METHOD /pattern" for each HTTP method a route.ts exports (`export const GET`, `export { h as POST }`, ...). */
const routeKeys = appFiles(/^route\.[jt]sx?$/).flatMap((file) => {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const methods = new Set(
    [...source.matchAll(new RegExp(`export\\s+(?:const|let|(?:async\\s+)?function)\\s+${METHOD}\\b`, "g"))].map((m) => m[1]),
  );
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const m of list[1].matchAll(new RegExp(`(?:^|,)\\s*(?:\\w+\\s+as\\s+)?${METHOD}\\s*(?=,|$)`, "g"))) methods.add(m[1]);
  }
  return [...methods].map((method) => `${method} ${urlPattern(file)}`);
});

/** Every server action in the build: id -> "file#export" and a page that serves it. */
function builtActions(): Map<string, { id: string; pageUrl: string }> {
  const file = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json");
  if (!fs.existsSync(file)) return new Map();
  type Entry = { filename: string; exportedName: string; workers: Record<string, unknown> };
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, Entry>; edge: Record<string, Entry> };
  const out = new Map<string, { id: string; pageUrl: string }>();
  for (const [id, entry] of Object.entries({ ...manifest.node, ...manifest.edge })) {
    const worker = Object.keys(entry.workers)[0]; // e.g. "app/(app)/controls/[code]/page"
    out.set(`${entry.filename}#${entry.exportedName}`, { id, pageUrl: urlPattern(`${worker}.tsx`) });
  }
  return out;
}
const actionsInBuild = builtActions();

/** Exports of the source's "use server" modules, in case one is not (yet) in the build. */
const actionsInSource = sourceFiles(["app", "components", "lib"], /\.[jt]sx?$/).flatMap((file) => {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  if (!/^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']use server["']/.test(source)) return [];
  return [...source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+(\w+)/g)].map((m) => `${file}#${m[1]}`);
});

// ---- Callers: anonymous, a session cookie per role, an API token per role, a narrowed token. ----

// `scoped`: the scoped auditor (SCOPED_AUDITOR), in person or by a token acting for them. The
// AUDITOR token acts for the AUDITOR account, so that it carries that auditor's periods (a token
// for nobody with an auditor's role is given no period and sees nothing).
type Caller =
  | { name: string; kind: "anonymous" }
  | { name: string; kind: "session"; role: Role; scoped?: true }
  | { name: string; kind: "token"; role: Role; scopes: string[]; dead?: "revoked" | "expired"; scoped?: true };

const ANONYMOUS: Caller = { name: "anonymous", kind: "anonymous" };
const SESSIONS: Caller[] = ROLES.map((role) => ({ name: `${role} session`, kind: "session", role }));
const TOKENS: Caller[] = [
  ...ROLES.map((role): Caller => ({ name: `${role} token`, kind: "token", role, scopes: [] })),
  { name: "revoked ADMIN token", kind: "token", role: "ADMIN", scopes: [], dead: "revoked" },
  { name: "expired ADMIN token", kind: "token", role: "ADMIN", scopes: [], dead: "expired" },
];

/**
 * Tokens narrowed to one scope: every permission in lib/permissions.ts, and every `resource:*`
 * wildcard (which `npm run token:create -- --scopes` accepts), each on an ADMIN token. ADMIN holds
 * every permission, so the scope alone decides: a route that asked a token's role instead of its
 * scopes (as withdraw once did) lets the wrong tokens through here. Narrowed tokens on lesser roles
 * add nothing: tokenCan is the role's check AND the scope's, and the role tokens above walk the first.
 */
const SCOPES = [...Object.keys(PERMISSIONS), ...new Set(Object.keys(PERMISSIONS).map((p) => `${p.split(":")[0]}:*`))];
const SCOPED_SESSION: Caller = { name: "scoped AUDITOR session", kind: "session", role: "AUDITOR", scoped: true };
const SCOPED_TOKEN: Caller = { name: "scoped AUDITOR token", kind: "token", role: "AUDITOR", scopes: [], scoped: true };

/** The account a session caller signs in as, or a token acts for (the AUDITOR token and the scoped one); null: for nobody. */
function personOf(caller: Caller): string | null {
  if (caller.kind === "anonymous") return null;
  if (caller.scoped) return SCOPED_AUDITOR.email;
  if (caller.kind === "session" || (caller.role === "AUDITOR" && !caller.dead)) return ACCOUNTS[caller.role].email;
  return null;
}

const NARROWED: Caller[] = SCOPES.map((scope) => ({
  name: `ADMIN token narrowed to ${scope}`,
  kind: "token",
  role: "ADMIN",
  scopes: [scope],
}));

/** Anonymous, or a token that no longer counts: the caller is not authenticated at all (401). */
const unauthenticated = (caller: Caller) => caller.kind === "anonymous" || (caller.kind === "token" && caller.dead !== undefined);

/** Whether the caller may use a permission: docs/product.md's role table, narrowed by a token's scopes. */
function allows(caller: Caller, permission: Permission): boolean {
  if (caller.kind === "anonymous" || unauthenticated(caller)) return false;
  if (!EXPECTED_ROLES[permission].includes(caller.role)) return false;
  if (caller.kind === "session" || caller.scopes.length === 0) return true;
  return caller.scopes.includes(permission) || caller.scopes.includes(`${permission.split(":")[0]}:*`);
}

// Per worker: one signed-in context per role (and the scoped auditor), one inserted token per token caller.
const contexts = new Map<string, APIRequestContext>();
const secrets = new Map<string, string>();

async function contextOf(role: Role | null, scoped = false): Promise<APIRequestContext> {
  const key = scoped ? "scoped" : (role ?? "anonymous");
  if (!contexts.has(key)) contexts.set(key, scoped ? await apiSessionOf(SCOPED_AUDITOR) : await apiSessionAs(role));
  return contexts.get(key)!;
}

// Each call on its own connection: reusing one the server is closing for idleness resets the socket.
const FRESH = { Connection: "close" };

/** A context and headers that make a request as the caller. Creating them may write; call before the fingerprint. */
async function as(caller: Caller): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  if (caller.kind === "anonymous") return { api: await contextOf(null), headers: FRESH };
  if (caller.kind === "session") return { api: await contextOf(caller.role, caller.scoped), headers: FRESH };
  if (!secrets.has(caller.name)) {
    const secret = `att_${randomBytes(32).toString("base64url")}`;
    await withDb((db) =>
      db.query(
        `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt", "revokedAt", "userId")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() + $6::interval, CASE WHEN $7 THEN now() END,
                 (SELECT id FROM "User" WHERE email = $8))`,
        [
          `authz ${caller.name}`,
          createHash("sha256").update(secret).digest("hex"),
          secret.slice(0, 10),
          caller.role,
          caller.scopes,
          caller.dead === "expired" ? "-1 day" : "1 day",
          caller.dead === "revoked",
          caller.kind === "token" ? personOf(caller) : null,
        ],
      ),
    );
    secrets.set(caller.name, secret);
  }
  return { api: await contextOf(null), headers: { ...FRESH, Authorization: `Bearer ${secrets.get(caller.name)}` } };
}

/**
 * A fresh tag, the user that user-management actions act on, an active token to revoke (created
 * once, re-read each call), and a fresh piece of submitted evidence uploaded by the caller.
 */
async function callContext(caller: Caller = ANONYMOUS): Promise<CallContext> {
  return withDb(async (db) => {
    const uploader =
      caller.kind === "session"
        ? { user: (await db.query(`SELECT id FROM "User" WHERE email = $1`, [personOf(caller)])).rows[0].id, token: null }
        : caller.kind === "token" && secrets.has(caller.name)
          ? {
              user: null,
              token: (await db.query(`SELECT id FROM "ApiToken" WHERE "tokenHash" = $1`, [sha256(secrets.get(caller.name)!)])).rows[0].id,
            }
          : { user: null, token: null };
    const evidence = await db.query(
      `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, "fileSha256", "fileName", "uploadedById", "uploadedByTokenId")
       SELECT gen_random_uuid(), gen_random_uuid(), c.id, 'authz evidence', DATE '2026-01-15', 'API', $1, 'fixture.txt', $2, $3
       FROM "Control" c WHERE c.code = 'AI-SEC-01' RETURNING id`,
      [FIXTURE_EVIDENCE_SHA256, uploader.user, uploader.token],
    );
    await db.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'authz-target@example.test', 'Authz Target', 'AUDITOR', 'not-a-hash', now())
       ON CONFLICT (email) DO NOTHING`,
    );
    const { rows } = await db.query(`SELECT id, role, "disabledAt" FROM "User" WHERE email = 'authz-target@example.test'`);
    // Uploaded by another person (the engineer, or the admin when the engineer calls), so that a reviewer may review it.
    const reviewable = await db.query(
      `INSERT INTO "Evidence" (id, "lineageId", "controlId", title, "effectiveDate", source, "fileSha256", "fileName", "uploadedById")
       SELECT gen_random_uuid(), gen_random_uuid(), c.id, 'authz reviewable evidence', DATE '2026-01-15', 'API', $1, 'fixture.txt', u.id
       FROM "Control" c, "User" u WHERE c.code = 'AI-SEC-01' AND u.email = $2 RETURNING id`,
      [FIXTURE_EVIDENCE_SHA256, caller.kind === "session" && caller.role === "ENGINEER" ? ACCOUNTS.ADMIN.email : ACCOUNTS.ENGINEER.email],
    );
    await db.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes)
       SELECT gen_random_uuid(), 'authz revoke target', 'authz-' || gen_random_uuid(), 'att_authzr', 'AUDITOR', '{}'
       WHERE NOT EXISTS (SELECT 1 FROM "ApiToken" WHERE name = 'authz revoke target' AND "revokedAt" IS NULL)`,
    );
    const token = await db.query(`SELECT id FROM "ApiToken" WHERE name = 'authz revoke target' AND "revokedAt" IS NULL`);
    await db.query(
      `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
       SELECT gen_random_uuid(), 'authz period', 'TYPE_II', DATE '2026-01-01', DATE '2026-12-31', '{SECURITY}', now()
       WHERE NOT EXISTS (SELECT 1 FROM "AuditPeriod" WHERE name = 'authz period')`,
    );
    const period = await db.query(`SELECT id FROM "AuditPeriod" WHERE name = 'authz period'`);
    // Periods to lock (and answer exceptions of) and to unlock, created only when none is left: a
    // lock call turns the unlocked one into a locked one, an unlock call the other way round.
    const isLocked = `EXISTS (SELECT 1 FROM "PeriodLock" l WHERE l."periodId" = p.id)`;
    const newLockable = `INSERT INTO "AuditPeriod" (id, name, type, start, "end", categories, "updatedAt")
       SELECT gen_random_uuid(), 'authz lockable', 'TYPE_II', DATE '2020-01-01', DATE '2020-12-31', '{SECURITY}', now()`;
    await db.query(`${newLockable} WHERE NOT EXISTS (SELECT 1 FROM "AuditPeriod" p WHERE p.name = 'authz lockable' AND NOT ${isLocked})`);
    await db.query(
      `WITH p AS (${newLockable} WHERE NOT EXISTS (SELECT 1 FROM "AuditPeriod" p WHERE p.name = 'authz lockable' AND ${isLocked}) RETURNING id)
       INSERT INTO "PeriodLock" ("periodId", "lockedAt", "lockedBy", snapshot, "snapshotSha256")
       SELECT id, now(), 'authz', $1::jsonb, repeat('0', 64) FROM p`,
      [
        JSON.stringify({
          coverage: {
            period: { name: "authz lockable", type: "TYPE_II", start: "2020-01-01", end: "2020-12-31" },
            today: "2020-12-31",
            timeZone: "UTC",
            summary: { controls: 0, byStatus: {}, coverage: null },
            items: [],
          },
          exceptions: [],
        }),
      ],
    );
    const lockable = (locked: boolean) =>
      db.query(
        `SELECT p.id FROM "AuditPeriod" p WHERE p.name = 'authz lockable' AND ${locked ? "" : "NOT "}${isLocked} ORDER BY p."createdAt" LIMIT 1`,
      );
    const [unlockedPeriod, lockedPeriod] = [await lockable(false), await lockable(true)];
    // Given to the AUDITOR account, which sees it; never to the scoped auditor.
    await db.query(
      `INSERT INTO "AuditPeriodAuditor" ("periodId", "userId") SELECT $1, u.id FROM "User" u WHERE u.email = $2 ON CONFLICT DO NOTHING`,
      [period.rows[0].id, ACCOUNTS.AUDITOR.email],
    );
    const review = await db.query(
      `INSERT INTO "AccessReview" (id, name, quarter, status, resources) VALUES (gen_random_uuid(), 'authz access review', '2026-Q4', 'DRAFT', '{MODEL_API_KEY}') RETURNING id`,
    );
    const reviewItem = await db.query(
      `INSERT INTO "AccessReviewItem" (id, "reviewId", principal, "principalKind", resource, "resourceKind", "accessLevel", source, "reviewerId")
       SELECT gen_random_uuid(), $1, 'authz-svc', 'SERVICE', 'Authz resource', 'MODEL_API_KEY', 'key1', 'authz', u.id FROM "User" u WHERE u.email = $2 RETURNING id`,
      [review.rows[0].id, ACCOUNTS.COMPLIANCE_LEAD.email],
    );
    // An access review in progress (an old quarter, so that no schedule moves) whose one item is the caller's to decide.
    const accessReview = await db.query(
      `INSERT INTO "AccessReview" (id, name, quarter, status, "startedAt", "dueDate") VALUES (gen_random_uuid(), 'authz review', '2020-Q1', 'IN_PROGRESS', now(), DATE '2020-03-31') RETURNING id`,
    );
    const accessItem = await db.query(
      `INSERT INTO "AccessReviewItem" (id, "reviewId", principal, "principalKind", resource, "accessLevel", source, "reviewerId", decision, comment, "decidedAt", "decidedById")
       VALUES (gen_random_uuid(), $1, 'authz-principal', 'HUMAN', 'authz-key', 'admin', 'authz', $2, 'REVOKE', 'authz', now(), $2) RETURNING id`,
      [accessReview.rows[0].id, uploader.user],
    );
    // A CUEC of the fixture vendor besides its own, created only when none is left (the DELETE calls
    // remove one each), so that the fixture vendor's page stays a realistic size through the walk.
    await db.query(
      `INSERT INTO "Cuec" (id, "vendorId", text, "controlId") SELECT gen_random_uuid(), $1, 'authz CUEC', c.id FROM "Control" c
       WHERE c.code = 'AI-SEC-01' AND NOT EXISTS (SELECT 1 FROM "Cuec" WHERE "vendorId" = $1 AND id <> $2)`,
      [PARAM_VALUES.vendorId, PARAM_VALUES.cuecId],
    );
    const cuec = await db.query(`SELECT id FROM "Cuec" WHERE "vendorId" = $1 AND id <> $2 ORDER BY "createdAt" LIMIT 1`, [
      PARAM_VALUES.vendorId,
      PARAM_VALUES.cuecId,
    ]);
    return {
      tag: randomBytes(6).toString("hex"),
      target: { id: rows[0].id, role: rows[0].role, disabled: rows[0].disabledAt !== null },
      token: { id: token.rows[0].id },
      evidence: { id: evidence.rows[0].id },
      reviewable: { id: reviewable.rows[0].id },
      period: { id: period.rows[0].id },
      lockable: { id: unlockedPeriod.rows[0].id },
      locked: { id: lockedPeriod.rows[0].id },
      review: { id: review.rows[0].id, itemId: reviewItem.rows[0].id },
      accessReview: { reviewId: accessReview.rows[0].id, itemId: accessItem.rows[0].id },
      cuec: { id: cuec.rows[0].id },
    };
  });
}

test.afterAll(async () => {
  for (const api of contexts.values()) await api.dispose();
  contexts.clear();
});

// ---- The tables are complete and agree with the permission map. ----

test.describe("the expected-permission table", () => {
  const missingAndStale = (found: string[], listed: string[]) => ({
    missing: [...new Set(found)].filter((k) => !listed.includes(k)).sort(),
    stale: listed.filter((k) => !found.includes(k)).sort(),
  });

  test("lib/permissions.ts gives each permission to exactly the roles docs/product.md names", () => {
    const sorted = (m: Record<string, readonly string[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(PERMISSIONS), "lib/permissions.ts differs from EXPECTED_ROLES in e2e/endpoints/shared.ts").toEqual(
      sorted(EXPECTED_ROLES),
    );
  });

  test("lists every route handler and method (app/**/route.ts)", () => {
    expect(
      missingAndStale(routeKeys, Object.keys(ROUTES)),
      "add the missing ones to the routes of their domain in e2e/endpoints/<domain>.ts, remove the stale ones",
    ).toEqual({ missing: [], stale: [] });
  });

  test("lists every server action (the build's server-reference manifest and the source's 'use server' modules)", () => {
    expect(actionsInBuild.size, "no server actions found in the build: was `next build` run with this NEXT_DIST_DIR?").toBeGreaterThan(0);
    const found = [...actionsInBuild.keys(), ...actionsInSource];
    expect(
      missingAndStale(found, Object.keys(ACTIONS)),
      "add the missing ones to the actions of their domain in e2e/endpoints/<domain>.ts, remove the stale ones",
    ).toEqual({ missing: [], stale: [] });
  });

  test("says what a scoped auditor finds at every route, action and page an auditor may use", () => {
    const auditor: Caller = { name: "AUDITOR", kind: "session", role: "AUDITOR" };
    const usable = [
      ...Object.entries(ROUTES)
        .filter(([, r]) => r.access !== "public" && allows(auditor, r.access) && !r.people)
        .map(([k]) => k),
      ...Object.entries(ACTIONS)
        .filter(([, a]) => a.access !== "setup-only" && allows(auditor, a.access))
        .map(([k]) => k),
      ...Object.entries(PAGES)
        .filter(([, p]) => p === "signed-in" || (p !== "public" && p !== "setup-only" && allows(auditor, p)))
        .map(([k]) => k),
    ];
    expect(
      missingAndStale(usable, Object.keys(SCOPED_AUDITOR_EXPECTS)),
      "add the missing ones to scopedAuditor in e2e/endpoints/<domain>.ts (sees or 404), remove the stale ones",
    ).toEqual({ missing: [], stale: [] });
  });

  test("lists every page (app/**/page.tsx)", () => {
    expect(
      missingAndStale(pageKeys, Object.keys(PAGES)),
      "add the missing ones to the pages of their domain in e2e/endpoints/<domain>.ts, remove the stale ones",
    ).toEqual({ missing: [], stale: [] });
  });
});

/** A scoped auditor's expectation of an endpoint an auditor may use; the table must have one. */
function scopedExpectation(key: string) {
  const expected = SCOPED_AUDITOR_EXPECTS[key];
  expect(expected, `${key}: say in scopedAuditor (e2e/endpoints/<domain>.ts) what a scoped auditor finds there`).toBeDefined();
  return expected;
}

// ---- Route handlers: 401 anonymous, 403 without the permission, nothing written when refused. ----

/** Calls "METHOD /pattern" as the caller, with the route's valid body for this call context. */
function callRoute(key: string, { api, headers }: { api: APIRequestContext; headers: Record<string, string> }, ctx: CallContext) {
  const [method, pattern] = key.split(" ");
  const payload = ROUTES[key].body?.(ctx);
  const raw =
    payload && typeof payload === "object" && "contentType" in payload ? (payload as { text: string; contentType: string }) : null;
  return api.fetch(concreteUrl(pattern, ctx), {
    method,
    headers: raw ? { ...headers, "content-type": raw.contentType } : headers,
    ...(raw
      ? { data: raw.text }
      : payload && typeof payload === "object" && "multipart" in payload
        ? { multipart: payload.multipart as never }
        : { data: payload }),
    maxRedirects: 0,
  });
}

for (const key of routeKeys.filter((k) => k in ROUTES)) {
  const { access, people } = ROUTES[key];
  const [method] = key.split(" ");
  test.describe(`route ${key}`, () => {
    for (const caller of [ANONYMOUS, ...SESSIONS, ...TOKENS, SCOPED_SESSION, SCOPED_TOKEN]) {
      test(`as ${caller.name}`, async () => {
        const { api, headers } = await as(caller);
        const ctx = await callContext(caller);
        const before = await databaseFingerprint();
        const res = await callRoute(key, { api, headers }, ctx);
        const after = await databaseFingerprint();
        const status = res.status();
        if (access === "public") {
          expect(status, "a public handler answers anyone").not.toBe(401);
          expect(status).not.toBe(403);
          expect(status).toBeLessThan(500);
        } else if (!allows(caller, access) || (people && caller.kind === "token")) {
          const expected = unauthenticated(caller) ? 401 : 403;
          expect(status, `${caller.name} lacks ${access}`).toBe(expected);
          expect((await res.json()).error.code).toBe(expected === 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
          expect(after, "a refused call changes nothing in the database").toBe(before);
        } else if ("scoped" in caller && caller.scoped && scopedExpectation(key) === 404) {
          expect(status, `${key} is outside ${caller.name}'s period: it does not exist for them`).toBe(404);
          expect((await res.json()).error.code).toBe("NOT_FOUND");
          expect(after, "a call answered 404 changes nothing in the database").toBe(before);
        } else {
          expect(status, `${caller.name} has ${access}: ${await res.text()}`).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(300);
          if (MUTATING.has(method)) expect(after, "the allowed call really writes (so the refusals are meaningful)").not.toBe(before);
        }
      });
    }
  });
}

// ---- Route handlers with tokens narrowed to one scope: refused everything outside it. ----
// One test per route, not per token, keeps the walk quick: the refused calls share one call context
// and one pair of fingerprints (the tokens are inserted once, before it); each allowed call gets its
// own context and must really write, so that the refusals are the scope check and nothing else.

for (const key of routeKeys.filter((k) => k in ROUTES && ROUTES[k].access !== "public")) {
  const { access, people } = ROUTES[key];
  test(`route ${key} with tokens narrowed to one scope`, async () => {
    const callers = [];
    for (const caller of NARROWED) callers.push({ caller, ...(await as(caller)) });
    const isAllowed = (caller: Caller) => allows(caller, access as Permission) && !people;
    const ctx = await callContext();
    const before = await databaseFingerprint();
    for (const c of callers.filter(({ caller }) => !isAllowed(caller))) {
      const res = await callRoute(key, c, ctx);
      expect(res.status(), `${c.caller.name} lacks ${access}${people ? " (or acts as a person)" : ""}`).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    expect(await databaseFingerprint(), "refused calls change nothing in the database").toBe(before);
    const allowed = callers.filter(({ caller }) => isAllowed(caller));
    if (!people) expect(allowed.length, `a token narrowed to ${access} is walked too`).toBeGreaterThan(0);
    for (const c of allowed) {
      const own = await callContext(c.caller);
      const beforeAllowed = await databaseFingerprint();
      const res = await callRoute(key, c, own);
      expect(res.status(), `${c.caller.name} has ${access}: ${await res.text()}`).toBeGreaterThanOrEqual(200);
      expect(res.status()).toBeLessThan(300);
      if (MUTATING.has(key.split(" ")[0])) {
        expect(await databaseFingerprint(), "the allowed call really writes (so the refusals are meaningful)").not.toBe(beforeAllowed);
      }
    }
  });
}

// ---- Server actions, called over HTTP as the browser's useActionState form does. ----

/** The action's result in its RSC reply (row 0 points at it: {"a":"$@1",...}): "OK" or the error code. */
function actionOutcome(text: string): string {
  const ref = /^0:\{"a":"\$@(\w+)"/m.exec(text)?.[1];
  const row = ref ? new RegExp(`^${ref}:(\\{.*)$`, "m").exec(text)?.[1] : undefined;
  if (!row) return `no action result in: ${text.slice(0, 500)}`;
  const result = JSON.parse(row) as { ok: boolean; error?: { code: string } };
  return result.ok ? "OK" : (result.error?.code ?? "no error code");
}

for (const key of Object.keys(ACTIONS)) {
  const { access, input, readOnly } = ACTIONS[key];
  test.describe(`action ${key}`, () => {
    // An API token (ADMIN, unscoped) is not a session: actions and pages treat its caller as signed out.
    for (const caller of [ANONYMOUS, ...SESSIONS, TOKENS[0], SCOPED_SESSION]) {
      test(`as ${caller.name}`, async () => {
        const built = actionsInBuild.get(key);
        expect(built, `${key} is not in the build's server-reference manifest: no page uses it`).toBeDefined();
        const { api, headers } = await as(caller);
        const ctx = await callContext(caller);
        // React's encodeReply of [prevState, formData]: the form's fields as "_1_<name>", then the
        // arguments as "0" (in this order: the server decodes "0" as soon as it arrives).
        const multipart = new FormData();
        for (const [name, value] of Object.entries(input(ctx))) for (const v of [value].flat()) multipart.append(`_1_${name}`, v);
        multipart.append("0", JSON.stringify([null, "$K1"]));
        const before = await databaseFingerprint();
        const res = await api.post(concreteUrl(built!.pageUrl), {
          headers: { ...headers, "Next-Action": built!.id, Accept: "text/x-component", Origin: baseURL() },
          multipart,
          maxRedirects: 0,
        });
        const outcome = actionOutcome(await res.text());
        const after = await databaseFingerprint();
        expect(res.status()).toBe(200);
        let expected = "OK";
        if (access === "setup-only")
          expected = "FORBIDDEN"; // users exist, so setup refuses everyone
        else if (caller.kind !== "session") expected = "UNAUTHENTICATED";
        else if (!allows(caller, access)) expected = "FORBIDDEN";
        else if (caller.scoped && scopedExpectation(key) === 404) expected = "NOT_FOUND";
        expect(outcome, `${caller.name} calling ${key} (${access})`).toBe(expected);
        if (expected === "NOT_FOUND") expect(after, "a call on what does not exist for the caller changes nothing").toBe(before);
        else if (expected === "OK" && readOnly) expect(after, "a read-only action changes nothing").toBe(before);
        else if (expected === "OK") expect(after, "the allowed call really writes (so the refusals are meaningful)").not.toBe(before);
        else expect(after, "a refused call changes nothing in the database").toBe(before);
      });
    }
  });
}

/** The page's HTML outside the scripts (every page's RSC payload, inside <script>, carries the not-found and forbidden boundaries, shown or not). */
const shownHtml = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
const NOT_FOUND_TEXT = /Nothing exists at this address\./;
const NOT_ALLOWED_TEXT = /<h1>Not allowed<\/h1>/;

// ---- Pages: anonymous callers are redirected to sign-in; roles without the permission get 403 and the "Not allowed" page. ----
// No loading boundary streams a 200 ahead of the page (docs/auditor-scope.md, "403, 404 or sign-in"):
// a redirect is a 3xx, a refusal a 403, something the caller may not see a 404, all as the first
// answer. The status is the check here: the boundary's text travels in the RSC payload, so what a
// person sees is checked in the browser (e2e/dead-ends.spec.ts, e2e/support/refusal.ts).

for (const pattern of pageKeys.filter((p) => p in PAGES)) {
  const access = PAGES[pattern];
  test.describe(`page ${pattern}`, () => {
    for (const caller of [ANONYMOUS, ...SESSIONS, TOKENS[0], SCOPED_SESSION]) {
      test(`as ${caller.name}`, async () => {
        const { api, headers } = await as(caller);
        const res = await api.get(concreteUrl(pattern), { headers, maxRedirects: 0 });
        const html = shownHtml(await res.text());
        const location = res.headers()["location"];
        const target = location ? new URL(location, baseURL()).pathname : null;
        const signedIn = caller.kind === "session" && access !== "setup-only";
        if (access !== "public" && !signedIn) {
          expect(res.status(), `${caller.name} opening ${pattern} is redirected`).toBeGreaterThanOrEqual(300);
          expect(res.status()).toBeLessThan(400);
          expect(target, `${caller.name} opening ${pattern} is redirected to sign-in`).toBe("/signin");
        } else if (pattern === "/forbidden" || (access !== "public" && access !== "signed-in" && !allows(caller, access))) {
          expect(res.status(), `${caller.name} opening ${pattern} is refused with 403`).toBe(403);
          expect(target, "a refusal is not a redirect").toBeNull();
        } else if (caller.kind === "session" && caller.scoped && access !== "public" && scopedExpectation(pattern) === 404) {
          expect(res.status(), `${caller.name} opening ${pattern} finds it missing (404)`).toBe(404);
          expect(target, "not found is not a redirect").toBeNull();
        } else {
          expect(res.status(), `${caller.name} may open ${pattern}`).toBeLessThan(400);
          expect(["/signin", "/forbidden"]).not.toContain(target);
          expect(html, `${pattern} is not refused for ${caller.name}`).not.toMatch(NOT_ALLOWED_TEXT);
          if (caller.kind === "session" && caller.scoped && access !== "public") {
            expect(html, `${pattern} exists for ${caller.name}`).not.toMatch(NOT_FOUND_TEXT);
          }
        }
      });
    }
  });
}
