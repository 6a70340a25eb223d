"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { verifyAuditLog, type AuditVerdict } from "@/lib/audit-log/verify";

/** Re-reads the whole chain and checks it against the key and the newest checkpoint; writes nothing. */
export const verifyChainAction = action("audit-log:read", z.object({}), async () => {
  const data: AuditVerdict = await verifyAuditLog(db);
  return { ok: true, data };
});
