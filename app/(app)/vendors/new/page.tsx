import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { VendorForm } from "@/components/vendors/vendor-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New vendor" };

export default async function NewVendorPage() {
  await requirePage("vendors:write");
  return (
    <>
      <p>
        <Link href="/vendors">← Vendors</Link>
      </p>
      <h1>New vendor</h1>
      <VendorForm
        initial={{
          name: "",
          website: null,
          securityContact: null,
          zeroRetention: null,
          trainingOptOut: null,
          dataRegion: null,
          transferSafeguards: null,
          incidentNotification: null,
          notes: null,
        }}
      />
    </>
  );
}
