import { expect, request as playwrightRequest, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { baseURL, withDb, type Role } from "./support";

// Helpers for the evidence specs: tokens inserted as an admin would create them, multipart bodies
// built byte by byte (so a test controls the exact file name sent), and a look at the storage.

export const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
export const tag = () => randomBytes(4).toString("hex");
export const today = () => new Date().toISOString().slice(0, 10);

/** A token as Settings or token:create makes it; `dead` makes it revoked or expired. */
export async function insertToken(
  role: Role,
  options: { dead?: "revoked" | "expired"; scopes?: string[]; userId?: string } = {},
): Promise<string> {
  const secret = `att_${randomBytes(32).toString("base64url")}`;
  await withDb((db) =>
    db.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, role, scopes, "expiresAt", "revokedAt", "userId")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() + $6::interval, CASE WHEN $7 THEN now() END, $8)`,
      [
        `evidence ${role.toLowerCase()} ${tag()}`,
        sha256(secret),
        secret.slice(0, 10),
        role,
        options.scopes ?? [],
        options.dead === "expired" ? "-1 day" : "1 day",
        options.dead === "revoked",
        options.userId ?? null,
      ],
    ),
  );
  return secret;
}

export function bearerContext(token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

export interface UploadFields {
  control?: string;
  title?: string;
  effectiveDate?: string;
  description?: string;
  features?: string;
  commitSha?: string;
  pullRequest?: string;
  runUrl?: string;
  validFrom?: string;
  validUntil?: string;
  supersedes?: string;
  url?: string;
}

/** A multipart/form-data body: the fields first, then the file with its name exactly as given. */
export function multipartBody(fields: UploadFields, file?: { name: string; bytes: Buffer; type?: string }) {
  const boundary = `----attest${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    // The name is sent raw (UTF-8) and also as RFC 5987 filename*, so control characters survive.
    const escaped = file.name.replace(/"/g, "%22").replace(/[\u0000-\u001f]/g, "_");
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escaped}"; filename*=UTF-8''${encodeURIComponent(file.name)}\r\n` +
          `Content-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(api: APIRequestContext, fields: UploadFields, file?: { name: string; bytes: Buffer; type?: string }) {
  const { body, contentType } = multipartBody(fields, file);
  return api.post("/api/v1/evidence", { data: body, headers: { "Content-Type": contentType, Connection: "close" } });
}

/**
 * Sends an upload with chunked transfer encoding (no Content-Length, so the server can only
 * enforce the limit while streaming) through node's http client; resolves with status and body.
 */
export function uploadChunked(
  token: string,
  fields: UploadFields,
  fileName: string,
  size: number,
): Promise<{ status: number; body: string }> {
  const { body: head, contentType } = multipartBody(fields);
  const boundary = contentType.split("boundary=")[1];
  const opening = head.subarray(0, head.length - `--${boundary}--\r\n`.length);
  const url = new URL("/api/v1/evidence", baseURL());
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { "Content-Type": contentType, Authorization: `Bearer ${token}`, "Transfer-Encoding": "chunked" },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.write(opening);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const chunk = Buffer.alloc(1024 * 1024, 7);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

export const evidenceDir = () => path.join(process.env.ATTEST_DATA_DIR!, "evidence");

/** Unfinished uploads on disk (they never count, and are swept at start). */
export function tempFiles(): string[] {
  const dir = path.join(evidenceDir(), "tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".part")) : [];
}

export const storedFileOnDisk = (sha: string) => fs.existsSync(path.join(evidenceDir(), "sha256", sha.slice(0, 2), sha));

/** What counts: evidence rows and stored-file rows. */
export function evidenceCounts(): Promise<{ evidence: number; files: number }> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ evidence: number; files: number }>(
      `SELECT (SELECT count(*)::int FROM "Evidence") AS evidence, (SELECT count(*)::int FROM "StoredFile") AS files`,
    );
    return rows[0];
  });
}

// Real file signatures, so that sniffing sees what a real file would show.
export const PNG_BYTES = Buffer.concat([
  Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fe0dc9b6d50000000049454e44ae426082",
    "hex",
  ),
]);
export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const ELF_BYTES = Buffer.concat([Buffer.from("7f454c46020101000000000000000000", "hex"), randomBytes(512)]);
export const HTML_BYTES = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n");

/**
 * Opens the review queue (oldest first, 20 a page, shared with other specs) at the page that holds
 * the evidence, and returns its card once visible.
 */
export async function openReviewQueueAt(page: Page, id: string): Promise<Locator> {
  const before = await withDb(
    async (c) =>
      (
        await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Evidence" e WHERE status = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM "Evidence" n WHERE n."supersedesId" = e.id)
           AND (e."uploadedAt", e.id) < (SELECT "uploadedAt", id FROM "Evidence" WHERE id = $1)`,
          [id],
        )
      ).rows[0].n,
  );
  await page.goto(`/evidence/review?page=${Math.floor(before / 20) + 1}`);
  const card = page.locator(`li[data-evidence="${id}"]`);
  await expect(card).toBeVisible();
  return card;
}
