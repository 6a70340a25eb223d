import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { mayFollow } from "@/lib/auth/page-access";
import { isPeriodVisible } from "@/lib/auth/scope";
import { currentPrincipal } from "@/lib/auth/session";
import { COVERAGE_STATUSES } from "@/lib/coverage/types";
import { periodHeatmap } from "@/lib/periods/heatmap";
import { periodName } from "@/lib/periods/queries";
import { exportSigningKey, publicKeyFingerprint } from "@/lib/export/signing-key";
import { CATEGORY_LABELS } from "@/lib/validations/control";
import { PERIOD_TYPE_LABELS } from "@/lib/validations/period";
import { CoverageHeatmap } from "@/components/periods/heatmap";
import { COVERAGE_STATUS_LABELS, percent } from "@/components/periods/heatmap-labels";
import { HeatmapLegend } from "@/components/periods/heatmap-legend";
import { HeatmapSlotList } from "@/components/periods/heatmap-slot-list";
import { ExceptionsTable } from "@/components/periods/exceptions-table";
import { LockPeriodButton, UnlockPeriodForm } from "@/components/periods/lock-controls";
import { periodExceptions } from "@/lib/exceptions/service";
import { featureLabels } from "@/lib/features/labels";
import { FeatureLinks } from "@/components/inventory/feature-links";
import styles from "@/components/periods/heatmap.module.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ periodId: string }> };

const periodId = async (params: Params["params"]) => z.uuid().safeParse((await params).periodId);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [id, principal] = await Promise.all([periodId(params), currentPrincipal()]);
  // A period the caller may not see has no name for them, not even in the tab's title.
  const visible = id.success && principal !== null && (await isPeriodVisible(principal, id.data));
  return { title: (visible ? await periodName(id.data) : null) ?? "Audit period" };
}

export default async function PeriodPage({ params }: Params) {
  const principal = await requirePage("periods:read");
  const id = await periodId(params);
  const heatmap = id.success && (await isPeriodVisible(principal, id.data)) ? await periodHeatmap(id.data) : null;
  if (!heatmap) notFound();
  const { period, summary, rows, evidenceTitles, today, timeZone, locked } = heatmap;
  const [{ exceptions }, features] = await Promise.all([periodExceptions(principal, period.id), featureLabels(period.features)]);
  const lead = principal.may("periods:write");
  return (
    <>
      <p>
        <Link href="/periods">← Audit periods</Link>
      </p>
      <h1>{period.name}</h1>
      {locked && (
        <div className="alert warn" role="status" data-testid="period-locked">
          Locked on {locked.lockedAt.slice(0, 16).replace("T", " ")} UTC by {locked.lockedBy}; figures are frozen as of then.
        </div>
      )}
      <div className="card">
        <dl className="facts">
          <dt>Type</dt>
          <dd>{PERIOD_TYPE_LABELS[period.type]}</dd>
          <dt>Window</dt>
          <dd>{period.type === "TYPE_I" ? `as of ${period.start}` : `${period.start} to ${period.end}`}</dd>
          <dt>Categories</dt>
          <dd>{period.categories.map((c) => CATEGORY_LABELS[c]).join(", ")}</dd>
          <dt>Features</dt>
          <dd>
            <FeatureLinks features={features} none="All (none named)" />
          </dd>
          <dt>Auditors</dt>
          <dd>{period.auditors.join(", ") || "—"}</dd>
        </dl>
        <p>
          {principal.may("periods:write") && (
            <>
              <Link className="button secondary" href={`/periods/${period.id}/edit`}>
                Edit period
              </Link>{" "}
            </>
          )}
          {/* A plain link: the browser streams the ZIP to disk (GET /api/v1/periods/{id}/export). */}
          <a className="button secondary" href={`/api/v1/periods/${period.id}/export`} download>
            Export package
          </a>{" "}
          {/* Reads only: a sample is drawn from a seed in the URL and never stored. */}
          <Link className="button secondary" href={`/periods/${period.id}/sample`}>
            Draw a sample
          </Link>
        </p>
        <p className="muted">
          The package is a signed ZIP of this period&apos;s evidence, coverage, exceptions and audit log for the auditor; it verifies
          offline with <code>npm run verify-package</code> (docs/auditors.md). Signing key fingerprint{" "}
          <code style={{ wordBreak: "break-all" }}>{publicKeyFingerprint(exportSigningKey().publicKey)}</code>.
        </p>
      </div>

      <h2>Coverage</h2>
      <p className="muted">
        {locked ? "Frozen as of" : "As of"} {today} ({timeZone}). Overall coverage is the mean of the controls&apos; coverage.
      </p>
      <ul className={`card ${styles.summary}`} aria-label="Coverage summary">
        <li>
          <strong>{percent(summary.coverage)}</strong> overall coverage
        </li>
        <li>
          <strong>{summary.controls}</strong> controls in scope
        </li>
        {COVERAGE_STATUSES.map((status) => (
          <li key={status}>
            <strong>{summary.byStatus[status]}</strong> {COVERAGE_STATUS_LABELS[status].toLowerCase()}
          </li>
        ))}
      </ul>

      <h2>Heatmap</h2>
      <HeatmapLegend />
      {rows.length === 0 ? (
        <div className="card empty">No control is in this period&apos;s categories.</div>
      ) : (
        <CoverageHeatmap
          periodId={period.id}
          rows={rows}
          evidenceTitles={evidenceTitles}
          canUpload={mayFollow(principal, "/evidence/upload")}
        />
      )}

      <h2>Slots by control</h2>
      <HeatmapSlotList rows={rows} evidenceTitles={evidenceTitles} />

      <h2 id="exceptions">Exceptions</h2>
      <p className="muted">
        Every run of missing slots, every evidence rejected or withdrawn in the window and every failing readiness check, with
        management&apos;s response (the report&apos;s exceptions; docs/periods-lock.md).
        {locked ? " Frozen with the period's lock." : ""}
      </p>
      <ExceptionsTable periodId={period.id} exceptions={exceptions} editable={lead && !locked} />

      {lead && (
        <>
          <h2 id="lock">{locked ? "Unlock" : "Lock"}</h2>
          <div className="card">
            {locked ? (
              <UnlockPeriodForm periodId={period.id} />
            ) : (
              <>
                <p className="muted">
                  When fieldwork ends, lock the period: its coverage, exceptions and responses are frozen as they stand, and later uploads
                  or withdrawals do not change what it shows. Unlocking needs a reason; both are in the audit log.
                </p>
                <LockPeriodButton periodId={period.id} />
              </>
            )}
          </div>
        </>
      )}
    </>
  );
}
