import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, jsonError } from "@/lib/api/route";
import { evidenceMaxBytes } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { parseEvidenceUpload } from "@/lib/evidence/multipart";
import { listEvidenceByCursor } from "@/lib/evidence/queries";
import { createEvidence, parseEvidenceFields } from "@/lib/evidence/service";
import { discardStaged } from "@/lib/evidence/storage";
import { evidenceListSchema } from "@/lib/validations/evidence";

export const dynamic = "force-dynamic";

// GET /api/v1/evidence?control=&feature=&status=&source=&uploader=&from=&to=&cursor=&limit=
export const GET = apiRoute("evidence:read", {}, async ({ request }) => {
  const parsed = evidenceListSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    const first = Object.entries(fields).map(([k, v]) => `${k}: ${v[0]}`)[0] ?? "Invalid filters.";
    throw new AppError("VALIDATION", first, fields);
  }
  return NextResponse.json(await listEvidenceByCursor(parsed.data));
});

// POST /api/v1/evidence (multipart): the file streams to a staged temp file while it is hashed;
// the fields are validated once the body has arrived; only then does anything become evidence.
export const POST = apiRoute("evidence:write", {}, async ({ request, caller }) => {
  let upload;
  try {
    upload = await parseEvidenceUpload(request, evidenceMaxBytes());
  } catch (error) {
    // A client that stopped sending is told so, and its connection is not kept for another request.
    if (error instanceof AppError && error.code === "REQUEST_TIMEOUT") return jsonError(error, { Connection: "close" });
    throw error;
  }
  let fields;
  try {
    fields = await parseEvidenceFields(upload.fields);
  } catch (error) {
    await discardStaged(upload.file?.staged);
    throw error;
  }
  const evidence = await createEvidence(fields, upload.file, caller);
  return NextResponse.json(evidence, { status: 201, headers: { Location: `/api/v1/evidence/${evidence.id}` } });
});
