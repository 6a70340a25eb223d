import { Readable } from "node:stream";
import { create as contentDisposition } from "content-disposition";
import { apiRoute } from "@/lib/api/route";
import { periodsApi as api } from "@/lib/api/endpoints/periods";
import { exportPeriod } from "@/lib/export/build";

export const dynamic = "force-dynamic";

// GET /api/v1/periods/{id}/export -> the auditor package (lib/export/build.ts), streamed: the ZIP's
// bytes go out as yazl writes them, never gathered in memory; a cancelled download stops the writer.
export const GET = apiRoute(api.exportPeriod, async ({ params, caller }) => {
  const { fileName, stream } = await exportPeriod(params.id, caller);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(fileName, { type: "attachment" }),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
