import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";
import { getFeature, inventoryChoices } from "@/lib/features/queries";
import { FLAGS } from "@/lib/validations/feature";
import { FeatureForm } from "@/components/inventory/feature-form";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit ${(await params).slug}` };
}

export default async function EditFeaturePage({ params }: Params) {
  const principal = await requirePage("features:write");
  const scope = await scopeOf(principal);
  const { slug } = await params;
  const [feature, choices] = await Promise.all([getFeature(slug, scope), inventoryChoices(scope)]);
  if (!feature) notFound();
  return (
    <>
      <p>
        <Link href={`/inventory/${feature.slug}`}>← {feature.name}</Link>
      </p>
      <h1>Edit {feature.name}</h1>
      <FeatureForm
        slug={feature.slug}
        vendorNames={choices.vendors}
        initial={{
          ...feature,
          inputData: feature.inputData,
          invokers: feature.invokers,
          inputNotes: feature.inputNotes ?? "",
          failureNotes: feature.failureNotes ?? "",
          promptLogRetention: feature.promptLogRetention ?? "",
          flags: Object.fromEntries(FLAGS.map((f) => [f, feature[f]])) as Record<(typeof FLAGS)[number], boolean>,
        }}
      />
    </>
  );
}
