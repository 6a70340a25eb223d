import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ChangeForm } from "@/components/changes/change-form";
import { changeFeatureOptions } from "@/lib/changes/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Record a change" };

export default async function NewChangePage() {
  const principal = await requirePage("changes:write");
  const features = await changeFeatureOptions(await scopeOf(principal));
  return (
    <>
      <p>
        <Link href="/changes">← Changes</Link>
      </p>
      <h1>Record a model or prompt change</h1>
      <p className="lede">
        One merged change (AI-PI-01). It counts as covered once accepted evaluation evidence names the same commit or pull request
        (AI-PI-02).
      </p>
      <ChangeForm features={features} />
    </>
  );
}
