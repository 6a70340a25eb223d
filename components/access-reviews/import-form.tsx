"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useMemo, useState } from "react";
import { importItemsAction } from "@/app/(app)/access-reviews/actions";
import {
  DERIVED_ACCESS,
  LAYOUT_LABELS,
  PREVIEW_ROWS,
  checkReviewers,
  csvLimitProblem,
  detectLayout,
  indexUsers,
  mapCsvRows,
  mappingProblems,
  matchPrincipal,
  readCsvTable,
  suggestMapping,
  type ColumnMapping,
  type DirectoryUser,
} from "@/lib/access-reviews/csv";
import { PRINCIPAL_KIND_LABELS, RESOURCE_KINDS, RESOURCE_KIND_LABELS } from "@/lib/validations/access-review";
import { importSizeProblem } from "@/lib/imports/upload";
import { ImportPreview, type PreviewColumn } from "@/components/ui/import-preview";
import { Options } from "@/components/ui/options";

const SHOWN_ERRORS = 100;

/**
 * Pick (or paste) a CSV export, map its columns, see every row's problems and the first rows as
 * items, then import: the server reads the same text again and writes all rows or none.
 */
export function ImportForm({ reviewId, directory }: { reviewId: string; directory: DirectoryUser[] }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(importItemsAction, null);
  // The file itself is sent on import (not its text: a form would turn its line ends into CRLF).
  const [source, setSource] = useState<{ text: string; fileName: string; blob: Blob } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const table = useMemo(() => (source ? readCsvTable(source.text) : null), [source]);
  const layout = table ? detectLayout(table.header) : null;
  const index = useMemo(() => indexUsers(directory), [directory]);
  const problems = table && mapping ? mappingProblems(table.header, mapping) : {};
  const mapped = useMemo(
    () =>
      table && mapping && Object.keys(mappingProblems(table.header, mapping)).length === 0
        ? checkReviewers(mapCsvRows(table, mapping), index)
        : null,
    [table, mapping, index],
  );
  const imported = state?.ok ? state.data?.imported : undefined;
  useEffect(() => {
    // The access review page says what was imported (a message announced here would stay on this page).
    if (imported !== undefined && source) {
      router.push(`/access-reviews/${reviewId}?imported=${imported}&from=${encodeURIComponent(source.fileName)}`);
    }
  }, [imported, source, router, reviewId]);

  function load(text: string, fileName: string, blob: Blob) {
    const problem = csvLimitProblem(text, fileName);
    setFileProblem(problem);
    if (problem) return setSource(null);
    const header = readCsvTable(text).header;
    setSource({ text, fileName, blob });
    setMapping(suggestMapping(header));
  }

  const set = (patch: Partial<ColumnMapping>) => setMapping((m) => (m ? { ...m, ...patch } : m));
  const columns = table?.header ?? [];
  const columnSelect = (id: keyof ColumnMapping, label: string, none: string | null, extra?: [string, string]) => (
    <div className="field">
      <label htmlFor={`map-${id}`}>{label}</label>
      <select
        id={`map-${id}`}
        value={mapping?.[id] ?? ""}
        onChange={(e) => set({ [id]: e.target.value } as Partial<ColumnMapping>)}
        aria-invalid={problems[id] ? true : undefined}
        aria-describedby={problems[id] ? `map-${id}-error` : undefined}
      >
        {none !== null && <option value="">{none}</option>}
        {extra && <option value={extra[0]}>{extra[1]}</option>}
        <Options values={columns} />
      </select>
      {problems[id] && (
        <span id={`map-${id}-error`} className="error">
          {problems[id][0]}
        </span>
      )}
    </div>
  );

  return (
    <>
      <form aria-label="Choose a CSV" onSubmit={(e) => e.preventDefault()} noValidate>
        <div className="field">
          <label htmlFor="csv-file">CSV file</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-file-hint"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              const tooLarge = importSizeProblem(file.name, file.size);
              if (tooLarge) {
                setSource(null);
                return setFileProblem(tooLarge);
              }
              load(await file.text(), file.name, file);
            }}
          />
          <span id="csv-file-hint" className="hint">
            UTF-8, header row first, at most 5 MB and 20,000 rows. An AWS IAM credential report is recognised and mapped for you.
          </span>
        </div>
        <details>
          <summary>Or paste the CSV text</summary>
          <div className="field">
            <label htmlFor="csv-text">CSV text</label>
            <textarea
              id="csv-text"
              rows={6}
              onChange={(e) =>
                e.currentTarget.value.trim()
                  ? load(e.currentTarget.value, "pasted.csv", new Blob([e.currentTarget.value], { type: "text/csv" }))
                  : null
              }
            />
          </div>
        </details>
      </form>
      {fileProblem && (
        <div role="alert" className="alert error">
          {fileProblem}
        </div>
      )}
      {state && !state.ok && (
        <div role="alert" className="alert error">
          {state.error.message}
        </div>
      )}
      {source && table && mapping && (
        <section aria-labelledby="mapping-heading">
          <h2 id="mapping-heading">Column mapping</h2>
          <p role="status" data-testid="detected-layout">
            {source.fileName}: {layout ? LAYOUT_LABELS[layout] : ""}
            {layout === "IAM_CREDENTIAL_REPORT" ? " detected; the mapping below is filled in for it." : " — choose what each column means."}
          </p>
          <form aria-label="Column mapping" onSubmit={(e) => e.preventDefault()} noValidate>
            <div className="toolbar">
              {columnSelect("principal", "Principal column", "Choose a column")}
              {columnSelect("principalKind", "Human or service column", "None: infer or use the default")}
              {!mapping.principalKind && (
                <div className="field">
                  <label htmlFor="map-principalKindDefault">Kind when no column</label>
                  <select
                    id="map-principalKindDefault"
                    value={mapping.principalKindDefault}
                    onChange={(e) => set({ principalKindDefault: e.target.value as ColumnMapping["principalKindDefault"] })}
                  >
                    <option value="INFER">Infer from the row (ARN, password, keys, e-mail)</option>
                    <option value="HUMAN">{PRINCIPAL_KIND_LABELS.HUMAN} for every row</option>
                    <option value="SERVICE">{PRINCIPAL_KIND_LABELS.SERVICE} for every row</option>
                  </select>
                </div>
              )}
            </div>
            <div className="toolbar">
              {columnSelect("resource", "Resource column", "None: the same resource for every row")}
              {!mapping.resource && (
                <div className="field">
                  <label htmlFor="map-resourceFixed">Resource for every row</label>
                  <input
                    id="map-resourceFixed"
                    value={mapping.resourceFixed}
                    placeholder="AWS account 1234 / Bedrock"
                    onChange={(e) => set({ resourceFixed: e.target.value })}
                  />
                </div>
              )}
              <div className="field">
                <label htmlFor="map-resourceKind">Resource kind</label>
                <select
                  id="map-resourceKind"
                  value={mapping.resourceKind}
                  onChange={(e) => set({ resourceKind: e.target.value as ColumnMapping["resourceKind"] })}
                >
                  <Options values={RESOURCE_KINDS} labels={RESOURCE_KIND_LABELS} />
                </select>
              </div>
            </div>
            <div className="toolbar">
              {columnSelect(
                "accessLevel",
                "Access level column",
                "None: the same access level for every row",
                layout === "IAM_CREDENTIAL_REPORT" ? [DERIVED_ACCESS, "Derived: console / key1 / key2 (IAM report)"] : undefined,
              )}
              {!mapping.accessLevel && (
                <div className="field">
                  <label htmlFor="map-accessLevelFixed">Access level for every row</label>
                  <input
                    id="map-accessLevelFixed"
                    value={mapping.accessLevelFixed}
                    onChange={(e) => set({ accessLevelFixed: e.target.value })}
                  />
                </div>
              )}
              {columnSelect("reviewer", "Reviewer e-mail column", "None: assign reviewers later")}
              <div className="field">
                <label htmlFor="map-source">Source</label>
                <input id="map-source" value={mapping.source} onChange={(e) => set({ source: e.target.value })} />
              </div>
            </div>
          </form>
          {mapped && <Preview mapped={mapped} index={index} />}
          {mapped && (
            <form
              aria-label="Confirm import"
              onSubmit={(e) => {
                e.preventDefault();
                const data = new FormData();
                data.set("reviewId", reviewId);
                data.set("file", source.blob, source.fileName);
                data.set("fileName", source.fileName);
                for (const [k, v] of Object.entries(mapping)) data.set(k, String(v));
                startTransition(() => formAction(data));
              }}
            >
              <button type="submit" disabled={pending || mapped.errors.length > 0 || mapped.items.length === 0 || imported !== undefined}>
                {pending ? "Importing…" : `Import ${mapped.items.length} item${mapped.items.length === 1 ? "" : "s"}`}
              </button>
            </form>
          )}
        </section>
      )}
    </>
  );
}

type Mapped = ReturnType<typeof checkReviewers>;

function Preview({ mapped, index }: { mapped: Mapped; index: ReturnType<typeof indexUsers> }) {
  const columns: PreviewColumn<Mapped["items"][number]>[] = [
    { header: "Row", cell: (i) => i.row },
    { header: "Principal", cell: (i) => i.principal },
    { header: "Kind", cell: (i) => PRINCIPAL_KIND_LABELS[i.principalKind] },
    { header: "Resource", cell: (i) => i.resource },
    { header: "Access level", cell: (i) => i.accessLevel },
    { header: "Reviewer", cell: (i) => i.reviewerEmail ?? "—" },
    { header: "Attest account", cell: (i) => matchPrincipal(i.principal, index)?.email ?? "—" },
  ];
  // The import button sits below, with the mapping it sends; this shows the file as mapped.
  return (
    <ImportPreview
      heading="Preview"
      errors={mapped.errors}
      fix="Fix the file (or the mapping) and try again."
      errorLimit={SHOWN_ERRORS}
      summary={`${mapped.items.length} row${mapped.items.length === 1 ? "" : "s"} ready to import.`}
      label="Rows to import"
      caption={`The first ${Math.min(PREVIEW_ROWS, mapped.items.length)} of ${mapped.items.length}`}
      rows={mapped.items.slice(0, PREVIEW_ROWS)}
      columns={columns}
    />
  );
}
