import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { PeriodForm } from "@/components/periods/period-form";
import { periodScopeOptions } from "@/lib/periods/scope-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New audit period" };

export default async function NewPeriodPage() {
  await requirePage("periods:write");
  const options = await periodScopeOptions();
  const year = new Date().getUTCFullYear();
  return (
    <>
      <p>
        <Link href="/periods">← Audit periods</Link>
      </p>
      <h1>New audit period</h1>
      <PeriodForm
        initial={{
          name: "",
          type: "TYPE_II",
          start: `${year}-01-01`,
          end: `${year}-12-31`,
          categories: ["SECURITY"],
          features: [],
          auditors: [],
        }}
        {...options}
      />
    </>
  );
}
