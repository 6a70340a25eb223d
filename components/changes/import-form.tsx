"use client";

import { startTransition, useActionState, useState } from "react";
import { importChangesAction, type ChangeImportPreview } from "@/app/(app)/changes/actions";
import { CHANGE_KINDS, CHANGE_KIND_LABELS } from "@/lib/validations/change";
import { ImportProblems } from "@/components/ui/import-problems";
import { Options } from "@/components/ui/options";

const GH_COMMAND = "gh pr list --state merged --json number,title,mergedAt,mergeCommit,url";

/** Paste or upload -> preview (nothing written) -> "Import N changes" (one transaction, or nothing). */
export function ChangeImportForm({ features }: { features: { slug: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(importChangesAction, null);
  const [text, setText] = useState("");
  const [kind, setKind] = useState("PROMPT_CHANGE");
  const [feature, setFeature] = useState("");
  const preview = state?.ok ? state.data?.preview : null;
  const submit = (step: "preview" | "commit", body: string) => {
    const data = new FormData();
    data.set("step", step);
    data.set("text", body);
    data.set("kind", kind);
    data.set("feature", feature);
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
              A CSV&apos;s own kind column wins.
            </span>
          </div>
          <div className="field">
            <label htmlFor="feature">Feature of every row</label>
            <select id="feature" value={feature} onChange={(e) => setFeature(e.target.value)}>
              <option value="">No particular feature</option>
              {features.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
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

function PreviewView({ preview, pending, onImport }: { preview: ChangeImportPreview; pending: boolean; onImport: () => void }) {
  const bad = preview.errors.length > 0;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview ({preview.format === "gh-json" ? "gh pr list JSON" : preview.format.toUpperCase()})</h2>
      <ImportProblems errors={preview.errors} fix="Fix them and preview again." />
      {!bad && <p>{preview.rows.length} changes to record. Nothing has been written yet.</p>}
      {preview.rows.length > 0 && (
        <table className="data" aria-label="Changes to import">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Title</th>
              <th scope="col">Pull request</th>
              <th scope="col">Commit</th>
              <th scope="col">Merged at (UTC)</th>
              <th scope="col">Kind</th>
              <th scope="col">Feature</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.title}</td>
                <td>{r.pullRequest ?? "—"}</td>
                <td>{r.commitSha?.slice(0, 12) ?? "—"}</td>
                <td>{r.mergedAt.slice(0, 16).replace("T", " ")}</td>
                <td>{CHANGE_KIND_LABELS[r.kind as keyof typeof CHANGE_KIND_LABELS] ?? r.kind}</td>
                <td>{r.feature ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!bad && preview.rows.length > 0 && (
        <button type="button" onClick={onImport} disabled={pending}>
          {pending ? "Importing…" : `Import ${preview.rows.length} change${preview.rows.length === 1 ? "" : "s"}`}
        </button>
      )}
    </section>
  );
}
