import { apiRoute } from "@/lib/api/route";
import { periodsApi as api } from "@/lib/api/endpoints/periods";
import { csvAttachment } from "@/lib/http/csv-attachment";
import { sampleCsv, sampleFileName } from "@/lib/sampling/csv";
import { samplePeriod } from "@/lib/sampling/sample";

export const dynamic = "force-dynamic";

// GET /api/v1/periods/{id}/sample?control=&kind=&size=&seed= -> the sample as a CSV attachment
// (lib/sampling). Reads only: a draw stores nothing, so an auditor may draw as often as they like.
export const GET = apiRoute(api.samplePeriod, async ({ params, query, caller }) => {
  const sample = await samplePeriod(caller, params.id, query);
  const response = csvAttachment(sampleCsv(sample), sampleFileName(sample));
  response.headers.set("X-Attest-Sample-Seed", sample.draw.seed);
  return response;
});
