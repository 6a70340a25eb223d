import { scopeOf } from "@/lib/auth/scope";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { storedFileResponse } from "@/lib/evidence/download";
import { evidenceWithFile } from "@/lib/evidence/queries";
import { evidenceApi as api } from "@/lib/api/endpoints/evidence";

export const dynamic = "force-dynamic";

// The bytes of one piece of evidence, as an attachment with its SHA-256 (lib/evidence/download.ts).
export const GET = apiRoute(api.downloadEvidenceFile, async ({ params, caller }) => {
  const evidence = await evidenceWithFile(params.id, await scopeOf(caller));
  if (!evidence) throw new AppError("NOT_FOUND", `There is no evidence ${params.id}.`);
  if (!evidence.file || !evidence.fileName) throw new AppError("NOT_FOUND", "This evidence is a link, not a file: open its URL instead.");
  return storedFileResponse(evidence.file, evidence.fileName);
});
