"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { verifyStoredAuditLog } from "@/lib/audit-log/queries";
import type { AuditVerdict } from "@/lib/audit-log/verify";

/** Re-reads the whole chain and checks it against the key and the newest checkpoint; writes nothing. */
export const verifyChainAction = action("audit-log:read", z.object({}), async () => {
  const data: AuditVerdict = await verifyStoredAuditLog();
  return { ok: true, data };
});
