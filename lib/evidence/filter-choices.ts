import "server-only";
import { db } from "@/lib/db";
import { controlWhere, featureWhere, type Scope } from "@/lib/auth/scope";

/** The evidence table's select options: every control and every feature, by code and by name. */
export async function evidenceFilterChoices(scope: Scope) {
  const [controls, features] = await Promise.all([
    db.control.findMany({ where: controlWhere(scope), select: { code: true, title: true }, orderBy: { code: "asc" } }),
    db.feature.findMany({ where: featureWhere(scope), select: { slug: true, name: true }, orderBy: [{ name: "asc" }, { slug: "asc" }] }),
  ]);
  return { controls, features };
}

export type EvidenceFilterChoices = Awaited<ReturnType<typeof evidenceFilterChoices>>;
