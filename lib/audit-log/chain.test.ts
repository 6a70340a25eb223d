import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ChainChecker,
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  legacyEntryHash,
  type ChainContent,
  type CheckpointMark,
  type StoredEntry,
} from "@/lib/audit-log/chain";

const KEY = Buffer.from("k".repeat(32));

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

/** Builds a valid chain as appendAudit does; the first `legacy` entries use the unkeyed scheme (as before the upgrade). */
function buildChain(length: number, legacy = 0): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const c = content(seq);
    const isLegacy = seq <= legacy;
    const hash = isLegacy ? legacyEntryHash(prev, c) : entryHash(KEY, prev, c);
    entries.push({ ...c, prevHash: prev, hash, scheme: isLegacy ? "sha256" : "hmac-sha256" });
    prev = hash;
  }
  return entries;
}

/** Runs the checker over the entries: the first problem (chain or truncation), or null. */
function verify(entries: StoredEntry[], checkpoints: CheckpointMark[] = [], key = KEY) {
  const checker = new ChainChecker(key, checkpoints);
  for (const e of entries) {
    const problem = checker.check(e);
    if (problem) return problem;
  }
  return checker.finish();
}

const mark = (e: StoredEntry, legacyThrough = "0"): CheckpointMark => ({
  seq: e.seq,
  hash: e.hash,
  at: "2026-01-02T00:00:00.000Z",
  legacyThrough,
});

/** Recomputes every hash from `from` on with `hash`, as someone without the key would. */
function recompute(entries: StoredEntry[], from: number, hash: (prev: string, c: ChainContent) => string, scheme?: string) {
  let prev = entries[from - 2]?.hash ?? GENESIS_HASH;
  return entries.map((e, i) => {
    if (i < from - 1) return e;
    const { prevHash: _p, hash: _h, scheme: s, ...c } = e;
    const next = { ...c, prevHash: prev, hash: hash(prev, c), scheme: scheme ?? s };
    prev = next.hash;
    return next;
  });
}

test("canonicalJson does not depend on key order, at any depth", () => {
  const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: "s" }, e: null };
  const b = { e: null, a: { c: "s", d: [1, { x: 1, y: 2 }] }, b: 1 };
  assert.equal(canonicalJson(a), canonicalJson(b));
  assert.equal(canonicalJson(a), '{"a":{"c":"s","d":[1,{"x":1,"y":2}]},"b":1,"e":null}');
  assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  assert.equal(canonicalJson({ a: 1, b: undefined }), canonicalJson({ a: 1 }));
  assert.equal(canonicalJson({ n: 10n }), '{"n":"10"}');
});

test("entryHash is keyed: another key, another previous hash or key order give what they should", () => {
  const c = content(1);
  const reordered = Object.fromEntries(Object.entries(c).reverse()) as unknown as ChainContent;
  assert.equal(entryHash(KEY, GENESIS_HASH, c), entryHash(KEY, GENESIS_HASH, reordered));
  assert.match(entryHash(KEY, GENESIS_HASH, c), /^[0-9a-f]{64}$/);
  assert.notEqual(entryHash(KEY, GENESIS_HASH, c), entryHash(KEY, "1".repeat(64), c));
  assert.notEqual(entryHash(KEY, GENESIS_HASH, c), entryHash(Buffer.from("x".repeat(32)), GENESIS_HASH, c));
  assert.notEqual(entryHash(KEY, GENESIS_HASH, c), legacyEntryHash(GENESIS_HASH, c));
});

test("a correct chain verifies, keyed, legacy-then-keyed, and empty", () => {
  assert.equal(verify(buildChain(5)), null);
  assert.equal(verify(buildChain(5, 2)), null);
  assert.equal(verify(buildChain(3, 3)), null, "a log from before the upgrade, not yet keyed");
  assert.equal(verify([]), null);
  const chain = buildChain(5);
  assert.equal(verify(chain, [mark(chain[4]), mark(chain[1])]), null, "checkpoints that match");
});

test("altered content is named, whatever is recomputed after it without the key", () => {
  const chain = buildChain(5);
  const edited = chain.map((e, i) => (i === 2 ? { ...e, after: { designStatus: "NOT_APPLICABLE" } } : e));
  assert.deepEqual(verify(edited), {
    seq: "3",
    kind: "altered",
    message: "entry 3 was altered: its content does not match its HMAC (or the audit key changed).",
  });

  // Plain SHA-256 (the old chain) and an HMAC under another key: entry 3 is named.
  for (const hash of [legacyEntryHash, (p: string, c: ChainContent) => entryHash(Buffer.from("w".repeat(32)), p, c)]) {
    const problem = verify(recompute(edited, 3, hash));
    assert.equal(problem?.seq, "3");
    assert.match(problem!.message, /^entry 3 was altered: its content does not match its HMAC/);
  }
  // Relabelled as legacy entries: not accepted after a keyed entry.
  const relabelled = verify(recompute(edited, 3, legacyEntryHash, "sha256"));
  assert.equal(relabelled?.seq, "3");
  assert.match(relabelled!.message, /unkeyed legacy scheme, accepted only before the first keyed entry \(1\)/);
  // The whole log relabelled as legacy and recomputed: the checkpoint's boundary refuses it.
  const allLegacy = recompute(edited, 1, legacyEntryHash, "sha256");
  assert.equal(verify(allLegacy), null, "without a checkpoint a fully unkeyed log cannot be told from an old one");
  const anchored = verify(allLegacy, [mark(chain[4], "0")]);
  assert.equal(anchored?.seq, "1");
  assert.match(anchored!.message, /the checkpoints accept only up to entry 0/);
  // An unknown scheme is refused.
  assert.match(
    verify(chain.map((e, i) => (i === 1 ? { ...e, scheme: "none" } : e)))!.message,
    /^entry 2 was altered: its hash scheme "none" is unknown/,
  );
});

test("legacy entries altered before the upgrade are caught at the first keyed entry or by the checkpoint", () => {
  const chain = buildChain(5, 3);
  const edited = chain.map((e, i) => (i === 0 ? { ...e, actorEmail: "someone.else@example.test" } : e));
  // Recomputing the legacy part breaks the link into the first keyed entry.
  const problem = verify(recompute(edited, 1, legacyEntryHash).map((e, i) => (i >= 3 ? chain[i] : e)));
  assert.equal(problem?.seq, "4");
  assert.match(problem!.message, /previous-hash does not match entry 3/);
  // With no keyed entry yet, the checkpoint pins the legacy head.
  const old = buildChain(3, 3);
  const rewritten = recompute(
    old.map((e, i) => (i === 0 ? { ...e, actorEmail: "x@example.test" } : e)),
    1,
    legacyEntryHash,
  );
  const pinned = verify(rewritten, [mark(old[2], "3")]);
  assert.equal(pinned?.kind, "checkpoint");
  assert.match(
    pinned!.message,
    /^entry 3 does not match the checkpoint \(2026-01-02T00:00:00.000Z\), which recorded hash [0-9a-f]{64}: the entries up to 3 were replaced\.$/,
  );
});

test("missing entries are named: at the end (from the checkpoint), in the middle and at the start", () => {
  const chain = buildChain(6);
  const truncated = verify(chain.slice(0, 3), [mark(chain[5])]);
  assert.deepEqual(truncated, {
    seq: "4",
    kind: "missing",
    message: `entries 4–6 are missing: the newest checkpoint (2026-01-02T00:00:00.000Z) recorded seq 6 with hash ${chain[5].hash}, and the log ends at entry 3.`,
  });
  assert.match(verify(chain.slice(0, 5), [mark(chain[5])])!.message, /^entry 6 is missing: /);
  assert.match(verify([], [mark(chain[5])])!.message, /^entries 1–6 are missing: .* and the log ends at no entry\.$/);
  // Without a checkpoint the end cannot be known.
  assert.equal(verify(chain.slice(0, 3)), null);

  const middle = verify([...chain.slice(0, 2), ...chain.slice(4)]);
  assert.deepEqual(middle, { seq: "3", kind: "missing", message: "entries 3–4 are missing: the log goes from entry 2 to entry 5." });
  assert.equal(verify(chain.slice(2))?.message, "entries 1–2 are missing: the log goes from its start to entry 3.");

  // Deleted, then the app appended new entries in the same seqs: the checkpoint's hash differs.
  const replacement = buildChain(6).map((e, i) => (i < 3 ? chain[i] : e));
  const again = recompute(
    replacement.map((e, i) => (i >= 3 ? { ...e, after: { owner: "new" } } : e)),
    4,
    (p, c) => entryHash(KEY, p, c),
  );
  assert.equal(verify(again, [mark(chain[5])])?.kind, "checkpoint");
});

test("a rewritten previous-hash still breaks the link", () => {
  const forged = buildChain(3);
  const fakePrev = "f".repeat(64);
  const { prevHash: _p, hash: _h, scheme, ...c } = forged[1];
  forged[1] = { ...c, prevHash: fakePrev, hash: entryHash(KEY, fakePrev, c), scheme };
  const problem = verify(forged);
  assert.equal(problem?.seq, "2");
  assert.match(problem!.message, /previous-hash/);
});
