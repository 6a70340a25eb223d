import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createHash, createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { canonicalJson, type ChainContent } from "../lib/audit-log/chain";
import { applyMigrations } from "../lib/db/migrate";
import { ACCOUNTS, apiSessionAs, baseURL, formError, formStatus, signInAs, withDb, type Role } from "./support";
import { adminQuery, createScratch, dropScratch, queryOn } from "./support/database";
import { runNode as runNodeIn, type NodeResult } from "./support/node-process";
import { expectNotAllowed } from "./support/refusal";

// The audit log: the /audit-log page and its API, the chain under concurrent writers, and
// tampering detected on a scratch database. Only AI-PI-* controls' owners are changed here.

const tag = () => randomBytes(4).toString("hex");

/** `node --import tsx <args>` with this process's environment and `env` on top. */
const runNode = (args: string[], env: Record<string, string> = {}) => runNodeIn(args, { env: { ...process.env, ...env } });

/** Evaluates a module snippet with the app's own lib code; `lib(path)` imports lib/<path>.ts. */
function runWithLib(databaseUrl: string, body: string): Promise<NodeResult> {
  const source = `const lib = async (p) => { const m = await import("./lib/" + p + ".ts"); return m.default ?? m; };\n${body}`;
  return runNode(["--input-type=module", "-e", source], { DATABASE_URL: databaseUrl });
}

async function insertToken(role: string): Promise<{ name: string; secret: string }> {
  const secret = `att_${randomBytes(32).toString("base64url")}`;
  const name = `audit-log ${role} ${tag()}`;
  await withDb((c) =>
    c.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}', now() + interval '1 day')`,
      [name, createHash("sha256").update(secret).digest("hex"), secret.slice(0, 10), role],
    ),
  );
  return { name, secret };
}

/** Signs in and waits for the landing page ("/" navigates on to /dashboard), so a goto is not cut short. */
async function signInLanded(page: Page, role: Role) {
  await signInAs(page, role);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const auditCount = () => withDb(async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLogEntry"`)).rows[0].n);
const logTable = (page: Page) => page.getByRole("table", { name: "Audit log" });
const entryRow = (page: Page, seq: string) => logTable(page).locator(`tbody tr[data-seq="${seq}"]`);

interface ApiEntry {
  seq: string;
  at: string;
  actorEmail: string | null;
  actorRole: string | null;
  actorDisabled: boolean;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

test.describe("audit log", () => {
  test.describe.configure({ timeout: 180_000 });
  const scratch: string[] = [];
  test.afterAll(async () => {
    for (const name of scratch) await dropScratch(name);
  });

  test("a lead's change to a control is on /audit-log with before and after; the chain verifies", async ({ page }) => {
    // Signing in is audited too: both sessions first, so the change below is the newest entry.
    await signInLanded(page, "COMPLIANCE_LEAD");
    const lead = await apiSessionAs("COMPLIANCE_LEAD");
    const previous = ((await (await lead.get("/api/v1/controls/AI-PI-04")).json()) as { owner: string | null }).owner;
    const owner = `Audit owner ${tag()}`;
    const res = await lead.patch("/api/v1/controls/AI-PI-04", { data: { owner } });
    expect(res.status(), await res.text()).toBe(200);
    await lead.dispose();
    const [entry] = await withDb(
      async (c) =>
        (
          await c.query<{ seq: string }>(
            `SELECT seq::text FROM "AuditLogEntry" WHERE "entityId" = 'AI-PI-04' AND after->>'owner' = $1 AND "actorEmail" = $2`,
            [owner, ACCOUNTS.COMPLIANCE_LEAD.email],
          )
        ).rows,
    );
    expect(entry, "the PATCH wrote an audit entry").toBeTruthy();

    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit-log$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
    // Newest first: the change just made is the first row.
    await expect(logTable(page).locator("tbody tr").first()).toHaveAttribute("data-seq", entry.seq);

    // Filtered by entity id and by actor, through the form (the filters land in the URL).
    await page.getByLabel("Entity id", { exact: true }).fill("AI-PI-04");
    await page.getByLabel("Actor", { exact: true }).fill(ACCOUNTS.COMPLIANCE_LEAD.email);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]entityId=AI-PI-04(&|$)/);
    await expect(page).toHaveURL(/[?&]actor=lead%40example\.test(&|$)/);
    const row = entryRow(page, entry.seq);
    await expect(row).toBeVisible();
    for (const other of await logTable(page).locator("tbody tr[data-seq]").allInnerTexts()) {
      expect(other).toContain("AI-PI-04");
      expect(other).toContain(ACCOUNTS.COMPLIANCE_LEAD.email);
    }
    await expect(row).toContainText("control.updated");
    await expect(row).toContainText("COMPLIANCE_LEAD");
    await expect(row).toContainText(`owner: ${previous ?? "—"} → ${owner}`);
    await expect(row.getByRole("link", { name: "Control AI-PI-04" })).toHaveAttribute("href", "/controls/AI-PI-04");
    await expect(row.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

    // The compact diff expands to the full JSON of both sides.
    await row.getByRole("button", { name: "Full JSON" }).click();
    const json = page.locator(`#audit-entry-${entry.seq}-json`);
    await expect(json).toContainText(`"owner": "${owner}"`);
    await expect(json.getByRole("heading", { name: "Before" })).toBeVisible();
    await row.getByRole("button", { name: "Hide JSON" }).click();
    await expect(json).toHaveCount(0);

    // The actor filter alone (e-mail contains, any case) finds it too.
    await page.goto(`/audit-log?actor=LEAD%40EXAMPLE`);
    await expect(entryRow(page, entry.seq)).toBeVisible();

    const entries = await auditCount();
    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(formStatus(page)).toHaveText(new RegExp(`^Chain intact: ${entries} entries[,;] `));
  });

  test("ENGINEER is refused the page and the API; AUDITOR can read both", async ({ page }) => {
    await signInLanded(page, "ENGINEER");
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expectNotAllowed(page, "/audit-log");
    const engineer = await apiSessionAs("ENGINEER");
    for (const path of ["/api/v1/audit-log", "/api/v1/audit-log/verify"]) {
      const res = await engineer.get(path);
      expect(res.status(), path).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
    await engineer.dispose();

    const auditor = await apiSessionAs("AUDITOR");
    const res = await auditor.get("/api/v1/audit-log?entityType=Control&entityId=AI-PI-04");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: ApiEntry[]; nextCursor: string | null };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ entityType: "Control", entityId: "AI-PI-04", action: "control.updated" });
    expect(body.items[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await auditor.dispose();

    await page.context().clearCookies();
    await signInLanded(page, "AUDITOR");
    await page.goto("/audit-log?entityId=AI-PI-04");
    await expect(logTable(page).locator("tbody tr[data-seq]").first()).toContainText("AI-PI-04");
  });

  test("50 concurrent changes by sessions and tokens all succeed and the chain stays intact", async () => {
    const run = tag();
    const leadToken = await insertToken("COMPLIANCE_LEAD");
    const adminToken = await insertToken("ADMIN");
    const callers: { api: APIRequestContext; email: string }[] = [
      { api: await apiSessionAs("COMPLIANCE_LEAD"), email: ACCOUNTS.COMPLIANCE_LEAD.email },
      { api: await apiSessionAs("ADMIN"), email: ACCOUNTS.ADMIN.email },
    ];
    for (const token of [leadToken, adminToken]) {
      callers.push({
        api: await playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { Authorization: `Bearer ${token.secret}` } }),
        email: `token:${token.name}`,
      });
    }
    const codes = ["AI-PI-01", "AI-PI-02", "AI-PI-03", "AI-PI-04", "AI-PI-05"];
    // Every sign-in is an audit entry: the session that verifies below signs in before counting.
    const admin = await apiSessionAs("ADMIN");
    const before = await auditCount();
    const changes = Array.from({ length: 50 }, (_, i) => ({
      code: codes[i % codes.length],
      owner: `Audit conc ${run} #${i}`,
      caller: callers[i % callers.length],
    }));
    const responses = await Promise.all(
      changes.map(({ code, owner, caller }) =>
        caller.api.patch(`/api/v1/controls/${code}`, { data: { owner }, headers: { Connection: "close" } }),
      ),
    );
    for (const [i, res] of responses.entries()) expect(res.status(), `change #${i}: ${await res.text()}`).toBe(200);
    for (const { api } of callers) await api.dispose();

    expect(await auditCount()).toBe(before + 50);
    // Each change is recorded once, with the caller that made it.
    const recorded = await withDb(
      async (c) =>
        (
          await c.query<{ owner: string; actorEmail: string; entityId: string }>(
            `SELECT after->>'owner' AS owner, "actorEmail", "entityId" FROM "AuditLogEntry" WHERE after->>'owner' LIKE $1`,
            [`Audit conc ${run} #%`],
          )
        ).rows,
    );
    expect(recorded).toHaveLength(50);
    for (const change of changes) {
      expect(recorded.find((r) => r.owner === change.owner)).toEqual({
        owner: change.owner,
        actorEmail: change.caller.email,
        entityId: change.code,
      });
    }

    // Seqs are contiguous from 1 and each entry links to the hash of the one before.
    const links = await withDb(
      async (c) =>
        (
          await c.query<{ seq: string; prev_seq: string | null; prevHash: string; prev_hash: string | null }>(
            `SELECT seq::text, (lag(seq) OVER w)::text AS prev_seq, "prevHash", lag(hash) OVER w AS prev_hash
               FROM "AuditLogEntry" WINDOW w AS (ORDER BY seq) ORDER BY seq`,
          )
        ).rows,
    );
    expect(links.length).toBe(before + 50);
    expect(links[0]).toMatchObject({ seq: "1", prevHash: "0".repeat(64) });
    const badLinks = links.slice(1).filter((l) => BigInt(l.seq) !== BigInt(l.prev_seq!) + 1n || l.prevHash !== l.prev_hash);
    expect(badLinks).toEqual([]);

    const verify = await admin.get("/api/v1/audit-log/verify");
    expect(verify.status()).toBe(200);
    expect(await verify.json()).toMatchObject({ ok: true, entries: before + 50, problems: [] });

    // Keyset pages: 50 newest first, then the next page starts just below the cursor.
    const first = (await (await admin.get("/api/v1/audit-log")).json()) as { items: ApiEntry[]; nextCursor: string | null };
    expect(first.items).toHaveLength(50);
    expect(first.items[0].seq).toBe(String(before + 50));
    expect(first.nextCursor).toBe(first.items[49].seq);
    const second = (await (await admin.get(`/api/v1/audit-log?cursor=${first.nextCursor}`)).json()) as { items: ApiEntry[] };
    expect(second.items[0].seq).toBe(String(BigInt(first.nextCursor!) - 1n));
    await admin.dispose();

    const cli = await runNode(["scripts/audit-verify.ts"]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(
      new RegExp(
        `^audit log OK: ${before + 50} entries, chain intact — Chain intact: [^\\n]+\\nevidence files OK: \\d+ re-hashed, all match\\n$`,
      ),
    );
  });

  test("the page pages through the log with Older and Newer", async ({ page }) => {
    // A lead, who sees every entry (an auditor sees only those of their periods' windows: lib/auth/scope.ts).
    await signInLanded(page, "COMPLIANCE_LEAD"); // first: the sign-in itself is audited (user.signed_in)
    const total = await auditCount();
    expect(total).toBeGreaterThan(50);
    await page.goto("/audit-log");
    await expect(page.getByText(`Entries 1–50 of ${total}, newest first`)).toBeVisible();
    await expect(logTable(page).locator("tbody tr[data-seq]")).toHaveCount(50);
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(/[?&]cursor=\d+/);
    await expect(page.getByText(new RegExp(`^Entries 51–\\d+ of ${total}, newest first$`))).toBeVisible();
    await expect(logTable(page).locator("tbody tr[data-seq]").first()).toHaveAttribute("data-seq", String(total - 50));
    await page.getByRole("link", { name: "← Newer" }).click();
    await expect(page.getByText(`Entries 1–50 of ${total}, newest first`)).toBeVisible();
    await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  });

  test("a disabled user's entries keep their e-mail", async ({ page }) => {
    const email = `audit-leaver-${tag()}@example.test`;
    const password = "a long enough passphrase for the leaver";
    const created = await runNode(["scripts/user-create.ts", "--email", email, "--role", "COMPLIANCE_LEAD"], { ATTEST_PASSWORD: password });
    expect(created.code, created.stderr).toBe(0);
    const api = await playwrightRequest.newContext({ baseURL: baseURL() });
    const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await api.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password, json: "true" } });
    const owner = `Audit leaver ${tag()}`;
    const res = await api.patch("/api/v1/controls/AI-PI-05", { data: { owner } });
    expect(res.status(), await res.text()).toBe(200);
    await api.dispose();
    await withDb((c) => c.query(`UPDATE "User" SET "disabledAt" = now() WHERE email = $1`, [email]));

    const auditor = await apiSessionAs("AUDITOR");
    const body = (await (await auditor.get(`/api/v1/audit-log?actor=${encodeURIComponent(email)}`)).json()) as { items: ApiEntry[] };
    await auditor.dispose();
    const entry = body.items.find((i) => i.after?.owner === owner);
    expect(entry).toMatchObject({ actorEmail: email, actorRole: "COMPLIANCE_LEAD", actorDisabled: true });

    await signInLanded(page, "AUDITOR");
    await page.goto(`/audit-log?actor=${encodeURIComponent(email)}`);
    const row = entryRow(page, entry!.seq);
    await expect(row).toContainText(email);
    await expect(row).toContainText("(disabled)");
    await expect(row).toContainText(owner);
  });

  test("a date range with from after to gives a clear message, on the page and in the API", async ({ page }) => {
    await signInLanded(page, "AUDITOR");
    await page.goto("/audit-log");
    await page.getByLabel("From (UTC)").fill("2026-03-10");
    await page.getByLabel("To (UTC)").fill("2026-03-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]from=2026-03-10&to=2026-03-01/);
    await expect(page.locator(".alert.error[role=alert]").first()).toContainText("The end date is before the start date");
    await expect(page.locator("#to-error")).toContainText("on or after");
    await expect(logTable(page)).toHaveCount(0);
    // The form keeps what was typed, so it can be corrected.
    await expect(page.getByLabel("From (UTC)")).toHaveValue("2026-03-10");

    // A valid range in the past has no entries: the empty state, not an error.
    await page.goto("/audit-log?from=2000-01-01&to=2000-01-31");
    await expect(page.getByText("No entry matches these filters.")).toBeVisible();
    await expect(formError(page)).toHaveCount(0);
    // Today's range includes the entries made above.
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`/audit-log?from=${today}&to=${today}`);
    await expect(logTable(page).locator("tbody tr[data-seq]").first()).toBeVisible();

    const auditor = await apiSessionAs("AUDITOR");
    const res = await auditor.get("/api/v1/audit-log?from=2026-03-10&to=2026-03-01");
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.message).toContain("The end date is before the start date");
    expect((await auditor.get("/api/v1/audit-log?from=2026-02-30")).status()).toBe(400);
    await auditor.dispose();
  });

  /** A scratch database with the migrations applied and `count` entries written by the app's own append. */
  async function scratchWithEntries(count: number): Promise<string> {
    const { name, url } = await createScratch("audit");
    scratch.push(name);
    await applyMigrations(url);
    if (count > 0) await appendEntries(url, count, 1);
    return url;
  }

  /** Appends `count` entries through lib/audit-log/append, in a child process (as the app does). */
  async function appendEntries(url: string, count: number, first: number) {
    const res = await runWithLib(
      url,
      `const { db } = await lib("db");
       const { appendAudit } = await lib("audit-log/append");
       const actor = { kind: "system", id: null, email: "cli:audit-log-spec", role: null };
       for (let i = ${first}; i < ${first + count}; i++) {
         await db.$transaction((tx) => appendAudit(tx, actor, { action: "control.updated", entityType: "Control",
           entityId: "AI-PI-0" + (i % 5 + 1), before: { owner: null }, after: { owner: "Owner " + i } }));
       }
       await db.$disconnect();`,
    );
    expect(res.code, res.stderr).toBe(0);
  }

  const verifyCli = (url: string) => runNode(["scripts/audit-verify.ts"], { DATABASE_URL: url });

  test("deleting the newest entries with triggers disabled: audit:verify names the missing entries from the checkpoint", async () => {
    const url = await scratchWithEntries(6);
    const checkpoint = await runNode(["scripts/audit-checkpoint.ts"], { DATABASE_URL: url });
    expect(checkpoint.code, checkpoint.stderr).toBe(0);
    expect(checkpoint.stdout).toMatch(/^audit checkpoint written: seq 6, hash [0-9a-f]{64}, \S+\.json\n$/);
    const ok = await verifyCli(url);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /^audit log OK: 6 entries, chain intact — Chain intact: 6 entries, matching the newest checkpoint \(.+, seq 6\)\.\n/,
    );
    const [{ hash: hash6 }] = await queryOn<{ hash: string }>(url, `SELECT hash FROM "AuditLogEntry" WHERE seq = 6`);

    // What the database owner may do: switch the append-only triggers off for the session and delete.
    await queryOn(url, `SET session_replication_role = replica; DELETE FROM "AuditLogEntry" WHERE seq > 3; RESET session_replication_role`);
    expect(await queryOn(url, `SELECT seq FROM "AuditLogEntry"`)).toHaveLength(3);
    const truncated = await verifyCli(url);
    expect(truncated.code, truncated.stdout + truncated.stderr).toBe(1);
    expect(truncated.stdout).toMatch(
      new RegExp(
        `^audit log BROKEN: entries 4–6 are missing: the newest checkpoint \\(\\d{4}-[^)]+\\) recorded seq 6 with hash ${hash6}, and the log ends at entry 3\\.\\n`,
      ),
    );
    // A new checkpoint is refused rather than signing the shortened head.
    const refused = await runNode(["scripts/audit-checkpoint.ts"], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("The audit log ends at entry 3 but the checkpoint of");

    // New entries written after the deletion fill seqs 4–6 again with valid HMACs: entry 6 no longer
    // matches the checkpoint, so the replacement is named too.
    await appendEntries(url, 3, 100);
    const replaced = await verifyCli(url);
    expect(replaced.code).toBe(1);
    expect(replaced.stdout).toContain(`audit log BROKEN: entry 6 does not match the checkpoint (`);
    expect(replaced.stdout).toContain(`which recorded hash ${hash6}: the entries up to 6 were replaced.`);
  });

  test("rewriting an entry and recomputing every later hash without the key: audit:verify names the altered entry", async () => {
    const url = await scratchWithEntries(5);
    expect((await verifyCli(url)).code).toBe(0);
    // The hashes below are recomputed here, not by the library: the type is shared, the formula is not.
    type Row = Omit<ChainContent, "at"> & { at: Date; prevHash: string; hash: string };
    const original = await queryOn<Row>(
      url,
      `SELECT seq::text, at, "actorId", "actorEmail", "actorRole", "actorKind", action, "entityType", "entityId", before, after, "prevHash", hash FROM "AuditLogEntry" ORDER BY seq`,
    );
    const sha256Chain = (prev: string, text: string) => createHash("sha256").update(prev).update("\n").update(text).digest("hex");
    const wrongKey = randomBytes(32);
    const hmacChain = (prev: string, text: string) =>
      createHmac("sha256", wrongKey).update("attest-audit/hmac-sha256\n").update(prev).update("\n").update(text).digest("hex");

    /** Rewrites entry 3's `after` and recomputes the hash (and previous-hash) of 3, 4 and 5 with `chain`. */
    async function rewrite(chain: (prev: string, text: string) => string, extraSet = "") {
      let prev = original[1].hash;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        for (const row of original.slice(2)) {
          const after = row.seq === "3" ? { owner: "Someone else" } : row.after;
          const content = {
            seq: row.seq,
            at: row.at.toISOString(),
            actorId: row.actorId,
            actorEmail: row.actorEmail,
            actorRole: row.actorRole,
            actorKind: row.actorKind,
            action: row.action,
            entityType: row.entityType,
            entityId: row.entityId,
            before: row.before,
            after,
          };
          const hash = chain(prev, canonicalJson(content));
          await client.query(`UPDATE "AuditLogEntry" SET after = $2, "prevHash" = $3, hash = $4${extraSet} WHERE seq = $1`, [
            row.seq,
            JSON.stringify(after),
            prev,
            hash,
          ]);
          prev = hash;
        }
      } finally {
        await client.end();
      }
    }
    async function restore() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        for (const row of original.slice(2)) {
          await client.query(`UPDATE "AuditLogEntry" SET after = $2, "prevHash" = $3, hash = $4, scheme = 'hmac-sha256' WHERE seq = $1`, [
            row.seq,
            JSON.stringify(row.after),
            row.prevHash,
            row.hash,
          ]);
        }
      } finally {
        await client.end();
      }
      expect((await verifyCli(url)).code).toBe(0);
    }

    // Plain SHA-256, as the chain was computed before it was keyed.
    await rewrite(sha256Chain);
    const plain = await verifyCli(url);
    expect(plain.code, plain.stdout).toBe(1);
    expect(plain.stdout).toMatch(/^audit log BROKEN: entry 3 was altered: its content does not match its HMAC/);
    await restore();

    // The right construction under a key that is not the installation's.
    await rewrite(hmacChain);
    const wrong = await verifyCli(url);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^audit log BROKEN: entry 3 was altered: its content does not match its HMAC/);
    await restore();

    // Plain SHA-256 and the entries relabelled as legacy (unkeyed) ones: refused after keyed entries.
    await rewrite(sha256Chain, `, scheme = 'sha256'`);
    const legacy = await verifyCli(url);
    expect(legacy.code).toBe(1);
    expect(legacy.stdout).toMatch(
      /^audit log BROKEN: entry 3 was altered: it claims the unkeyed legacy scheme, accepted only before the first keyed entry \(1\)/,
    );
  });

  test("the page's Verify chain and the API give the same verdict as audit:verify, naming the deleted entries", async ({ page }) => {
    // Signed in and on the page first: nothing below writes to the log once entries are deleted.
    await signInLanded(page, "AUDITOR");
    await page.goto("/audit-log");
    const auditor = await apiSessionAs("AUDITOR");
    const checkpoint = await runNode(["scripts/audit-checkpoint.ts"]);
    expect(checkpoint.code, checkpoint.stderr).toBe(0);
    const head = Number(/seq (\d+)/.exec(checkpoint.stdout)![1]);
    const intact = (await (await auditor.get("/api/v1/audit-log/verify")).json()) as { ok: boolean; message: string };
    expect(intact).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        new RegExp(`^Chain intact: ${head} entries, matching the newest checkpoint \\(.+, seq ${head}\\)\\.$`),
      ),
    });
    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(formStatus(page)).toHaveText(intact.message);

    const removed = await withDb(
      async (c) => (await c.query(`SELECT * FROM "AuditLogEntry" WHERE seq > $1 ORDER BY seq`, [head - 2])).rows,
    );
    expect(removed).toHaveLength(2);
    await adminQuery(
      `SET session_replication_role = replica; DELETE FROM "AuditLogEntry" WHERE seq > ${head - 2}; RESET session_replication_role`,
    );
    try {
      const res = await auditor.get("/api/v1/audit-log/verify");
      expect(res.status()).toBe(200);
      const verdict = (await res.json()) as {
        ok: boolean;
        entries: number;
        message: string;
        problems: { seq: string; kind: string; message: string }[];
      };
      expect(verdict).toMatchObject({ ok: false, entries: head - 2, problems: [{ seq: String(head - 1), kind: "missing" }] });
      expect(verdict.problems[0].message).toMatch(
        new RegExp(
          `^entries ${head - 1}–${head} are missing: the newest checkpoint \\(.+\\) recorded seq ${head} with hash [0-9a-f]{64}, and the log ends at entry ${head - 2}\\.$`,
        ),
      );
      expect(verdict.message).toBe(`Audit log broken: ${verdict.problems[0].message}`);

      await page.getByRole("button", { name: "Verify chain" }).click();
      await expect(page.getByRole("form", { name: "Verify the audit log" }).getByRole("alert")).toHaveText(verdict.message);

      const cli = await runNode(["scripts/audit-verify.ts"]);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`audit log BROKEN: ${verdict.problems[0].message}\n`);
    } finally {
      // Put the two entries back exactly as they were, for the specs that follow.
      await withDb((c) =>
        c.query(`INSERT INTO "AuditLogEntry" SELECT * FROM json_populate_recordset(NULL::"AuditLogEntry", $1)`, [JSON.stringify(removed)]),
      );
    }
    expect(await (await auditor.get("/api/v1/audit-log/verify")).json()).toMatchObject({ ok: true, entries: head });
    await auditor.dispose();
  });
});
