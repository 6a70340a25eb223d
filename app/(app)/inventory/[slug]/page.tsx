import { scopeOf } from "@/lib/auth/scope";
import { currentPrincipal } from "@/lib/auth/session";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";
import { getFeature } from "@/lib/features/queries";
import { DATA_CATEGORY_LABELS, FLAGS, FLAG_LABELS, IMPACT_LABELS, INVOKER_LABELS } from "@/lib/validations/feature";
import { FeatureMappings } from "@/components/mapping/feature-mappings";
import { FeatureStatusButton } from "@/components/inventory/feature-status-button";
import { STATUS_LABELS } from "@/components/inventory/features-table-columns";
import { DatasetManifestForm } from "@/components/inventory/dataset-manifest";
import { listDatasets } from "@/lib/features/datasets";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const principal = await currentPrincipal();
  const feature = principal ? await getFeature((await params).slug, await scopeOf(principal)) : null;
  return { title: feature?.name ?? "Feature" };
}

export default async function FeaturePage({ params }: Params) {
  const principal = await requirePage("features:read");
  const { slug } = await params;
  const scope = await scopeOf(principal);
  const feature = await getFeature(slug, scope);
  if (!feature) notFound();
  const editable = principal.may("features:write");
  const flags = FLAGS.filter((f) => feature[f]);
  const { datasets } = await listDatasets(slug);
  return (
    <>
      <p>
        <Link href="/inventory">← Inventory</Link>
      </p>
      <h1>{feature.name}</h1>
      <p className="lede">
        <span className={`badge ${feature.status}`}>{STATUS_LABELS[feature.status]}</span> Owner: {feature.owner} · slug {feature.slug}
        {feature.retiredAt ? ` · retired ${feature.retiredAt.toISOString().slice(0, 10)}` : ""}
      </p>
      {editable && (
        <div className="toolbar">
          <Link className="button" href={`/inventory/${feature.slug}/edit`}>
            Edit
          </Link>
          <FeatureStatusButton slug={feature.slug} status={feature.status} />
        </div>
      )}
      <section className="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{STATUS_LABELS[feature.status]}</dd>
          <dt>What does it do?</dt>
          <dd>{feature.purpose}</dd>
          <dt>What data enters the prompt?</dt>
          <dd>
            {feature.inputData.map((c) => DATA_CATEGORY_LABELS[c]).join(", ") || "None declared"}
            {feature.inputNotes && <p>{feature.inputNotes}</p>}
          </dd>
          <dt>What comes out and where does it go?</dt>
          <dd>{feature.outputs}</dd>
          <dt>Who or what can invoke it?</dt>
          <dd>{feature.invokers.map((i) => INVOKER_LABELS[i]).join(", ")}</dd>
          <dt>Which vendors and models does it depend on?</dt>
          <dd>
            {feature.vendors.length === 0 ? (
              "None recorded"
            ) : (
              <ul>
                {feature.vendors.map((v) => (
                  <li key={v.vendor}>
                    <strong>{v.vendor}</strong>
                    {v.model ? ` — ${v.model}` : ""}
                    {v.fallbackStrategy ? ` (fallback: ${v.fallbackStrategy})` : ""}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>What happens if it is wrong?</dt>
          <dd>
            Impact: {IMPACT_LABELS[feature.failureImpact]}
            {feature.failureNotes && <p>{feature.failureNotes}</p>}
          </dd>
          <dt>Flags</dt>
          <dd>
            {flags.length === 0 ? (
              "None"
            ) : (
              <ul>
                {flags.map((f) => (
                  <li key={f}>{FLAG_LABELS[f]}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Prompt-log retention</dt>
          <dd>{feature.promptLogRetention ?? (feature.logsPrompts ? "Not stated" : "—")}</dd>
          <dt>Updated</dt>
          <dd>{feature.updatedAt.toISOString().slice(0, 10)}</dd>
        </dl>
      </section>
      <section className="card" id="datasets" aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Dataset manifest</h2>
        <p className="muted">
          {feature.usesTrainingData
            ? "This feature uses training or fine-tuning data: list each dataset with where it came from, who approved it and when, and whether PII was removed (readiness finding 5)."
            : "This feature is not flagged as using training data; a manifest is needed once it is."}
        </p>
        {datasets.length > 0 && (
          <table className="data" aria-label="Datasets">
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Source</th>
                <th scope="col">Approved by</th>
                <th scope="col">Date approved</th>
                <th scope="col">PII removed</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.name}>
                  <td>{d.name}</td>
                  <td>{d.source}</td>
                  <td>{d.approvedBy}</td>
                  <td>{d.approvedOn}</td>
                  <td>{d.piiRemoved ? "Yes" : "No"}</td>
                  <td>{d.notes ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!editable && datasets.length === 0 && <p>No dataset recorded.</p>}
        {editable && (
          <>
            <h3>Edit the manifest</h3>
            <DatasetManifestForm slug={feature.slug} initial={datasets} />
          </>
        )}
      </section>
      <FeatureMappings slug={feature.slug} canEdit={editable} scope={scope} />
    </>
  );
}
