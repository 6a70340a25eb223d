import { NextResponse } from "next/server";
import { pingDatabase } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

// Public: load balancers and `npm start` probe it. 503 when the database cannot be reached.
export async function GET() {
  try {
    await pingDatabase();
    return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json(
      { status: "unavailable", error: { code: "DATABASE_UNAVAILABLE", message: "The database cannot be reached." } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
