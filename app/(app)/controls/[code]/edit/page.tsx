import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";
import { listCriteria } from "@/lib/controls/criteria";
import { getControl } from "@/lib/controls/queries";
import { controlCodeParam } from "@/lib/validations/control";
import { ControlDefinitionForm } from "@/components/controls/control-definition-form";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit ${controlCodeParam.safeParse((await params).code).data ?? "control"}` };
}

export default async function EditControlPage({ params }: Params) {
  const principal = await requirePage("controls:write");
  const code = controlCodeParam.safeParse((await params).code);
  const control = code.success ? await getControl(code.data, await scopeOf(principal)) : null;
  if (!control) notFound();
  const criteria = await listCriteria();
  const href = `/controls/${encodeURIComponent(control.code)}`;
  return (
    <>
      <p>
        <Link href={href}>← {control.code}</Link>
      </p>
      <h1>
        Edit {control.code}
        {control.custom ? "" : ": criteria mapping"}
      </h1>
      <p className="lede">
        {control.custom
          ? "A custom control: its text, category, criteria, frequency and expected evidence can change. Every change is in the audit log."
          : "One of the guide's controls: its text stays as the guide wrote it, but its criteria mapping can be adjusted to what you and your auditor agree."}
      </p>
      <section className="card">
        <ControlDefinitionForm
          mode="edit"
          textEditable={control.custom}
          criteria={criteria}
          initial={{
            code: control.code,
            title: control.title,
            description: control.description,
            category: control.category,
            criteria: control.criteria.map((c) => c.criterionId),
            frequency: control.frequency,
            expectedEvidence: control.expectedEvidence,
          }}
        />
      </section>
    </>
  );
}
