import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { evidenceWithVersions } from "@/lib/evidence/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute("evidence:read", { params: z.object({ id: z.uuid() }) }, async ({ params }) => {
  const evidence = await evidenceWithVersions(params.id);
  if (!evidence) throw new AppError("NOT_FOUND", `There is no evidence ${params.id}.`);
  return NextResponse.json(evidence);
});
