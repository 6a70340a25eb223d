import "server-only";
import { db } from "@/lib/db";

/** A feature as pages name it: its name, and the slug its link and the API use. */
export interface FeatureLabel {
  slug: string;
  name: string;
}

/**
 * The names of the features given by slug (as periods and evidence record them), in one query and
 * in the order given. People read names; slugs stay in links and in the API. A slug with no row
 * (not expected: features are never deleted) keeps its slug as its name.
 */
export async function featureLabels(slugs: readonly string[]): Promise<FeatureLabel[]> {
  if (slugs.length === 0) return [];
  const rows = await db.feature.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, name: true } });
  const names = new Map(rows.map((f) => [f.slug, f.name]));
  return slugs.map((slug) => ({ slug, name: names.get(slug) ?? slug }));
}
