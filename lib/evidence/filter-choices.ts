import "server-only";
import { db } from "@/lib/db";

/** The evidence table's select options: every control and every feature, by code and by name. */
export async function evidenceFilterChoices() {
  const [controls, features] = await Promise.all([
    db.control.findMany({ select: { code: true, title: true }, orderBy: { code: "asc" } }),
    db.feature.findMany({ select: { slug: true, name: true }, orderBy: [{ name: "asc" }, { slug: "asc" }] }),
  ]);
  return { controls, features };
}

export type EvidenceFilterChoices = Awaited<ReturnType<typeof evidenceFilterChoices>>;
