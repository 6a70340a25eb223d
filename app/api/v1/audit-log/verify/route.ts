import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit-log/verify";

export const dynamic = "force-dynamic";

// The same check as `npm run audit:verify` and the page's "Verify chain" button.
export const GET = apiRoute("audit-log:read", {}, async () => {
  const verdict = await verifyAuditChain(db);
  return NextResponse.json(
    verdict.ok
      ? { ok: true, entries: verdict.entries }
      : { ok: false, entries: verdict.entries, brokenAt: verdict.seq, reason: verdict.reason },
  );
});
