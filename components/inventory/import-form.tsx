"use client";

import { startTransition, useActionState, useState } from "react";
import { importFeaturesAction } from "@/app/(app)/inventory/actions";
import type { ImportPreview as FeatureImportPreview } from "@/lib/features/csv";
import { importSizeProblem } from "@/lib/imports/upload";
import { ImportPreview, type PreviewColumn } from "@/components/ui/import-preview";

const FEATURE_COLUMNS: PreviewColumn<FeatureImportPreview["rows"][number]>[] = [
  { header: "Row", cell: (r) => r.row },
  { header: "Slug", cell: (r) => r.slug },
  { header: "Name", cell: (r) => r.name },
  { header: "Owner", cell: (r) => r.owner },
  { header: "Change", cell: (r) => (r.change === "create" ? "Create" : "Update") },
];

/** Upload -> preview (nothing written) -> "Import N features" (all rows in one transaction, or none). */
export function ImportForm() {
  const [state, formAction, pending] = useActionState(importFeaturesAction, null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const preview = state?.ok ? (state.data as { preview: FeatureImportPreview | null } | undefined)?.preview : null;
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
  preview: FeatureImportPreview;
  pending: boolean;
  formAction: (data: FormData) => void;
}) {
  const counts = {
    create: preview.rows.filter((r) => r.change === "create").length,
    update: preview.rows.filter((r) => r.change === "update").length,
  };
  return (
    <ImportPreview
      heading={`Preview of ${preview.fileName}`}
      errors={preview.errors}
      fix="Fix the file and upload it again."
      summary={`${counts.create} to create, ${counts.update} to update.`}
      label="Rows to import"
      rows={preview.rows}
      columns={FEATURE_COLUMNS}
    >
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
    </ImportPreview>
  );
}
