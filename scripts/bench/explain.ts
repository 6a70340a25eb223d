// BENCH_EXPLAIN=1: the SQL that Prisma generates for a benchmark case, with EXPLAIN ANALYZE, to
// see which index a slow case lacks. installQueryCapture() must run before "@/lib/db" is imported:
// it puts a Prisma client that reports its queries where lib/db looks for the shared one.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type Db = (typeof import("@/lib/db"))["db"];

const captured: { query: string; params: string }[] = [];
let capturing = false;

export const explainEnabled = () => env().BENCH_EXPLAIN;

export function installQueryCapture(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => {
    if (capturing) captured.push({ query: e.query, params: e.params });
  });
  (globalThis as unknown as { attestPrisma?: PrismaClient }).attestPrisma = client;
}

/** Runs fn once, then prints EXPLAIN ANALYZE of every query it sent (the plans of the SELECTs). */
export async function explain(db: Db, label: string, fn: () => Promise<unknown>) {
  captured.length = 0;
  capturing = true;
  try {
    await fn();
  } finally {
    capturing = false;
  }
  console.log(`\n=== ${label}: ${captured.length} queries`);
  for (const { query, params } of [...captured]) {
    if (!/^\s*SELECT/i.test(query)) continue;
    const values = JSON.parse(params) as unknown[];
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF) ${query}`, ...values);
    console.log(`--- ${query}\n    params ${params}`);
    console.log(plan.map((row) => `    ${row["QUERY PLAN"]}`).join("\n"));
  }
}
