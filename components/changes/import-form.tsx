"use client";

import { startTransition, useActionState, useState } from "react";
import { importChangesAction } from "@/app/(app)/changes/actions";
import { commitRef, pullRequestRef } from "@/lib/changes/links";
import type { ChangeImportPreview } from "@/lib/changes/text-import";
import { CHANGE_KINDS, CHANGE_KIND_LABELS } from "@/lib/validations/change";
import { ImportPreview, type PreviewColumn } from "@/components/ui/import-preview";
import { FeatureOptions, Options } from "@/components/ui/options";

const GH_COMMAND = "gh pr list --state merged --json number,title,mergedAt,mergeCommit,url";

/** Paste or upload -> preview (nothing written) -> "Import N changes" (one transaction, or nothing). */
export function ChangeImportForm({ features }: { features: { slug: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(importChangesAction, null);
  const [text, setText] = useState("");
  const [kind, setKind] = useState("PROMPT_CHANGE");
  const [feature, setFeature] = useState("");
  const [kindRules, setKindRules] = useState("");
  const preview = state?.ok ? state.data?.preview : null;
  const submit = (step: "preview" | "commit", body: string) => {
    const data = new FormData();
    data.set("step", step);
    data.set("text", body);
    data.set("kind", kind);
    data.set("feature", feature);
    data.set("kindRules", kindRules);
    startTransition(() => formAction(data));
  };
  return (
    <>
      <form
        aria-label="Changes to import"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit("preview", text);
        }}
      >
        <div className="toolbar">
          <div className="field">
            <label htmlFor="kind">Kind of every row</label>
            <select id="kind" value={kind} onChange={(e) => setKind(e.target.value)} aria-describedby="kind-hint">
              <Options values={CHANGE_KINDS} labels={CHANGE_KIND_LABELS} />
            </select>
            <span id="kind-hint" className="hint">
              A row&apos;s own kind (a CSV&apos;s kind column, a JSON item&apos;s kind) wins, then a rule on its title.
            </span>
          </div>
          <div className="field">
            <label htmlFor="feature">Feature of every row</label>
            <select id="feature" value={feature} onChange={(e) => setFeature(e.target.value)}>
              <option value="">No particular feature</option>
              <FeatureOptions features={features} />
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="kind-rules">Kind by title (optional)</label>
          <textarea
            id="kind-rules"
            rows={3}
            value={kindRules}
            onChange={(e) => setKindRules(e.target.value)}
            aria-describedby="kind-rules-hint"
            placeholder={"config/models: => MODEL_UPGRADE\nprompts/ => PROMPT_CHANGE"}
          />
          <span id="kind-rules-hint" className="hint">
            One rule a line: a title prefix, =&gt;, and a kind (MODEL_UPGRADE, PROMPT_CHANGE, FINE_TUNE, CONFIG). The first rule whose
            prefix starts a row&apos;s title (any case) gives its kind.
          </span>
        </div>
        <div className="field">
          <label htmlFor="file">Upload a file</label>
          <input
            id="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="text">Or paste CSV or JSON</label>
          <textarea id="text" rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="text-hint" />
          <span id="text-hint" className="hint">
            A CSV with the header title,pullRequest,commitSha,mergedAt,approvedBy,ticket,kind,feature, or what <code>{GH_COMMAND}</code>{" "}
            prints. Times without a zone are UTC.
          </span>
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Reading…" : "Preview import"}
        </button>
      </form>
      {state && !state.ok && (
        <div role="alert" className="alert error">
          {state.error.message}
        </div>
      )}
      {state?.ok && state.message && (
        <div role="status" className="alert success">
          {state.message}
        </div>
      )}
      {preview && <PreviewView preview={preview} pending={pending} onImport={() => submit("commit", preview.text)} />}
    </>
  );
}

const CHANGE_COLUMNS: PreviewColumn<ChangeImportPreview["rows"][number]>[] = [
  { header: "Row", cell: (r) => r.row },
  { header: "Title", cell: (r) => r.title },
  { header: "Pull request", cell: (r) => pullRequestRef(r.pullRequest)?.text ?? "—" },
  { header: "Commit", cell: (r) => commitRef(r.commitSha)?.text ?? "—" },
  { header: "Merged at (UTC)", cell: (r) => r.mergedAt.slice(0, 16).replace("T", " ") },
  { header: "Kind", cell: (r) => CHANGE_KIND_LABELS[r.kind as keyof typeof CHANGE_KIND_LABELS] ?? r.kind },
  { header: "Feature", cell: (r) => r.feature ?? "—" },
];

function PreviewView({ preview, pending, onImport }: { preview: ChangeImportPreview; pending: boolean; onImport: () => void }) {
  return (
    <>
      <ImportPreview
        heading={`Preview (${preview.format === "gh-json" ? "gh pr list JSON" : preview.format.toUpperCase()})`}
        errors={preview.errors}
        fix="Fix them and preview again."
        summary={`${preview.rows.length} change${preview.rows.length === 1 ? "" : "s"} to record.${
          preview.skipped.length ? ` ${preview.skipped.length} already recorded, skipped.` : ""
        }`}
        label="Changes to import"
        rows={preview.rows}
        columns={CHANGE_COLUMNS}
      >
        <button type="button" onClick={onImport} disabled={pending}>
          {pending ? "Importing…" : `Import ${preview.rows.length} change${preview.rows.length === 1 ? "" : "s"}`}
        </button>
      </ImportPreview>
      {preview.skipped.length > 0 && (
        <ul aria-label="Rows already recorded, skipped" className="muted">
          {preview.skipped.map((s) => (
            <li key={s.row}>
              Row {s.row}: {s.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
