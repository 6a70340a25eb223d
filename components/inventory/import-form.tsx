"use client";

import { startTransition, useActionState, useState } from "react";
import { importFeaturesAction } from "@/app/(app)/inventory/actions";
import type { ImportPreview } from "@/lib/features/csv";
import { importSizeProblem } from "@/lib/imports/upload";
import { ImportProblems } from "@/components/ui/import-problems";

/** Upload -> preview (nothing written) -> "Import N features" (all rows in one transaction, or none). */
export function ImportForm() {
  const [state, formAction, pending] = useActionState(importFeaturesAction, null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const preview = state?.ok ? (state.data as { preview: ImportPreview | null } | undefined)?.preview : null;
  const fileErrors = state && !state.ok ? state.fieldErrors?.file : undefined;
  return (
    <>
      <form
        aria-label="Upload CSV"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const file = data.get("file");
          // The server checks again; this only spares a 5 MB upload that would be refused.
          const problem = file instanceof File ? importSizeProblem(file.name, file.size) : null;
          setTooLarge(problem);
          if (problem) return;
          startTransition(() => formAction(data));
        }}
      >
        <input type="hidden" name="step" value="preview" />
        <div className="field">
          <label htmlFor="file">CSV file</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="file-hint"
            aria-invalid={fileErrors?.length || tooLarge ? true : undefined}
          />
          <span id="file-hint" className="hint">
            The inventory&apos;s export format (UTF-8, header row first), at most 5 MB.
          </span>
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Reading…" : "Preview import"}
        </button>
      </form>
      {(tooLarge || (state && !state.ok)) && (
        <div role="alert" className="alert error">
          {tooLarge ?? (state && !state.ok ? state.error.message : "")}
        </div>
      )}
      {state?.ok && state.message && (
        <div role="status" className="alert success">
          {state.message}
        </div>
      )}
      {preview && <ImportPreviewView preview={preview} pending={pending} formAction={formAction} />}
    </>
  );
}

function ImportPreviewView({
  preview,
  pending,
  formAction,
}: {
  preview: ImportPreview;
  pending: boolean;
  formAction: (data: FormData) => void;
}) {
  const bad = preview.errors.length > 0;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview of {preview.fileName}</h2>
      <ImportProblems errors={preview.errors} fix="Fix the file and upload it again." />
      {!bad && (
        <p>
          {preview.rows.filter((r) => r.change === "create").length} to create, {preview.rows.filter((r) => r.change === "update").length}{" "}
          to update. Nothing has been written yet.
        </p>
      )}
      {preview.rows.length > 0 && (
        <table className="data" aria-label="Rows to import">
          <thead>
            <tr>
              <th>Row</th>
              <th>Slug</th>
              <th>Name</th>
              <th>Owner</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.slug}</td>
                <td>{r.name}</td>
                <td>{r.owner}</td>
                <td>{r.change === "create" ? "Create" : "Update"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!bad && preview.rows.length > 0 && (
        <form
          aria-label="Confirm import"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            startTransition(() => formAction(data));
          }}
        >
          <input type="hidden" name="step" value="commit" />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <input type="hidden" name="csv" value={preview.csv} />
          <button type="submit" disabled={pending}>
            {pending ? "Importing…" : `Import ${preview.rows.length} feature${preview.rows.length === 1 ? "" : "s"}`}
          </button>
        </form>
      )}
    </section>
  );
}
