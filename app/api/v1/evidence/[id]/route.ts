import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { evidenceWithVersions } from "@/lib/evidence/queries";
import { evidenceApi as api } from "@/lib/api/endpoints/evidence";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.getEvidence, async ({ params, caller }) => {
  const found = await evidenceWithVersions(params.id, await scopeOf(caller));
  if (!found) throw new AppError("NOT_FOUND", `There is no evidence ${params.id}.`);
  return NextResponse.json(found.evidence);
});
