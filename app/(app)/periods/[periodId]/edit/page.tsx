import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { getPeriod } from "@/lib/periods/queries";
import { periodToJson } from "@/lib/periods/service";
import { PeriodForm } from "@/components/periods/period-form";
import { periodScopeOptions } from "@/lib/periods/scope-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit audit period" };

export default async function EditPeriodPage({ params }: { params: Promise<{ periodId: string }> }) {
  await requirePage("periods:write");
  const id = z.uuid().safeParse((await params).periodId);
  const row = id.success ? await getPeriod(id.data) : null;
  if (!row) notFound();
  const period = periodToJson(row);
  return (
    <>
      <p>
        <Link href="/periods">← Audit periods</Link>
      </p>
      <h1>Edit {period.name}</h1>
      <PeriodForm initial={period} {...await periodScopeOptions()} />
    </>
  );
}
