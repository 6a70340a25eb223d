"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit-log/verify";

export interface ChainCheck {
  intact: boolean;
  entries: number;
  brokenAt?: string;
  reason?: string;
}

/** Re-reads the whole chain from the database and checks every link; writes nothing. */
export const verifyChainAction = action("audit-log:read", z.object({}), async () => {
  const verdict = await verifyAuditChain(db);
  const data: ChainCheck = verdict.ok
    ? { intact: true, entries: verdict.entries }
    : { intact: false, entries: verdict.entries, brokenAt: verdict.seq, reason: verdict.reason };
  return { ok: true, data };
});
