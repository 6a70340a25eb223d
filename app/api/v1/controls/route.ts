import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { controlToJson } from "@/lib/controls/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute("controls:read", {}, async () => {
  const controls = await db.control.findMany({
    orderBy: [{ cat: { sortOrder: "asc" } }, { code: "asc" }],
    include: { cat: true, criteria: { include: { criterion: true }, orderBy: { criterion: { sortOrder: "asc" } } } },
  });
  return NextResponse.json({ items: controls.map(controlToJson) });
});
