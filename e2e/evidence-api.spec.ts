import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PARAM_VALUES } from "./endpoints";
import { ACCOUNTS, apiSessionAs, databaseFingerprint, withDb } from "./support";
import {
  ELF_BYTES,
  HTML_BYTES,
  PDF_BYTES,
  PNG_BYTES,
  bearerContext,
  evidenceCounts,
  evidenceDir,
  insertToken,
  sha256,
  storedFileOnDisk,
  tag,
  tempFiles,
  today,
  upload,
  uploadChunked,
} from "./evidence-support";

// POST /api/v1/evidence and what follows: byte-exact round trips, every kind of bad input refused
// with its status and nothing left behind, what an auditor may read, listing, concurrency, and
// audit:verify re-hashing the stored files. Review, withdrawal and corrections are service rules:
// lib/evidence/corrections.int.test.ts.

const LIMIT = Number(process.env.EVIDENCE_MAX_BYTES);

let engineer: APIRequestContext;
let engineerToken: string;
let lead: APIRequestContext;
// Made before any fingerprint is taken: inserting a token is itself a write.
const tokens: Record<"expired" | "revoked" | "auditor" | "scoped", string> = { expired: "", revoked: "", auditor: "", scoped: "" };

test.beforeAll(async () => {
  expect(LIMIT, "npm test sets EVIDENCE_MAX_BYTES for the test server").toBeGreaterThan(50 * 1024 * 1024);
  engineerToken = await insertToken("ENGINEER");
  engineer = await bearerContext(engineerToken);
  lead = await apiSessionAs("COMPLIANCE_LEAD");
  tokens.expired = await insertToken("ENGINEER", { dead: "expired" });
  tokens.revoked = await insertToken("ENGINEER", { dead: "revoked" });
  tokens.auditor = await insertToken("AUDITOR");
  tokens.scoped = await insertToken("ENGINEER", { scopes: ["controls:read"] });
});
test.afterAll(async () => {
  await engineer.dispose();
  await lead.dispose();
});

const fields = (title: string, extra: Record<string, string> = {}) => ({ control: "AI-PI-02", title, effectiveDate: today(), ...extra });

test.describe("round trip", () => {
  test("files of random sizes up to 50 MB download byte-identical, with the SHA-256 the server reported", async () => {
    test.setTimeout(180_000);
    const sizes = [1, 2, 4095, 4097, 65_537, randomInt(100_000, 5_000_000), randomInt(5_000_000, 50 * 1024 * 1024), 50 * 1024 * 1024];
    for (const size of sizes) {
      const bytes = randomBytes(size);
      bytes[0] = 0; // a NUL byte: binary for certain, even at one byte (random bytes can happen to be valid UTF-8 text)
      const res = await upload(engineer, fields(`round trip ${size} ${tag()}`), { name: `sample-${size}.bin`, bytes });
      expect(res.status(), await res.text()).toBe(201);
      const created = await res.json();
      expect(created).toMatchObject({
        sha256: sha256(bytes),
        size,
        mediaType: "application/octet-stream",
        status: "SUBMITTED",
        source: "API",
      });
      expect(res.headers().location).toBe(`/api/v1/evidence/${created.id}`);

      const download = await engineer.get(`/api/v1/evidence/${created.id}/file`);
      expect(download.status()).toBe(200);
      const body = await download.body();
      expect(body.length).toBe(size);
      expect(sha256(body)).toBe(created.sha256);
      expect(body.equals(bytes)).toBe(true);
      const h = download.headers();
      expect(h["x-attest-sha256"]).toBe(created.sha256);
      // RFC 6266: a plain token needs no quotes.
      expect(h["content-disposition"]).toBe(`attachment; filename=sample-${size}.bin`);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["cache-control"]).toBe("private, no-store");
      expect(h["content-type"]).toBe("application/octet-stream");
    }
    expect(tempFiles()).toEqual([]);
  });

  test("the media type comes from the bytes; identical bytes are stored once; metadata and features are kept", async () => {
    const t = tag();
    const pdf = await upload(
      engineer,
      fields(`policy ${t}`, {
        features: "fixture-feature",
        commitSha: "0123456789abcdef0123456789abcdef01234567",
        pullRequest: "#42",
        runUrl: "https://ci.example.test/run/7",
        validFrom: "2026-01-01",
        validUntil: "2026-12-31",
        description: "The signed policy.",
      }),
      { name: "Policy ✓ été.pdf", bytes: PDF_BYTES },
    );
    expect(pdf.status(), await pdf.text()).toBe(201);
    const doc = await pdf.json();
    expect(doc).toMatchObject({
      mediaType: "application/pdf",
      fileName: "Policy ✓ été.pdf",
      features: ["fixture-feature"],
      commitSha: "0123456789abcdef0123456789abcdef01234567",
      pullRequest: "42",
      validFrom: "2026-01-01",
      validUntil: "2026-12-31",
      uploadedBy: expect.stringMatching(/^token:evidence engineer /),
      version: 1,
    });
    const download = await engineer.get(`/api/v1/evidence/${doc.id}/file`);
    // A name that is not plain ASCII travels as RFC 6266 filename*, with an ASCII fallback.
    expect(download.headers()["content-disposition"]).toBe(
      `attachment; filename="Policy ? ?t?.pdf"; filename*=UTF-8''Policy%20%E2%9C%93%20%C3%A9t%C3%A9.pdf`,
    );

    const png = await upload(engineer, fields(`screenshot ${t}`), { name: "dashboard.png", bytes: PNG_BYTES });
    expect((await png.json()).mediaType).toBe("image/png");
    const csv = await upload(engineer, fields(`export ${t}`), { name: "access.csv", bytes: Buffer.from("user,role\nada,admin\n") });
    expect((await csv.json()).mediaType).toBe("text/csv");

    const before = await evidenceCounts();
    const again = await upload(engineer, fields(`policy copy ${t}`), { name: "copy.pdf", bytes: PDF_BYTES });
    expect(again.status()).toBe(201);
    expect((await again.json()).sha256).toBe(doc.sha256);
    const after = await evidenceCounts();
    expect(after).toEqual({ evidence: before.evidence + 1, files: before.files });

    const link = await upload(engineer, fields(`dashboard link ${t}`, { url: "https://grafana.example.test/d/ai-slo" }));
    expect(link.status()).toBe(201);
    expect(await link.json()).toMatchObject({ url: "https://grafana.example.test/d/ai-slo", sha256: null, fileName: null });
    expect((await engineer.get(`/api/v1/evidence/${(await link.json()).id}/file`)).status()).toBe(404);
  });
});

test.describe("bad input is refused with its status and message, and leaves no row and no counted file", () => {
  const cases: { name: string; status: number; message: RegExp; send: () => Promise<{ status: number; body: string }> }[] = [
    {
      name: "over the limit (declared length)",
      status: 413,
      message: /larger than the limit/,
      send: async () => {
        const res = await upload(engineer, fields(`too big ${tag()}`), { name: "big.bin", bytes: Buffer.alloc(LIMIT + 1, 1) });
        return { status: res.status(), body: await res.text() };
      },
    },
    {
      name: "over the limit (streamed, no length given)",
      status: 413,
      message: /larger than the limit/,
      send: () => uploadChunked(engineerToken, fields(`too big streamed ${tag()}`), "big.bin", LIMIT + 1024 * 1024),
    },
    { name: "an empty file", status: 400, message: /is empty/, send: () => send({ name: "empty.txt", bytes: Buffer.alloc(0) }) },
    {
      name: "PNG bytes named .pdf",
      status: 415,
      message: /named \.pdf but it is not a PDF: it contains image\/png/,
      send: () => send({ name: "report.pdf", bytes: PNG_BYTES }),
    },
    {
      name: "HTML named .png",
      status: 415,
      message: /named \.png but it is not a PNG image: it contains text/,
      send: () => send({ name: "chart.png", bytes: HTML_BYTES }),
    },
    {
      name: "an executable",
      status: 415,
      message: /Executables and scripts are not accepted/,
      send: () => send({ name: "report", bytes: ELF_BYTES }),
    },
    {
      name: "a Windows executable by name",
      status: 415,
      message: /Executables/,
      send: () => send({ name: "setup.exe", bytes: Buffer.from("hello") }),
    },
    {
      name: "a name with ../",
      status: 400,
      message: /contains a path/,
      send: () => send({ name: "../../etc/passwd.txt", bytes: Buffer.from("x") }),
    },
    {
      name: "a name with NUL",
      status: 400,
      message: /control characters/,
      send: () => send({ name: "report.pdf\u0000.txt", bytes: Buffer.from("x") }),
    },
    {
      name: "a name with a right-to-left override",
      status: 400,
      message: /right-to-left override/,
      send: () => send({ name: "invoice\u202Efdp.exe.txt", bytes: Buffer.from("x") }),
    },
    {
      name: "a name with a line separator (U+2028)",
      status: 400,
      message: /line or paragraph separator \(U\+2028\)/,
      send: () => send({ name: "report\u2028.txt", bytes: Buffer.from("x") }),
    },
    {
      name: "a name with a paragraph separator (U+2029)",
      status: 400,
      message: /line or paragraph separator \(U\+2029\)/,
      send: () => send({ name: "report.txt\u2029", bytes: Buffer.from("x") }),
    },
    {
      name: "a name starting with a byte-order mark (U+FEFF)",
      status: 400,
      message: /invisible character \(U\+FEFF, a byte-order mark\)/,
      send: () => send({ name: "\ufeffreport.txt", bytes: Buffer.from("x") }),
    },
    {
      name: "a name with a zero-width space (\\p{Cf})",
      status: 400,
      message: /invisible character \(U\+200B\)/,
      send: () => send({ name: "pay\u200broll.txt", bytes: Buffer.from("x") }),
    },
    {
      name: "a vendor package file whose name has a zero-width joiner",
      status: 400,
      message: /invisible character \(U\+200D\)/,
      send: async () => {
        // Filing into a vendor's package needs vendors:write: the lead's session has it.
        const extra = { vendor: PARAM_VALUES.vendorId, vendorItem: "SECURITY_CONTACT" };
        const res = await upload(lead, fields(`bad ${tag()}`, extra), { name: "security\u200dcontact.txt", bytes: Buffer.from("x") });
        return { status: res.status(), body: await res.text() };
      },
    },
    {
      name: "a name of 300 characters",
      status: 400,
      message: /300 characters long; the limit is 255/,
      send: () => send({ name: `${"a".repeat(296)}.txt`, bytes: Buffer.from("x") }),
    },
    {
      name: "a future effective date",
      status: 400,
      message: /is in the future/,
      send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { effectiveDate: "2999-01-01" }),
    },
    {
      name: "an impossible date",
      status: 400,
      message: /does not exist/,
      send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { effectiveDate: "2026-02-30" }),
    },
    {
      name: "validity that ends before it starts",
      status: 400,
      message: /validity ends before it starts/,
      send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { validFrom: "2026-06-01", validUntil: "2026-01-01" }),
    },
    {
      name: "an unknown control",
      status: 404,
      message: /no control AI-NOPE-01/,
      send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { control: "AI-NOPE-01" }),
    },
    {
      name: "an unknown feature",
      status: 404,
      message: /no feature no-such-feature/,
      send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { features: "no-such-feature" }),
    },
    { name: "no title", status: 400, message: /title/, send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { title: "" }) },
    { name: "neither file nor url", status: 400, message: /Attach a file or give a url/, send: () => send(undefined) },
    {
      name: "a file and a url",
      status: 400,
      message: /either a file or a url/,
      send: () => send({ name: "ok.txt", bytes: Buffer.from("x") }, { url: "https://x.example.test" }),
    },
    {
      name: "a JSON body instead of multipart",
      status: 415,
      message: /multipart\/form-data/,
      send: async () => {
        const res = await engineer.post("/api/v1/evidence", { data: { control: "AI-PI-02" } });
        return { status: res.status(), body: await res.text() };
      },
    },
    { name: "no token", status: 401, message: /Sign in first/, send: () => sendAs(null) },
    {
      name: "an expired token",
      status: 401,
      message: /expired/,
      send: () => sendAs(tokens.expired),
    },
    {
      name: "a revoked token",
      status: 401,
      message: /revoked/,
      send: () => sendAs(tokens.revoked),
    },
    {
      name: "an auditor's token",
      status: 403,
      message: /does not allow evidence:write/,
      send: () => sendAs(tokens.auditor),
    },
    {
      name: "a token scoped to controls:read",
      status: 403,
      message: /does not allow evidence:write/,
      send: () => sendAs(tokens.scoped),
    },
  ];

  async function send(file: { name: string; bytes: Buffer } | undefined, extra: Record<string, string> = {}) {
    const res = await upload(engineer, fields(`bad ${tag()}`, extra), file);
    return { status: res.status(), body: await res.text() };
  }
  async function sendAs(token: string | null) {
    const api = token ? await bearerContext(token) : await apiSessionAs(null);
    const res = await upload(api, fields(`bad ${tag()}`), { name: "ok.txt", bytes: Buffer.from("x") });
    const out = { status: res.status(), body: await res.text() };
    await api.dispose();
    return out;
  }

  for (const c of cases) {
    test(c.name, async () => {
      const files = fs.existsSync(path.join(evidenceDir(), "sha256")) ? countFiles(path.join(evidenceDir(), "sha256")) : 0;
      const before = await databaseFingerprint();
      const res = await c.send();
      expect(res.status, res.body).toBe(c.status);
      const error = JSON.parse(res.body).error;
      expect(error.message).toMatch(c.message);
      // Tokens record their last use; everything else is untouched.
      expect(await databaseFingerprint()).toBe(before);
      await expect.poll(() => tempFiles()).toEqual([]);
      if (fs.existsSync(path.join(evidenceDir(), "sha256"))) expect(countFiles(path.join(evidenceDir(), "sha256"))).toBe(files);
    });
  }
});

function countFiles(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

test.describe("reading, and what an auditor may not do", () => {
  // Who may review, withdraw and correct (and the conflicts and refusals writing nothing) are
  // rules of the evidence service: lib/evidence/corrections.int.test.ts, in the services tier.

  test("an auditor lists and downloads, but cannot upload, review or withdraw", async () => {
    const ev = await (
      await upload(engineer, fields(`for the auditor ${tag()}`), { name: "r.txt", bytes: Buffer.from(`r ${tag()}`) })
    ).json();
    // The token acts for the AUDITOR account: a token carries its person's periods (an auditor's token for nobody sees nothing).
    const auditorId = await withDb(
      async (db) => (await db.query(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.AUDITOR.email])).rows[0].id,
    );
    for (const auditor of [await apiSessionAs("AUDITOR"), await bearerContext(await insertToken("AUDITOR", { userId: auditorId }))]) {
      const list = await auditor.get(`/api/v1/evidence?control=AI-PI-02&limit=5`);
      expect(list.status()).toBe(200);
      expect((await list.json()).items.length).toBeGreaterThan(0);
      expect((await auditor.get(`/api/v1/evidence/${ev.id}`)).status()).toBe(200);
      expect((await auditor.get(`/api/v1/evidence/${ev.id}/file`)).status()).toBe(200);
      const before = await databaseFingerprint();
      expect((await upload(auditor, fields("nope"), { name: "n.txt", bytes: Buffer.from("n") })).status()).toBe(403);
      expect((await auditor.post(`/api/v1/evidence/${ev.id}/review`, { data: { decision: "accept" } })).status()).toBe(403);
      expect((await auditor.post(`/api/v1/evidence/${ev.id}/withdraw`, { data: { reason: "x" } })).status()).toBe(403);
      expect(await databaseFingerprint()).toBe(before);
      await auditor.dispose();
    }
  });

  test("the list filters and pages with a cursor", async () => {
    const t = tag();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (
          await (
            await upload(engineer, fields(`paged ${t} ${i}`, { control: "AI-SEC-05" }), {
              name: `p${i}.txt`,
              bytes: Buffer.from(`${t}${i}`),
            })
          ).json()
        ).id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res: { items: { id: string; control: string }[]; nextCursor: string | null } = await (
        await engineer.get(`/api/v1/evidence?control=AI-SEC-05&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      expect(res.items.length).toBeLessThanOrEqual(2);
      expect(res.items.every((i) => i.control === "AI-SEC-05")).toBe(true);
      seen.push(...res.items.map((i) => i.id));
      cursor = res.nextCursor;
    }
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await engineer.get(`/api/v1/evidence?from=2026-05-01&to=2026-04-01`);
    expect(bad.status()).toBe(400);
    expect((await engineer.get(`/api/v1/evidence?cursor=garbage`)).status()).toBe(400);
    expect((await engineer.get(`/api/v1/evidence?status=LOST`)).status()).toBe(400);
  });
});

test("20 concurrent uploads are all stored and all hashes verify; audit:verify re-hashes files and names an altered one", async () => {
  test.setTimeout(180_000);
  const t = tag();
  const payloads = Array.from({ length: 20 }, (_, i) => randomBytes(randomInt(1, 3_000_000)).fill(i, 0, 1));
  const responses = await Promise.all(
    payloads.map(async (bytes, i) => {
      const api = await bearerContext(engineerToken);
      const res = await upload(api, fields(`concurrent ${t} ${i}`), { name: `c${i}.bin`, bytes });
      const out = { status: res.status(), body: await res.json() };
      await api.dispose();
      return out;
    }),
  );
  for (const [i, res] of responses.entries()) {
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(sha256(payloads[i]));
    const download = await engineer.get(`/api/v1/evidence/${res.body.id}/file`);
    expect(sha256(await download.body())).toBe(sha256(payloads[i]));
  }
  const rows = await withDb(
    async (c) => (await c.query(`SELECT count(*)::int AS n FROM "Evidence" WHERE title LIKE $1`, [`concurrent ${t} %`])).rows[0].n,
  );
  expect(rows).toBe(20);

  const ok = await runVerify();
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toMatch(/evidence files OK: \d+ re-hashed, all match/);
  expect(ok.out).toMatch(/chain intact/);

  // Alter one stored file behind the app's back (then put it back for the specs that follow).
  const victim = responses[3].body.sha256 as string;
  const file = path.join(evidenceDir(), "sha256", victim.slice(0, 2), victim);
  const original = fs.readFileSync(file);
  fs.chmodSync(file, 0o600);
  fs.writeFileSync(file, Buffer.concat([original.subarray(0, original.length - 1), Buffer.from([original.at(-1)! ^ 1])]));
  try {
    const broken = await runVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`evidence file BROKEN ${victim}: its bytes now hash to`);
    expect(broken.out).toContain(responses[3].body.id);
  } finally {
    fs.writeFileSync(file, original);
  }
  expect(storedFileOnDisk(victim)).toBe(true);
});

function runVerify(): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

test("no stored file is reachable by a static path", async () => {
  const bytes = Buffer.from(`static path probe ${tag()}\n`);
  const created = await (await upload(engineer, fields(`static probe ${tag()}`), { name: "probe.txt", bytes })).json();
  const sha = created.sha256 as string;
  const anonymous = await apiSessionAs(null);
  for (const probe of [
    `/evidence/sha256/${sha.slice(0, 2)}/${sha}`,
    `/data/evidence/sha256/${sha.slice(0, 2)}/${sha}`,
    `/sha256/${sha.slice(0, 2)}/${sha}`,
    `/_next/static/../../data/evidence/sha256/${sha.slice(0, 2)}/${sha}`,
    `/api/v1/evidence/${created.id}/file`,
  ]) {
    const res = await anonymous.get(probe, { maxRedirects: 0 });
    expect(res.status(), probe).not.toBe(200);
    expect((await res.body()).includes(bytes), probe).toBe(false);
  }
  await anonymous.dispose();
});
