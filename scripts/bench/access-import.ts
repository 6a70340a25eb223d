// Access-review CSV import: a 5,000-row AWS IAM credential report into a fresh DRAFT access review,
// through importCsvItems() (the server action's path: parse, map, check reviewers with one user
// read, batched createMany, one audit entry, one transaction). Each run imports into its own
// access review, so every run writes the same 5,000 rows.
import { performance } from "node:perf_hooks";
import { percentile } from "./util";
import { IAM_REPORT_HEADER, iamReportLine } from "@/e2e/support/iam-report";
import { userPrincipal } from "@/lib/auth/principal";

type Db = (typeof import("@/lib/db"))["db"];

export const ACCESS_IMPORT_ROWS = 5_000;
const RUNS = 7;

/** A deterministic IAM credential report: people with console access, service users with keys only. */
export function iamCredentialReport(rows = ACCESS_IMPORT_ROWS): string {
  const lines = [IAM_REPORT_HEADER];
  for (let i = 0; i < rows; i++) {
    const person = i % 4 !== 0;
    const user = person ? `person-${i}` : `svc-${i}`;
    const key2 = i % 9 === 0 ? "true" : "false";
    lines.push(
      iamReportLine({
        user,
        arn: `arn:aws:iam::123456789012:user/${user}`,
        user_creation_time: "2025-03-01T10:00:00+00:00",
        password_enabled: person ? "true" : "false",
        password_last_used: person ? "2026-11-20T08:00:00+00:00" : "N/A",
        mfa_active: person && i % 5 ? "true" : "false",
        access_key_1_active: person && i % 3 ? "false" : "true",
        access_key_1_last_rotated: "2025-03-01T10:00:00+00:00",
        access_key_1_last_used_date: "2026-11-21T08:00:00+00:00",
        access_key_1_last_used_region: "us-east-1",
        access_key_1_last_used_service: "bedrock",
        access_key_2_active: key2,
      }),
    );
  }
  return lines.join("\n") + "\n";
}

export async function benchAccessImport(db: Db) {
  const { importCsvItems, createReview } = await import("@/lib/access-reviews/service");
  const { mappingSchema, suggestMapping, readCsvTable, mapCsvRows } = await import("@/lib/access-reviews/csv");
  const lead = await db.user.create({
    data: { email: "bench-lead@example.test", name: "Bench Lead", role: "COMPLIANCE_LEAD", passwordHash: "not-a-hash" },
  });
  const actor = userPrincipal(lead);
  const text = iamCredentialReport();
  const mapping = mappingSchema.parse({ ...suggestMapping(IAM_REPORT_HEADER.split(",")), resourceFixed: "AWS account 1234 / Bedrock" });
  console.log(`\nAccess-review CSV import (${ACCESS_IMPORT_ROWS} IAM rows, ${(text.length / 1024).toFixed(0)} KiB, ${RUNS} runs)`);

  const parse: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    mapCsvRows(readCsvTable(text), mapping);
    parse.push(performance.now() - start);
  }
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const review = await createReview(
      { name: `Bench import ${i}`, quarter: "2026-Q4", features: [], resources: ["MODEL_API_KEY"], sameQuarterReason: "Benchmark run." },
      actor,
    );
    const start = performance.now();
    const { imported } = await importCsvItems(review.id, { text, fileName: "credential-report.csv", mapping }, actor);
    const ms = performance.now() - start;
    if (imported !== ACCESS_IMPORT_ROWS) throw new Error(`imported ${imported}, expected ${ACCESS_IMPORT_ROWS}`);
    if (i > 0) samples.push(ms); // the first run warms up
  }
  for (const [label, s] of [
    ["parse + map (pure, the preview's work)", parse],
    ["importCsvItems: whole import, one transaction", samples],
  ] as const) {
    const sorted = [...s].sort((a, b) => a - b);
    console.log(
      `${label.padEnd(48)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   max ${sorted.at(-1)!.toFixed(1).padStart(7)} ms`,
    );
  }
  const items = await db.accessReviewItem.count();
  console.log(`${items} items stored in total (${RUNS + 1} access reviews)`);
}
