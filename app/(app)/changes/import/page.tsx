import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ChangeImportForm } from "@/components/changes/import-form";
import { changeFeatureOptions } from "@/lib/changes/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import changes" };

export default async function ImportChangesPage() {
  const principal = await requirePage("changes:write");
  const features = await changeFeatureOptions(await scopeOf(principal));
  return (
    <>
      <p>
        <Link href="/changes">← Changes</Link>
      </p>
      <h1>Import changes</h1>
      <p className="lede">
        The merged pull requests of a period, from a CSV or from <code>gh pr list</code>. You see a preview first; the import then records
        every row in one step, or nothing if any row is wrong.
      </p>
      <ChangeImportForm features={features} />
    </>
  );
}
