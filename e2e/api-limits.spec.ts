import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACCOUNTS, apiSessionAs, baseURL, databaseFingerprint, withDb } from "./support";

// Bounded input and API hygiene: JSON bodies are capped while they are read (413 with the limit),
// lists have a maximum (400 naming it, nothing written), every API answer says Cache-Control:
// no-store, and 401/403 refusals leave one JSON line in the server log.

const MiB = 1024 * 1024;
let admin: APIRequestContext;
let token: string;

test.beforeAll(async () => {
  admin = await apiSessionAs("ADMIN");
  token = `att_${randomBytes(32).toString("base64url")}`;
  await withDb((db) =>
    db.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'ADMIN', '{}', now() + interval '1 day')`,
      [`limits ${token.slice(0, 10)}`, createHash("sha256").update(token).digest("hex"), token.slice(0, 10)],
    ),
  );
});
test.afterAll(async () => admin.dispose());

/** A period body padded to `size` bytes (the padding is a field the schema would ignore). */
const paddedPeriod = (size: number) => {
  const base = JSON.stringify({
    name: "Too big",
    type: "TYPE_I",
    start: "2026-01-01",
    end: "2026-03-31",
    categories: ["SECURITY"],
    pad: "",
  });
  return base.replace('"pad":""', `"pad":"${"x".repeat(size - base.length)}"`);
};

/**
 * Sends a request over a raw socket and resolves with the status and body of the answer as soon as
 * it has arrived, while the request may still be unfinished (`end: false` leaves it open); status 0
 * when the server closed the connection without answering.
 */
function rawRequest(head: string, body: Buffer[], options: { end: boolean }): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseURL());
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let answer = "";
    const done = (result: { status: number; text: string }) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within 30 s; got: ${answer.slice(0, 300)}`));
    }, 30_000);
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const split = answer.indexOf("\r\n\r\n");
      if (split < 0) return;
      const headers = answer.slice(0, split);
      const rest = answer.slice(split + 4);
      const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? NaN);
      const complete = /transfer-encoding: chunked/i.test(headers) ? rest.endsWith("0\r\n\r\n") : rest.length >= length;
      if (complete) done({ status: Number(headers.split(" ")[1]), text: rest });
    });
    socket.on("close", () => done({ status: Number(answer.split(" ")[1] ?? 0) || 0, text: answer }));
    socket.on("error", () => undefined); // the server may close while we still write: "close" follows
    socket.write(head);
    for (const part of body) if (!socket.destroyed) socket.write(part);
    if (options.end) socket.end();
  });
}

const host = () => new URL(baseURL()).host;

test.describe("JSON bodies are capped at 1 MiB while they are read", () => {
  test("a body over the limit with an honest Content-Length is a 413 that says the limit; nothing is written", async () => {
    const before = await databaseFingerprint();
    const res = await admin.post("/api/v1/periods", { headers: { "Content-Type": "application/json" }, data: paddedPeriod(MiB + 1) });
    expect(res.status()).toBe(413);
    expect((await res.json()).error).toEqual({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("larger than 1 MiB") });
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(await databaseFingerprint()).toBe(before);
  });

  test("a body just under the limit is read (the limit is the body's size, not less)", async () => {
    const res = await admin.post("/api/v1/periods", { headers: { "Content-Type": "application/json" }, data: paddedPeriod(MiB - 1) });
    expect(res.status(), await res.text()).not.toBe(413);
  });

  test("a lying Content-Length over the limit is refused before the body arrives", async () => {
    // Declares 2 MiB, sends 10 bytes and waits: the answer comes without the rest of the body.
    const head = `POST /api/v1/periods HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${2 * MiB}\r\n\r\n`;
    const res = await rawRequest(head, [Buffer.from('{"name":"x')], { end: false });
    expect(res.status).toBe(413);
    expect(res.text).toContain("larger than 1 MiB");
  });

  test("a chunked body (no Content-Length to check) is cut off once it passes the limit", async () => {
    // 1.5 MiB in chunks, then the request stays open: the 413 arrives while it is still unfinished,
    // so the server stopped reading at the limit instead of waiting for the whole body.
    const before = await databaseFingerprint();
    const head = `POST /api/v1/periods HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const body = paddedPeriod(1.5 * MiB);
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += 64 * 1024) {
      const part = Buffer.from(body.slice(i, i + 64 * 1024));
      chunks.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n"));
    }
    const res = await rawRequest(head, chunks, { end: false });
    expect(res.status).toBe(413);
    expect(res.text).toContain("larger than 1 MiB");
    expect(await databaseFingerprint()).toBe(before);
  });

  test("a Content-Length under the limit cannot carry more: only the declared bytes are a body, nothing is written", async () => {
    // HTTP/1.1 ends the body at the declared length; the bytes after it are read as a (malformed)
    // next request, which the server refuses by closing the connection.
    const before = await databaseFingerprint();
    const body = paddedPeriod(2 * MiB);
    const head = `POST /api/v1/periods HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n`;
    const res = await rawRequest(head, [Buffer.from(body)], { end: true });
    expect(res.status === 0 || res.status >= 400, `answered ${res.status}`).toBe(true);
    expect(await databaseFingerprint()).toBe(before);
  });
});

test.describe("lists have a maximum", () => {
  const item = (i: number) => ({ principal: `svc-${i}`, principalKind: "SERVICE", resource: "limits", accessLevel: "read" });
  const draftReview = () =>
    withDb(
      async (db) =>
        (
          await db.query<{ id: string }>(
            `INSERT INTO "AccessReview" (id, name, quarter, status, resources) VALUES (gen_random_uuid(), $1, '2026-Q4', 'DRAFT', '{OTHER}') RETURNING id`,
            [`limits ${randomBytes(3).toString("hex")}`],
          )
        ).rows[0].id,
    );
  const itemCount = (id: string) =>
    withDb(
      async (db) =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AccessReviewItem" WHERE "reviewId" = $1`, [id])).rows[0].n,
    );

  test("20,001 access-review items are a 400 naming the maximum, and none is added", async () => {
    const review = await draftReview();
    const before = await databaseFingerprint();
    const res = await admin.post(`/api/v1/access-reviews/${review}/items`, { data: Array.from({ length: 20_001 }, (_, i) => item(i)) });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toContain("At most 20000 items per request.");
    expect(await databaseFingerprint()).toBe(before);
    expect(await itemCount(review)).toBe(0);
  });

  test("the items API still takes a list larger than 1 MiB (its own limit fits 20,000 items)", async () => {
    test.setTimeout(180_000);
    const review = await draftReview();
    const items = Array.from({ length: 13_000 }, (_, i) => item(i));
    expect(JSON.stringify(items).length).toBeGreaterThan(MiB);
    const res = await admin.post(`/api/v1/access-reviews/${review}/items`, { data: items, timeout: 150_000 });
    expect(res.status(), await res.text()).toBe(201);
    expect(await itemCount(review)).toBe(13_000);
  });
});

test.describe("every API answer says Cache-Control: no-store", () => {
  const noStore = (value: string | undefined) =>
    (value ?? "")
      .split(",")
      .map((s) => s.trim())
      .includes("no-store");

  test("401, 404 and 200 under /api/v1", async () => {
    const anonymous = await apiSessionAs(null);
    const answers = [
      [401, await anonymous.get("/api/v1/controls")],
      [404, await admin.get("/api/v1/controls/NO-SUCH-01")],
      [404, await admin.get("/api/v1/no-such-endpoint")],
      [200, await admin.get("/api/v1/controls")],
      [200, await anonymous.get("/api/v1/openapi.json")],
    ] as const;
    for (const [status, res] of answers) {
      expect(res.status(), res.url()).toBe(status);
      expect(noStore(res.headers()["cache-control"]), `${res.url()}: ${res.headers()["cache-control"]}`).toBe(true);
    }
    await anonymous.dispose();
  });

  test("next-auth's answers under /api/auth, errors included", async () => {
    const anonymous = await apiSessionAs(null);
    const csrf = await anonymous.get("/api/auth/csrf");
    const session = await admin.get("/api/auth/session");
    const unknown = await anonymous.get("/api/auth/no-such-action", { maxRedirects: 0 });
    const badSignIn = await anonymous.post("/api/auth/callback/credentials", {
      form: { csrfToken: "wrong", email: ACCOUNTS.ADMIN.email, password: "wrong", json: "true" },
      maxRedirects: 0,
    });
    expect(csrf.status()).toBe(200);
    expect(session.status()).toBe(200);
    expect(unknown.status()).toBeGreaterThanOrEqual(400);
    for (const res of [csrf, session, unknown, badSignIn]) {
      expect(noStore(res.headers()["cache-control"]), `${res.url()} (${res.status()}): ${res.headers()["cache-control"]}`).toBe(true);
    }
    await anonymous.dispose();
  });

  test("no HSTS over http (the https case is a unit test of lib/http/security-headers.ts)", async () => {
    for (const res of [await admin.get("/api/v1/controls"), await admin.get("/controls")]) {
      expect(res.headers()["strict-transport-security"]).toBeUndefined();
    }
  });
});

test.describe("401 and 403 refusals are logged as one JSON line each", () => {
  const serverLog = () => path.join(process.env.ATTEST_DATA_DIR!, "server.log");
  const refusals = () =>
    fs
      .readFileSync(serverLog(), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{") && line.includes('"auth.refused"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const userId = (email: string) =>
    withDb(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id);

  test("an unknown token (401), a role without the permission (403) and a page the role may not open", async () => {
    const unknown = `att_${randomBytes(32).toString("base64url")}`;
    const anonymous = await apiSessionAs(null);
    expect((await anonymous.get("/api/v1/controls", { headers: { Authorization: `Bearer ${unknown}` } })).status()).toBe(401);
    await anonymous.dispose();
    const auditor = await apiSessionAs("AUDITOR");
    const marker = `refused ${randomBytes(3).toString("hex")}`;
    const res = await auditor.post("/api/v1/periods", {
      data: { name: marker, type: "TYPE_I", start: "2026-01-01", end: "2026-03-31", categories: ["SECURITY"] },
    });
    expect(res.status()).toBe(403);
    const page = await auditor.get("/settings/users", { maxRedirects: 0 });
    expect(page.status()).toBeLessThan(500);
    await auditor.dispose();
    const auditorId = await userId(ACCOUNTS.AUDITOR.email);

    await expect
      .poll(() => refusals().some((r) => r.status === 401 && r.tokenPrefix === unknown.slice(0, 10)), { message: "the 401 is logged" })
      .toBe(true);
    const apiRefusal = refusals().find((r) => r.status === 403 && r.path === "/api/v1/periods" && r.userId === auditorId);
    expect(apiRefusal, "the API 403 is logged with the user").toMatchObject({ event: "auth.refused", code: "FORBIDDEN", method: "POST" });
    expect(typeof apiRefusal!.time).toBe("string");
    await expect
      .poll(
        () =>
          refusals().some(
            (r) => r.status === 403 && r.path === "/settings/users" && r.userId === auditorId && r.permission === "users:manage",
          ),
        {
          message: "the page refusal is logged",
        },
      )
      .toBe(true);
  });
});
