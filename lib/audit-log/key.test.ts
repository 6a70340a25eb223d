import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { auditKey, checkpointSigningKey } from "@/lib/audit-log/key";

function withDataDir(run: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-key-"));
  const saved = { data: process.env.ATTEST_DATA_DIR, key: process.env.ATTEST_AUDIT_KEY };
  process.env.ATTEST_DATA_DIR = dir;
  delete process.env.ATTEST_AUDIT_KEY;
  try {
    run(dir);
  } finally {
    if (saved.data === undefined) delete process.env.ATTEST_DATA_DIR;
    else process.env.ATTEST_DATA_DIR = saved.data;
    if (saved.key !== undefined) process.env.ATTEST_AUDIT_KEY = saved.key;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("a secrets.json from before the audit key gets the key added, its other secrets kept", () => {
  withDataDir((dir) => {
    const file = path.join(dir, "secrets.json");
    const old = { nextauthSecret: "old-session-secret", dbPassword: "old-db-password" };
    fs.writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    const key = auditKey();
    const now = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    assert.deepEqual({ nextauthSecret: now.nextauthSecret, dbPassword: now.dbPassword }, old);
    assert.match(now.auditKey, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(key, Buffer.from(now.auditKey));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.existsSync(`${file}.lock`), false);
    // Stable: read again, the same key.
    assert.deepEqual(auditKey(), key);
  });
});

test("a new data folder gets a secrets.json with the audit key; ATTEST_AUDIT_KEY overrides it", () => {
  withDataDir((dir) => {
    const key = auditKey();
    const stored = JSON.parse(fs.readFileSync(path.join(dir, "secrets.json"), "utf8")) as Record<string, string>;
    assert.deepEqual(key, Buffer.from(stored.auditKey));
    process.env.ATTEST_AUDIT_KEY = "s".repeat(40);
    assert.deepEqual(auditKey(), Buffer.from("s".repeat(40)));
    const shared = checkpointSigningKey().keyId;
    assert.notEqual(shared, undefined);
    process.env.ATTEST_AUDIT_KEY = "too short";
    assert.throws(() => auditKey(), /ATTEST_AUDIT_KEY is too short/);
    delete process.env.ATTEST_AUDIT_KEY;
  });
});
