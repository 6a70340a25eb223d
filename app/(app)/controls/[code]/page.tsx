import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { mayFollow } from "@/lib/auth/page-access";
import { controlAwaitingReview, getControl, isoDate } from "@/lib/controls/queries";
import { controlSlotsInPeriod, periodInView } from "@/lib/controls/period-status";
import { nextSlotDue } from "@/lib/coverage/next-due";
import { canReviewEvidence } from "@/lib/evidence/ownership";
import { AppError } from "@/lib/errors";
import { selfReviewAllowed } from "@/lib/settings/self-review";
import { ControlAwaitingReview } from "@/components/controls/control-awaiting-review";
import { ControlPeriodSlots } from "@/components/controls/control-period-slots";
import { controlEvidenceTimeline } from "@/lib/evidence/timeline";
import { CATEGORY_LABELS, controlCodeParam, DESIGN_STATUS_LABELS, FREQUENCY_LABELS } from "@/lib/validations/control";
import { ControlDesignForm } from "@/components/controls/control-design-form";
import { EvidenceTimeline } from "@/components/evidence/evidence-timeline";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ code: string }> };
type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const searchSchema = z.object({ period: z.string().optional().catch(undefined) });

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: controlCodeParam.safeParse((await params).code).data ?? "Control" };
}

export default async function ControlPage({ params, searchParams }: Params & Search) {
  const principal = await requirePage("controls:read");
  const scope = await scopeOf(principal);
  // A segment that is not a control code (malformed escapes included) names no control: a 404, as an unknown code is.
  const code = controlCodeParam.safeParse((await params).code);
  const control = code.success ? await getControl(code.data, scope) : null;
  if (!control) notFound();
  // A requested period that is malformed or not the caller's is a 404, as on the matrix.
  const requested = searchSchema.parse(await searchParams).period;
  if (requested !== undefined && !z.uuid().safeParse(requested).success) notFound();
  const view = await periodInView(principal, requested).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const editable = principal.may("controls:write");
  // controls:read and evidence:read are held by the same roles today; check both so neither leaks.
  const readsEvidence = principal.may("evidence:read");
  const [timeline, slots, awaiting, allowSelfReview] = await Promise.all([
    readsEvidence ? controlEvidenceTimeline(control.code, scope) : null,
    view.period && readsEvidence ? controlSlotsInPeriod(view.period.id, control.code, view.today, scope) : null,
    readsEvidence ? controlAwaitingReview(control.code, scope) : [],
    selfReviewAllowed(),
  ]);
  // Review is offered only where the review page and the service's own rule (segregation of duties) would allow it.
  const mayReview = mayFollow(principal, "/evidence/review");
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
      {view.period && readsEvidence && (
        <ControlPeriodSlots
          code={control.code}
          frequency={control.frequency}
          period={view.period}
          periods={view.periods}
          item={slots?.item ?? null}
          nextDue={slots ? nextSlotDue(control.frequency, slots.item.slots, view.today) : null}
          asOf={slots?.asOf ?? null}
          locked={slots?.locked ?? null}
        />
      )}
      {readsEvidence && (
        <ControlAwaitingReview
          code={control.code}
          items={awaiting.map((e) => ({
            id: e.id,
            title: e.title,
            effectiveDate: isoDate(e.effectiveDate)!,
            uploadedAt: e.uploadedAt.toISOString(),
            reviewable: mayReview && canReviewEvidence(e, principal, allowSelfReview).ok,
          }))}
        />
      )}
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
