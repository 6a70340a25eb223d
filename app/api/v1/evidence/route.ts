import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute, jsonError } from "@/lib/api/route";
import { evidenceMaxBytes } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { parseEvidenceUpload } from "@/lib/evidence/multipart";
import { listEvidenceByCursor } from "@/lib/evidence/queries";
import { createEvidence, parseEvidenceFields } from "@/lib/evidence/service";
import { discardStaged } from "@/lib/evidence/storage";
import { evidenceApi as api } from "@/lib/api/endpoints/evidence";

export const dynamic = "force-dynamic";

// GET /api/v1/evidence?control=&feature=&status=&source=&uploader=&from=&to=&cursor=&limit=
export const GET = apiRoute(api.listEvidence, async ({ query, caller }) => {
  return NextResponse.json(await listEvidenceByCursor(query, await scopeOf(caller)));
});

// POST /api/v1/evidence (multipart): the file streams to a staged temp file while it is hashed;
// the fields are validated once the body has arrived; only then does anything become evidence.
export const POST = apiRoute(api.uploadEvidence, async ({ request, caller }) => {
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
