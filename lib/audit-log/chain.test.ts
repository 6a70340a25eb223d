import { test } from "node:test";
import assert from "node:assert/strict";
import { GENESIS_HASH, canonicalJson, entryHash, verifyEntries, type ChainContent, type StoredEntry } from "@/lib/audit-log/chain";

function content(seq: number, overrides: Partial<ChainContent> = {}): ChainContent {
  return {
    seq: String(seq),
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    actorId: null,
    actorEmail: "cli:test",
    actorRole: null,
    actorKind: "system",
    action: "control.updated",
    entityType: "Control",
    entityId: `AI-SEC-0${seq}`,
    before: { designStatus: "MISSING" },
    after: { designStatus: "IN_PLACE", nested: { b: 2, a: [1, { z: true, y: null }] } },
    ...overrides,
  };
}

/** Builds a valid chain the way appendAudit does: each entry's prevHash is the previous hash. */
function buildChain(length: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const c = content(seq);
    const hash = entryHash(prev, c);
    entries.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

test("canonicalJson does not depend on key order, at any depth", () => {
  const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: "s" }, e: null };
  const b = { e: null, a: { c: "s", d: [1, { x: 1, y: 2 }] }, b: 1 };
  assert.equal(canonicalJson(a), canonicalJson(b));
  assert.equal(canonicalJson(a), '{"a":{"c":"s","d":[1,{"x":1,"y":2}]},"b":1,"e":null}');
  // Array order is meaningful and is kept.
  assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  // Undefined properties are dropped (as JSON.stringify does); bigints become strings.
  assert.equal(canonicalJson({ a: 1, b: undefined }), canonicalJson({ a: 1 }));
  assert.equal(canonicalJson({ n: 10n }), '{"n":"10"}');
});

test("entryHash is the same for the same content written with keys in another order", () => {
  const c = content(1);
  const reordered = Object.fromEntries(Object.entries(c).reverse()) as unknown as ChainContent;
  assert.equal(entryHash(GENESIS_HASH, c), entryHash(GENESIS_HASH, reordered));
  assert.match(entryHash(GENESIS_HASH, c), /^[0-9a-f]{64}$/);
  assert.notEqual(entryHash(GENESIS_HASH, c), entryHash("1".repeat(64), c), "the previous hash is part of the hash");
});

test("verifyEntries accepts a correctly built chain (and an empty one)", () => {
  const chain = buildChain(5);
  assert.deepEqual(verifyEntries(chain), { ok: true, entries: 5 });
  assert.deepEqual(verifyEntries([]), { ok: true, entries: 0 });
  // A later page verifies from the hash before its first entry.
  assert.deepEqual(verifyEntries(chain.slice(2), chain[1].hash), { ok: true, entries: 3 });
  assert.equal(verifyEntries(chain.slice(2)).ok, false, "a later page does not start at the genesis hash");
});

test("verifyEntries detects altered content and names the entry", () => {
  const chain = buildChain(5);
  chain[2] = { ...chain[2], after: { designStatus: "NOT_APPLICABLE" } };
  const verdict = verifyEntries(chain);
  assert.equal(verdict.ok, false);
  assert.ok(!verdict.ok);
  assert.equal(verdict.seq, "3");
  assert.match(verdict.reason, /altered/);

  const actorChanged = buildChain(3);
  actorChanged[0] = { ...actorChanged[0], actorEmail: "someone.else@example.test" };
  const v2 = verifyEntries(actorChanged);
  assert.ok(!v2.ok);
  assert.equal(v2.seq, "1");
});

test("verifyEntries detects a broken previous-hash link (a removed or re-ordered entry)", () => {
  const chain = buildChain(5);
  const withoutThird = [...chain.slice(0, 2), ...chain.slice(3)];
  const verdict = verifyEntries(withoutThird);
  assert.ok(!verdict.ok);
  assert.equal(verdict.seq, "4");
  assert.match(verdict.reason, /previous-hash/);

  // Rewriting an entry's prevHash (and recomputing its own hash) still breaks the link before it.
  const forged = buildChain(3);
  const fakePrev = "f".repeat(64);
  const { prevHash: _p, hash: _h, ...c } = forged[1];
  forged[1] = { ...c, prevHash: fakePrev, hash: entryHash(fakePrev, c) };
  const v2 = verifyEntries(forged);
  assert.ok(!v2.ok);
  assert.equal(v2.seq, "2");
  assert.match(v2.reason, /previous-hash/);
});
