import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";
import { getControl, isoDate } from "@/lib/controls/queries";
import { controlEvidenceTimeline } from "@/lib/evidence/timeline";
import { CATEGORY_LABELS, DESIGN_STATUS_LABELS, FREQUENCY_LABELS } from "@/lib/validations/control";
import { ControlDesignForm } from "@/components/controls/control-design-form";
import { EvidenceTimeline } from "@/components/evidence/evidence-timeline";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).code) };
}

export default async function ControlPage({ params }: Params) {
  const principal = await requirePage("controls:read");
  const scope = await scopeOf(principal);
  const control = await getControl(decodeURIComponent((await params).code), scope);
  if (!control) notFound();
  const editable = principal.may("controls:write");
  // controls:read and evidence:read are held by the same roles today; check both so neither leaks.
  const timeline = principal.may("evidence:read") ? await controlEvidenceTimeline(control.code, scope) : null;
  return (
    <>
      <p>
        <Link href="/controls">← Controls</Link>
      </p>
      <h1>
        {control.code}: {control.title}
      </h1>
      <p className="lede">{control.description}</p>
      {editable && (
        <p>
          <Link className="button secondary" href={`/controls/${encodeURIComponent(control.code)}/edit`}>
            {control.custom ? "Edit control" : "Edit criteria mapping"}
          </Link>
        </p>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Control</h2>
          <dl className="facts">
            <dt>Origin</dt>
            <dd>{control.custom ? "Custom control" : "The guide's baseline controls"}</dd>
            <dt>Category</dt>
            <dd>{CATEGORY_LABELS[control.category]}</dd>
            <dt>Criteria supported</dt>
            <dd>
              {control.criteria.length === 0
                ? "None mapped"
                : control.criteria.map((c) => (
                    <div key={c.criterionId}>
                      <strong>{c.criterionId}</strong> {c.criterion.title}
                    </div>
                  ))}
            </dd>
            <dt>Evidence expected</dt>
            <dd>{control.expectedEvidence}</dd>
            <dt>Frequency</dt>
            <dd>{FREQUENCY_LABELS[control.frequency]}</dd>
            <dt>Design status</dt>
            <dd>
              <span className={`badge ${control.designStatus}`}>{DESIGN_STATUS_LABELS[control.designStatus]}</span>
            </dd>
            {control.justification && (
              <>
                <dt>Justification</dt>
                <dd>{control.justification}</dd>
              </>
            )}
            <dt>Operates since</dt>
            <dd>{isoDate(control.operatesSince) ?? "Not set"}</dd>
            <dt>Owner</dt>
            <dd>{control.owner ?? "Not assigned"}</dd>
            {control.notes && (
              <>
                <dt>Notes</dt>
                <dd>{control.notes}</dd>
              </>
            )}
          </dl>
        </section>
        {editable && (
          <section className="card" aria-labelledby="design-heading">
            <h2 id="design-heading">Gap assessment</h2>
            <ControlDesignForm
              code={control.code}
              initial={{
                designStatus: control.designStatus,
                justification: control.justification ?? "",
                frequency: control.frequency,
                operatesSince: isoDate(control.operatesSince) ?? "",
                owner: control.owner ?? "",
                notes: control.notes ?? "",
              }}
            />
          </section>
        )}
      </div>
      {timeline && (
        <EvidenceTimeline
          code={control.code}
          entries={timeline.entries}
          total={timeline.total}
          canUpload={principal.may("evidence:write")}
        />
      )}
    </>
  );
}
