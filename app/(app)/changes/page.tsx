import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ChangeEvaluationCell } from "@/components/changes/change-evaluation-cell";
import { ChangesFilter, changesHref } from "@/components/changes/changes-filter";
import { commitRef, pullRequestRef, type ChangeRef } from "@/lib/changes/links";
import { changeFeatureOptions, listChanges } from "@/lib/changes/queries";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { CHANGE_KIND_LABELS, changeListQuery, type ChangeListQuery } from "@/lib/validations/change";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model and prompt changes" };

/** The same filters as a CSV download of every matching change. */
function csvHref(query: ChangeListQuery): string {
  const search = new URLSearchParams(changesHref(query, { page: 1 }).split("?")[1] ?? "");
  search.set("format", "csv");
  return `/api/v1/changes?${search}`;
}

const blankToUndefined = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("changes:read");
  const scope = await scopeOf(principal);
  const raw = await searchParams;
  const parsed = changeListQuery.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, blankToUndefined(v)])));
  const query = parsed.success ? parsed.data : { page: 1 };
  const [{ items, total, pageCount }, features, timeZone] = await Promise.all([
    listChanges(query, scope),
    changeFeatureOptions(scope),
    organisationTimeZone(),
  ]);
  const canWrite = principal.may("changes:write");
  // Without a filter an empty list means nothing is recorded, not that nothing matches.
  const filtered = Boolean(query.covered || query.evaluation || query.kind || query.feature || query.from || query.to);
  return (
    <>
      <h1>Model and prompt changes</h1>
      <p className="lede">
        Every merged model upgrade, prompt change, fine-tune and configuration change (AI-PI-01), cross-referenced against accepted
        evaluation evidence of AI-PI-02 that names the same commit or pull request and is dated on or before the day the change merged. A
        change without it, evaluated only after release, or without an approver or ticket, is a finding.
      </p>
      {!parsed.success && <div className="alert error">Some filters were not understood and are ignored.</div>}
      {canWrite && (
        <p className="toolbar">
          <Link className="button" href="/changes/new">
            Record a change
          </Link>
          <Link className="button" href="/changes/import">
            Import changes
          </Link>
        </p>
      )}
      <ChangesFilter query={query} features={features} />
      {query.covered && (
        <p className="muted">
          Showing changes {query.covered === "true" ? "evaluated before release" : "not evaluated before release (after it, or not at all)"}
          . <Link href={changesHref({ ...query, covered: undefined }, { page: 1 })}>Show all</Link>
        </p>
      )}
      <p className="muted">
        {total} change{total === 1 ? "" : "s"}
        {pageCount > 1 ? `, page ${query.page} of ${pageCount}` : ""}.{" "}
        {total > 0 && (
          <a href={csvHref(query)} download>
            Export these {total} as CSV
          </a>
        )}
      </p>
      {items.length === 0 ? (
        <div className="card empty" data-testid="changes-empty">
          {filtered ? "No change matches these filters." : total === 0 ? "No changes recorded yet." : "There is no change on this page."}
          {canWrite ? " Record one, or import the merged pull requests of a period." : ""}
        </div>
      ) : (
        <TableScroll label="Changes">
          <table className="data" aria-label="Changes">
            <thead>
              <tr>
                <th scope="col">Merged (UTC)</th>
                <th scope="col">Change</th>
                <th scope="col">Kind</th>
                <th scope="col">Feature</th>
                <th scope="col">Approval</th>
                <th scope="col">Evaluation (AI-PI-02)</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-change={c.id}>
                  <td>{c.mergedAt.slice(0, 16).replace("T", " ")}</td>
                  <td>
                    {c.title}
                    <div className="muted" data-testid="change-refs">
                      <ChangeRefs pullRequest={c.pullRequest} commitSha={c.commitSha} />
                    </div>
                  </td>
                  <td>{CHANGE_KIND_LABELS[c.kind]}</td>
                  <td>{c.feature ?? "—"}</td>
                  <td>
                    {c.approvedBy && c.ticket ? (
                      `${c.approvedBy} · ${c.ticket}`
                    ) : (
                      <span className="error" data-finding="approval">
                        Finding: no {[!c.approvedBy && "approver", !c.ticket && "ticket"].filter(Boolean).join(" or ")}
                        {c.approvedBy ? ` (approved by ${c.approvedBy})` : c.ticket ? ` (ticket ${c.ticket})` : ""}
                      </span>
                    )}
                  </td>
                  <td data-covered={c.covered} data-evaluation={c.evaluation}>
                    <ChangeEvaluationCell change={c} mergeDay={dateIn(timeZone, new Date(c.mergedAt))} canWrite={canWrite} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="toolbar">
          {query.page > 1 && (
            <Link href={changesHref(query, { page: query.page - 1 })} rel="prev">
              ← Newer
            </Link>
          )}
          <span>
            Page {query.page} of {pageCount}
          </span>
          {query.page < pageCount && (
            <Link href={changesHref(query, { page: query.page + 1 })} rel="next">
              Older →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function Ref({ label, value }: { label: string; value: ChangeRef }) {
  return value.href ? (
    <a href={value.href} title={`${label} ${value.full}`} rel="noreferrer" target="_blank">
      {value.text}
    </a>
  ) : (
    <code title={`${label} ${value.full}`}>{value.text}</code>
  );
}

/** The pull request as `#412` and the commit as its first 7 characters, each a link where the address is known (lib/changes/links.ts). */
function ChangeRefs({ pullRequest, commitSha }: { pullRequest: string | null; commitSha: string | null }) {
  const pr = pullRequestRef(pullRequest);
  const commit = commitRef(commitSha, pullRequest);
  if (!pr && !commit) return <>no pull request or commit</>;
  return (
    <>
      {pr && <Ref label="Pull request" value={pr} />}
      {pr && commit && " · "}
      {commit && <Ref label="Commit" value={commit} />}
    </>
  );
}
