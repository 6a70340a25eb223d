import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicKey } from "node:crypto";
import { checkpointFault, checkpointFileName, signCheckpoint, signingKeyFromSeed } from "@/lib/audit-log/checkpoint";

const key = signingKeyFromSeed(Buffer.alloc(32, 7));
const body = {
  database: "attest",
  seq: "45",
  hash: "a".repeat(64),
  legacyThrough: "0",
  at: "2026-12-05T08:40:00.123Z",
  reason: "command line",
};

test("a checkpoint signed with the key verifies with its public key alone", () => {
  const checkpoint = signCheckpoint(body, key);
  assert.equal(checkpoint.format, "attest-audit-checkpoint/1");
  assert.equal(checkpoint.keyId, key.keyId);
  assert.equal(checkpointFault(checkpoint, key.publicKey), null);
  // An auditor holding only the PEM can check it.
  assert.equal(checkpointFault(JSON.parse(JSON.stringify(checkpoint)), createPublicKey(key.publicKeyPem)), null);
  // The same seed gives the same key: servers sharing ATTEST_AUDIT_KEY sign alike.
  assert.equal(signingKeyFromSeed(Buffer.alloc(32, 7)).keyId, key.keyId);
});

test("an edited, forged or foreign checkpoint is refused with the reason", () => {
  const checkpoint = signCheckpoint(body, key);
  assert.match(checkpointFault({ ...checkpoint, seq: "40" }, key.publicKey)!, /signature does not verify/);
  assert.match(checkpointFault({ ...checkpoint, hash: "b".repeat(64) }, key.publicKey)!, /signature does not verify/);
  const other = signingKeyFromSeed(Buffer.alloc(32, 8));
  assert.match(checkpointFault(signCheckpoint(body, other), key.publicKey)!, /another key/);
  // Claiming this key's id does not help a forger.
  assert.match(checkpointFault({ ...signCheckpoint(body, other), keyId: key.keyId }, key.publicKey)!, /signature does not verify/);
  assert.match(checkpointFault({ ...checkpoint, seq: undefined }, key.publicKey)!, /incomplete/);
  assert.match(checkpointFault({ ...checkpoint, seq: "-1" }, key.publicKey)!, /incomplete/);
  assert.match(checkpointFault([], key.publicKey)!, /format/);
  assert.match(checkpointFault(null, key.publicKey)!, /not a checkpoint/);
});

test("checkpoint file names sort by seq, then time", () => {
  const names = [
    checkpointFileName({ seq: "100", at: "2026-01-01T00:00:00.000Z" }),
    checkpointFileName({ seq: "9", at: "2026-02-01T00:00:00.000Z" }),
    checkpointFileName({ seq: "9", at: "2026-01-01T00:00:00.000Z" }),
  ];
  assert.deepEqual([...names].sort(), [names[2], names[1], names[0]]);
  assert.equal(names[0], "000000000000100-2026-01-01T00-00-00-000Z.json");
});
