"use client";

import { useActionState, useState } from "react";
import { setDatasetsAction } from "@/app/(app)/inventory/actions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import type { DatasetJson } from "@/lib/features/datasets";

type Row = {
  key: number;
  name: string;
  source: string;
  approvedBy: string;
  approvedOn: string;
  piiRemoved: "" | "true" | "false";
  notes: string;
};

const toRow = (d: DatasetJson | null, key: number): Row => ({
  key,
  name: d?.name ?? "",
  source: d?.source ?? "",
  approvedBy: d?.approvedBy ?? "",
  approvedOn: d?.approvedOn ?? "",
  piiRemoved: d ? (d.piiRemoved ? "true" : "false") : "",
  notes: d?.notes ?? "",
});

/**
 * Edits a feature's dataset manifest: rows are added, changed and removed here, and "Save the
 * manifest" sends the whole list as one JSON field, `datasets` (the server validates every row).
 */
export function DatasetManifestForm({ slug, initial }: { slug: string; initial: DatasetJson[] }) {
  const [state, formAction, pending] = useActionState(setDatasetsAction, null);
  const [rows, setRows] = useState<Row[]>(() => initial.map(toRow));
  const [nextKey, setNextKey] = useState(initial.length);
  const update = (key: number, field: keyof Omit<Row, "key">, value: string) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const payload = rows.map((r) => ({
    name: r.name,
    source: r.source,
    approvedBy: r.approvedBy,
    approvedOn: r.approvedOn,
    piiRemoved: r.piiRemoved === "" ? null : r.piiRemoved === "true",
    notes: r.notes.trim() || null,
  }));
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Dataset manifest">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="datasets" value={JSON.stringify(payload)} />
      <FormMessages state={state} />
      {rows.length === 0 && <p className="muted">No dataset in the manifest. Add each dataset the feature is trained or fine-tuned on.</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} aria-label={`Dataset ${i + 1}`}>
          <legend>Dataset {i + 1}</legend>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={`ds-name-${row.key}`}>Name of dataset {i + 1}</label>
              <input id={`ds-name-${row.key}`} value={row.name} onChange={(e) => update(row.key, "name", e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`ds-source-${row.key}`}>Source of dataset {i + 1}</label>
              <input id={`ds-source-${row.key}`} value={row.source} onChange={(e) => update(row.key, "source", e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`ds-approver-${row.key}`}>Approved by (dataset {i + 1})</label>
              <input id={`ds-approver-${row.key}`} value={row.approvedBy} onChange={(e) => update(row.key, "approvedBy", e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`ds-date-${row.key}`}>Date approved (dataset {i + 1})</label>
              <input
                id={`ds-date-${row.key}`}
                type="date"
                value={row.approvedOn}
                onChange={(e) => update(row.key, "approvedOn", e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`ds-pii-${row.key}`}>PII removed (dataset {i + 1})</label>
              <select id={`ds-pii-${row.key}`} value={row.piiRemoved} onChange={(e) => update(row.key, "piiRemoved", e.target.value)}>
                <option value="">Choose…</option>
                <option value="true">Yes, PII was removed</option>
                <option value="false">No, PII was not removed</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`ds-notes-${row.key}`}>Notes (dataset {i + 1})</label>
              <input id={`ds-notes-${row.key}`} value={row.notes} onChange={(e) => update(row.key, "notes", e.target.value)} />
            </div>
          </div>
          <button type="button" className="secondary" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
            Remove dataset {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="toolbar">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setRows((current) => [...current, toRow(null, nextKey)]);
            setNextKey((k) => k + 1);
          }}
        >
          Add a dataset
        </button>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save the manifest"}
        </button>
      </div>
    </form>
  );
}
