import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { localSecrets } from "@/lib/local-secrets";

function withDataDir(fn: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-secrets-"));
  const previous = process.env.ATTEST_DATA_DIR;
  process.env.ATTEST_DATA_DIR = dir;
  try {
    fn(dir);
  } finally {
    if (previous === undefined) delete process.env.ATTEST_DATA_DIR;
    else process.env.ATTEST_DATA_DIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("a fresh data folder gets every secret, mode 0600, the same on every read", () => {
  withDataDir((dir) => {
    const first = localSecrets();
    for (const key of ["nextauthSecret", "dbPassword", "dbAppPassword"] as const) assert.ok(first[key].length >= 32, key);
    assert.notEqual(first.dbPassword, first.dbAppPassword);
    assert.equal(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777, 0o600);
    assert.deepEqual(localSecrets(), first);
  });
});

test("an older secrets.json gains the app role's password; the existing secrets and unknown fields are kept", () => {
  withDataDir((dir) => {
    const file = path.join(dir, "secrets.json");
    const old = { nextauthSecret: "kept-session-secret", dbPassword: "kept-db-password", someoneElses: "kept too" };
    fs.writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    const secrets = localSecrets();
    assert.equal(secrets.nextauthSecret, "kept-session-secret");
    assert.equal(secrets.dbPassword, "kept-db-password");
    assert.ok(secrets.dbAppPassword.length >= 32);
    const onDisk = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.deepEqual(onDisk, { ...old, dbAppPassword: secrets.dbAppPassword, auditKey: secrets.auditKey });
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(localSecrets().dbAppPassword, secrets.dbAppPassword);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["secrets.json"], "no lock or temp file left behind");
  });
});
