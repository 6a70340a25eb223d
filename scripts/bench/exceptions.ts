// Benchmark: a period's live exceptions and the Periods count of the navigation (issue 14), on the
// coverage bench's period and 100,000 evidence rows with a share of them rejected and withdrawn.
// liveExceptions now reads only the rejected and withdrawn evidence; the first case is what it did
// before (every evidence row of the period), and the two must list the same exceptions.
// openPeriods remembers the current period's count under the database's snapshot: timed once
// with nothing written between calls and once with a commit before each call. No target is set.
import { COVERAGE_EVIDENCE } from "./coverage";
import { RUNS, time, type Timing } from "./util";

type Db = (typeof import("@/lib/db"))["db"];

// The coverage seed's rows, by the URL it gives each (deterministic, unlike their ids).
const SEEDED = `url LIKE 'https://bench.example.test/%'`;

/**
 * About 6 % of the seeded evidence rejected and 4 % withdrawn, chosen by a hash of each row's URL so
 * that every run marks the same rows; reviewed or withdrawn one to five days after its date.
 */
async function markExceptions(db: Db) {
  await db.$executeRawUnsafe(`
    UPDATE "Evidence" e SET
      status = (CASE WHEN m.h < 6 THEN 'REJECTED' ELSE 'WITHDRAWN' END)::"EvidenceStatus",
      "reviewedAt" = CASE WHEN m.h < 6 THEN e."effectiveDate" + (1 + m.h % 5) * interval '1 day' END,
      "reviewReason" = CASE WHEN m.h < 6 THEN 'Bench: not the report the control asks for.' END,
      "withdrawnAt" = CASE WHEN m.h >= 6 THEN e."effectiveDate" + (1 + m.h % 5) * interval '1 day' END,
      "withdrawnReason" = CASE WHEN m.h >= 6 THEN 'Bench: uploaded against the wrong control.' END
    FROM (SELECT id, abs(hashtext(url)) % 100 AS h FROM "Evidence" WHERE ${SEEDED}) m
    WHERE e.id = m.id AND m.h < 10`);
  await db.$executeRawUnsafe(`ANALYZE`);
}

/** Puts the seeded rows back as the coverage seed left them, so the benches after this one measure what they always did. */
async function unmarkExceptions(db: Db) {
  await db.$executeRawUnsafe(`
    UPDATE "Evidence" SET status = 'ACCEPTED', "reviewedAt" = NULL, "reviewReason" = NULL, "withdrawnAt" = NULL, "withdrawnReason" = NULL
    WHERE ${SEEDED} AND status <> 'ACCEPTED'`);
  await db.$executeRawUnsafe(`ANALYZE`);
}

export async function benchExceptions(db: Db, periodId: string): Promise<Timing[]> {
  await markExceptions(db);
  try {
    return await timeExceptions(db, periodId);
  } finally {
    await unmarkExceptions(db);
  }
}

async function timeExceptions(db: Db, periodId: string): Promise<Timing[]> {
  const { exceptionInputs } = await import("@/lib/exceptions/inputs");
  const { liveExceptions, storedResponses, withResponses } = await import("@/lib/exceptions/live");
  const { derivationsSoFar, openPeriods } = await import("@/lib/exceptions/unanswered");
  const { organisationToday } = await import("@/lib/org-time");

  // What liveExceptions did before: every evidence row of the period, to keep the rejected and withdrawn.
  const fromEveryRow = async () => withResponses(await exceptionInputs(periodId, { listEvidence: false }), await storedResponses(periodId));
  const before = await fromEveryRow();
  const { exceptions } = await liveExceptions(periodId);
  const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);
  if (ids(before).join("\n") !== ids(exceptions).join("\n")) {
    throw new Error(`liveExceptions lists ${exceptions.length} exceptions, every evidence row gives ${before.length}: they differ`);
  }
  const counts = await db.evidence.groupBy({ by: ["status"], where: { url: { startsWith: "https://bench.example.test/" } }, _count: true });
  const byStatus = counts.map((c) => `${c._count.toLocaleString("en")} ${c.status.toLowerCase()}`).join(", ");
  const kinds = new Map<string, number>();
  for (const e of exceptions) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(
    `\nExceptions of the coverage period (${COVERAGE_EVIDENCE.toLocaleString("en")} evidence rows: ${byStatus}), on the organisation's today ${await organisationToday()}`,
  );
  console.log(
    `both derivations list the same ${exceptions.length.toLocaleString("en")} exceptions in the same order (${[...kinds].map(([k, n]) => `${n.toLocaleString("en")} ${k}`).join(", ")})`,
  );

  const open = await openPeriods();
  console.log(
    `openPeriods: the current period ${open.current?.periodName ?? "none"}, ${open.current?.unanswered ?? 0} unanswered; ${open.others.length} other open`,
  );
  const timings = [
    await time("exceptions from every evidence row (before)", fromEveryRow),
    await time("liveExceptions (rejected and withdrawn only)", () => liveExceptions(periodId)),
  ];
  // How many of the calls below derived a count rather than serving the remembered one.
  let derived = derivationsSoFar();
  timings.push(await time("openPeriods, remembered (no write between)", () => openPeriods()));
  console.log(`(derived ${derivationsSoFar() - derived} times in ${RUNS + 2} calls)`);
  derived = derivationsSoFar();
  // txid_current() assigns a transaction id, which commits and so changes the snapshot the count is keyed on.
  timings.push(
    await time("openPeriods after a write", async () => {
      await db.$executeRawUnsafe("SELECT txid_current()");
      return openPeriods();
    }),
  );
  console.log(`(derived ${derivationsSoFar() - derived} times in ${RUNS + 2} calls; no target is named by the issue)`);
  return timings;
}
