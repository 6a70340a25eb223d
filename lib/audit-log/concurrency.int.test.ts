import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { ownerUrl, queryOn } from "@/e2e/support/database";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { verifyAuditLog } from "@/lib/audit-log/verify";
import { updateControl } from "@/lib/controls/update";
import { db } from "@/lib/db";
import { tag, tokenCaller, userCaller } from "@/lib/testing/scratch";
import { controlPatchSchema } from "@/lib/validations/control";

// Concurrent writers to the audit log (each append takes an advisory lock and links to the newest
// entry): 50 control changes at once by people and tokens, through the service the API calls.

const auditCount = async () => (await queryOn<{ n: number }>(ownerUrl(), `SELECT count(*)::int AS n FROM "AuditLogEntry"`))[0].n;

test("50 concurrent changes by sessions and tokens all succeed and the chain stays intact", async () => {
  const run = tag();
  const callers = [
    await userCaller("COMPLIANCE_LEAD"),
    await userCaller("ADMIN"),
    await tokenCaller("COMPLIANCE_LEAD"),
    await tokenCaller("ADMIN"),
  ].map((principal) => ({ principal, email: principal.actor.email }));
  const codes = ["AI-PI-01", "AI-PI-02", "AI-PI-03", "AI-PI-04", "AI-PI-05"];
  // At least one entry older than the 50, so that the log has a second page below.
  await updateControl(codes[0], controlPatchSchema.parse({ owner: `Audit conc ${run} first` }), callers[0].principal.actor);
  const before = await auditCount();
  const changes = Array.from({ length: 50 }, (_, i) => ({
    code: codes[i % codes.length],
    owner: `Audit conc ${run} #${i}`,
    caller: callers[i % callers.length],
  }));
  const results = await Promise.allSettled(
    changes.map(({ code, owner, caller }) => updateControl(code, controlPatchSchema.parse({ owner }), caller.principal.actor)),
  );
  for (const [i, result] of results.entries())
    assert.equal(result.status, "fulfilled", `change #${i}: ${String((result as PromiseRejectedResult).reason)}`);

  assert.equal(await auditCount(), before + 50);
  // Each change is recorded once, with the caller that made it.
  const recorded = await queryOn<{ owner: string; actorEmail: string; entityId: string }>(
    ownerUrl(),
    `SELECT after->>'owner' AS owner, "actorEmail", "entityId" FROM "AuditLogEntry" WHERE after->>'owner' LIKE $1`,
    [`Audit conc ${run} #%`],
  );
  assert.equal(recorded.length, 50);
  for (const change of changes) {
    const row = recorded.find((r) => r.owner === change.owner);
    assert.deepEqual(row && { ...row }, { owner: change.owner, actorEmail: change.caller.email, entityId: change.code });
  }

  // Seqs are contiguous from 1 and each entry links to the hash of the one before.
  const links = await queryOn<{ seq: string; prev_seq: string | null; prevHash: string; prev_hash: string | null }>(
    ownerUrl(),
    `SELECT seq::text, (lag(seq) OVER w)::text AS prev_seq, "prevHash", lag(hash) OVER w AS prev_hash
       FROM "AuditLogEntry" WINDOW w AS (ORDER BY seq) ORDER BY seq`,
  );
  assert.equal(links.length, before + 50);
  assert.deepEqual([links[0].seq, links[0].prevHash], ["1", "0".repeat(64)]);
  const badLinks = links.slice(1).filter((l) => BigInt(l.seq) !== BigInt(l.prev_seq!) + 1n || l.prevHash !== l.prev_hash);
  assert.deepEqual(badLinks, []);

  const verdict = await verifyAuditLog(db);
  assert.deepEqual([verdict.ok, verdict.entries, verdict.problems], [true, before + 50, []]);

  // Keyset pages: 50 newest first, then the next page starts just below the cursor.
  const first = await listAuditEntries({});
  assert.equal(first.rows.length, 50);
  assert.equal(first.rows[0].seq, String(before + 50));
  assert.equal(first.olderCursor, first.rows[49].seq);
  const second = await listAuditEntries({ cursor: first.olderCursor! });
  assert.equal(second.rows[0].seq, String(BigInt(first.olderCursor!) - 1n));

  const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { encoding: "utf8", env: process.env });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(
    cli.stdout,
    new RegExp(
      `^audit log OK: ${before + 50} entries, chain intact — Chain intact: [^\\n]+\\nevidence files OK: \\d+ re-hashed, all match\\n$`,
    ),
  );
});
