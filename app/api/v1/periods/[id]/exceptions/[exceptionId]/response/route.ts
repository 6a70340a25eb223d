import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { writeResponse } from "@/lib/exceptions/service";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

// PUT /api/v1/periods/{id}/exceptions/{exceptionId}/response {"response": "..."} -> the exception with its response.
export const PUT = apiRoute(api.writeExceptionResponse, async ({ params, body, caller }) => {
  return NextResponse.json(await writeResponse(caller, params.id, params.exceptionId, body));
});
