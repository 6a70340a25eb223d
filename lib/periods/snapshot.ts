import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit-log/chain";
import type { ExceptionWithResponse } from "@/lib/exceptions/live";
import type { periodCoverage } from "@/lib/periods/coverage";

// What a lock freezes (docs/periods-lock.md), and the hash its audit entry names. Pure.

export type PeriodCoverage = Awaited<ReturnType<typeof periodCoverage>>;

export interface PeriodSnapshot {
  coverage: PeriodCoverage;
  exceptions: ExceptionWithResponse[];
}

/** SHA-256 of the snapshot's canonical JSON (keys sorted, as the audit chain hashes): the same however the database orders its keys. */
export function snapshotSha256(snapshot: PeriodSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}
