import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { getVendor } from "@/lib/vendors/queries";
import { VendorForm } from "@/components/vendors/vendor-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit vendor" };

export default async function EditVendorPage({ params }: { params: Promise<{ vendorId: string }> }) {
  const principal = await requirePage("vendors:write");
  const id = z.uuid().safeParse((await params).vendorId);
  const vendor = id.success ? await getVendor(id.data, await scopeOf(principal)) : null;
  if (!vendor) notFound();
  return (
    <>
      <p>
        <Link href={`/vendors/${vendor.id}`}>← {vendor.name}</Link>
      </p>
      <h1>Edit {vendor.name}</h1>
      <VendorForm initial={vendor} />
    </>
  );
}
