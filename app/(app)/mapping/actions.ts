"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { setMappings } from "@/lib/mapping/service";
import { bulkMappingSchema, confirmMappingSchema } from "@/lib/validations/mapping";

export const confirmMapping = action("features:write", confirmMappingSchema, async ({ slug, code, applies, justification }, principal) => {
  await setMappings([{ slug, code }], { applies, justification }, principal);
  revalidatePath(`/inventory/${slug}`);
  revalidatePath("/mapping");
  return { ok: true, message: applies ? `${code} applies to this feature.` : `${code} marked as not applicable.` };
});

export const bulkMapping = action("features:write", bulkMappingSchema, async ({ slugs, category, decision, justification }, principal) => {
  const controls = await db.control.findMany({ where: { category }, select: { code: true }, orderBy: { code: "asc" } });
  const pairs = slugs.flatMap((slug) => controls.map((c) => ({ slug, code: c.code })));
  await setMappings(pairs, { applies: decision === "applies", justification }, principal);
  revalidatePath("/mapping");
  return { ok: true, message: `${pairs.length} mappings confirmed (${controls.length} controls × ${slugs.length} features).` };
});
