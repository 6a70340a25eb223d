import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { inventoryChoices } from "@/lib/features/queries";
import { EMPTY_FEATURE, FeatureForm } from "@/components/inventory/feature-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New feature" };

export default async function NewFeaturePage() {
  const principal = await requirePage("features:write");
  const { vendors } = await inventoryChoices(await scopeOf(principal));
  return (
    <>
      <p>
        <Link href="/inventory">← Inventory</Link>
      </p>
      <h1>New AI feature</h1>
      <p className="lede">Answer the guide&apos;s six questions; the answers suggest which controls apply.</p>
      <FeatureForm initial={EMPTY_FEATURE} vendorNames={vendors} />
    </>
  );
}
