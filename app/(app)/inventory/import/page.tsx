import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ImportForm } from "@/components/inventory/import-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import features" };

export default async function ImportFeaturesPage() {
  await requirePage("features:write");
  return (
    <>
      <p>
        <Link href="/inventory">← Inventory</Link>
      </p>
      <h1>Import features from CSV</h1>
      <p className="lede">
        Rows whose slug exists update that feature; the others create new ones. You see a preview first; the import then writes every row in
        one step, or nothing if any row is wrong.
      </p>
      <ImportForm />
    </>
  );
}
