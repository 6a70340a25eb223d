import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { listCriteria } from "@/lib/controls/criteria";
import { ControlDefinitionForm } from "@/components/controls/control-definition-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New control" };

export default async function NewControlPage() {
  await requirePage("controls:write");
  const criteria = await listCriteria();
  return (
    <>
      <p>
        <Link href="/controls">← Controls</Link>
      </p>
      <h1>New control</h1>
      <p className="lede">
        A control of your own, beside the guide&apos;s 23: what it does, the criteria it supports and the evidence that shows it operated.
        Its design status starts as missing; set it on the control&apos;s page once created.
      </p>
      <section className="card">
        <ControlDefinitionForm
          mode="create"
          criteria={criteria}
          initial={{
            code: "",
            title: "",
            description: "",
            category: "SECURITY",
            criteria: [],
            frequency: "QUARTERLY",
            expectedEvidence: "",
          }}
        />
      </section>
    </>
  );
}
