import { scopeOf, type Scope } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError, validationError } from "@/lib/errors";
import { getFeatureJson } from "@/lib/features/queries";
import { updateFeature } from "@/lib/features/service";
import { featureSchema } from "@/lib/validations/feature";
import { featuresApi as api } from "@/lib/api/endpoints/features";

export const dynamic = "force-dynamic";

async function current(slug: string, scope: Scope) {
  const feature = await getFeatureJson(slug, scope);
  if (!feature) throw new AppError("NOT_FOUND", `There is no feature ${slug}.`);
  return feature;
}

export const GET = apiRoute(api.getFeature, async ({ params, caller }) =>
  NextResponse.json(await current(params.slug, await scopeOf(caller))),
);

/**
 * PATCH is partial: the body's fields are laid over the current feature, and the result is
 * validated as a whole with the same schema as POST (so a PATCH cannot leave a feature invalid).
 */
export const PATCH = apiRoute(api.updateFeature, async ({ body: patch, params, caller }) => {
  const before = await current(params.slug, await scopeOf(caller));
  if (patch.slug !== undefined && patch.slug !== before.slug) {
    throw new AppError("VALIDATION", "slug: A feature's slug cannot change.", { slug: ["A feature's slug cannot change."] });
  }
  const parsed = featureSchema.safeParse({ ...before, ...patch });
  if (!parsed.success) throw validationError(parsed.error, "Invalid body.");
  return NextResponse.json(await updateFeature(params.slug, parsed.data, caller));
});
