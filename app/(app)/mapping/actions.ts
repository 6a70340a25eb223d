"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { controlCodesIn } from "@/lib/controls/queries";
import { setMappings } from "@/lib/mapping/service";
import { bulkMappingSchema, confirmMappingSchema } from "@/lib/validations/mapping";

export const confirmMapping = action("features:write", confirmMappingSchema, async ({ slug, code, applies, justification }, principal) => {
  await setMappings([{ slug, code }], { applies, justification }, principal);
  revalidatePath(`/inventory/${slug}`);
  revalidatePath("/mapping");
  return { ok: true, message: applies ? `${code} applies to this feature.` : `${code} marked as not applicable.` };
});

export const bulkMapping = action("features:write", bulkMappingSchema, async ({ slugs, category, decision, justification }, principal) => {
  const controls = await controlCodesIn(category);
  const pairs = slugs.flatMap((slug) => controls.map((code) => ({ slug, code })));
  await setMappings(pairs, { applies: decision === "applies", justification }, principal);
  revalidatePath("/mapping");
  return { ok: true, message: `${pairs.length} mappings confirmed (${controls.length} controls × ${slugs.length} features).` };
});
