"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { formatBytes } from "@/lib/format";

// Several files at once, each its own request to POST /api/v1/evidence (the API CI uses), each
// with its own progress bar and its own outcome: one refused file does not lose the others.
// XMLHttpRequest, not fetch, because only it reports upload progress.

interface VendorItemPreset {
  vendorId: string;
  vendorName: string;
  kind: string;
  label: string;
}

/** What each vendor package item's validity means, and which dates it needs (the server checks again). */
const VENDOR_VALIDITY: Record<string, { legend: string; from?: string; until?: string }> = {
  SOC2_REPORT: { legend: "Period the report covers", from: "Period start", until: "Period end" },
  ISO27001_CERTIFICATE: { legend: "Certificate validity", until: "Valid until" },
  DPA: { legend: "DPA term", from: "Signed on" },
};

interface ControlOption {
  code: string;
  title: string;
  validity: boolean;
}

type FileState =
  | { phase: "queued" }
  | { phase: "uploading"; loaded: number }
  | { phase: "done"; id: string; sha256: string }
  | { phase: "failed"; message: string };

interface QueuedFile {
  key: string;
  file: File;
  title: string;
  state: FileState;
}

interface Shared {
  control: string;
  features: string[];
  description: string;
  effectiveDate: string;
  validFrom: string;
  validUntil: string;
  commitSha: string;
  pullRequest: string;
}

const titleFromName = (name: string) =>
  name
    .replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim() || name;

function send(
  fields: Record<string, string>,
  file: File | null,
  onProgress: (loaded: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const data = new FormData();
    // Fields first: the server validates them once the body has arrived, but this keeps them readable in logs.
    for (const [k, v] of Object.entries(fields)) if (v) data.append(k, v);
    if (file) data.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/evidence");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(data);
  });
}

function errorMessage(status: number, body: unknown): string {
  const message = (body as { error?: { message?: string } } | null)?.error?.message;
  if (message) return message;
  if (status === 0) return "The upload did not reach the server (network error or server restart). Try again.";
  return `The server answered ${status}. Try again; if it persists, tell an admin.`;
}

export function UploadEvidence(props: {
  controls: ControlOption[];
  features: { slug: string; name: string }[];
  today: string;
  maxBytes: number;
  initialControl: string;
  supersedes: { id: string; title: string } | null;
  /** From a vendor's page: each upload is also this vendor's package item of this kind. */
  vendorItem?: VendorItemPreset | null;
  /** From a change's "Upload evaluation evidence": its commit and pull request, and its merge day. */
  reference?: { commitSha: string; pullRequest: string; mergedOn: string | null };
}) {
  const id = useId();
  const [mode, setMode] = useState<"files" | "link">("files");
  const [shared, setShared] = useState<Shared>({
    control: props.initialControl,
    features: [],
    description: "",
    effectiveDate: props.today,
    validFrom: "",
    validUntil: "",
    commitSha: props.reference?.commitSha ?? "",
    pullRequest: props.reference?.pullRequest ?? "",
  });
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const [link, setLink] = useState({ url: "", title: props.supersedes?.title ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [linkResult, setLinkResult] = useState<{ ok: true; id: string } | { ok: false; message: string } | null>(null);

  const control = props.controls.find((c) => c.code === shared.control);
  const mergedOn = props.reference?.mergedOn ?? null;
  const single = Boolean(props.supersedes);
  const vendorValidity = props.vendorItem ? VENDOR_VALIDITY[props.vendorItem.kind] : undefined;

  function addFiles(list: FileList | File[]) {
    const files = [...list];
    setQueue((q) => {
      const next = single ? [] : q.filter((f) => f.state.phase !== "done");
      for (const file of single ? files.slice(0, 1) : files) {
        next.push({
          key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
          file,
          title: props.supersedes?.title ?? titleFromName(file.name),
          state:
            file.size > props.maxBytes
              ? { phase: "failed", message: `Larger than the limit of ${formatBytes(props.maxBytes)}.` }
              : { phase: "queued" },
        });
      }
      return next;
    });
    setErrors((e) => ({ ...e, files: "" }));
  }

  const update = (key: string, patch: Partial<QueuedFile>) => setQueue((q) => q.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  /** What the browser can check before sending; the server checks everything again. */
  function validateShared(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!shared.control) e.control = "Choose the control this evidence is for.";
    if (!shared.effectiveDate) e.effectiveDate = "Give the effective date: the day the evidence speaks for.";
    else if (shared.effectiveDate > props.today) e.effectiveDate = `The effective date cannot be in the future (today is ${props.today}).`;
    if (shared.commitSha.trim() && !/^[0-9a-f]{7,64}$/i.test(shared.commitSha.trim()))
      e.commitSha = "A commit SHA is 7 to 64 hexadecimal characters.";
    const needs = props.vendorItem ? VENDOR_VALIDITY[props.vendorItem.kind] : undefined;
    if (needs?.from && !shared.validFrom) e.validFrom = `Give the ${needs.from.toLowerCase()} date.`;
    if (needs?.until && !shared.validUntil) e.validUntil = `Give the ${needs.until.toLowerCase()} date.`;
    if (shared.validFrom && shared.validUntil && shared.validUntil < shared.validFrom) {
      e.validUntil = "The validity ends before it starts: choose a “valid until” date on or after “valid from”.";
    }
    return e;
  }

  function sharedFields(): Record<string, string> {
    return {
      control: shared.control,
      effectiveDate: shared.effectiveDate,
      description: shared.description,
      features: shared.features.join(","),
      validFrom: shared.validFrom,
      validUntil: shared.validUntil,
      commitSha: shared.commitSha.trim(),
      pullRequest: shared.pullRequest.trim(),
      supersedes: props.supersedes?.id ?? "",
      vendor: props.vendorItem?.vendorId ?? "",
      vendorItem: props.vendorItem?.kind ?? "",
    };
  }

  async function uploadFiles() {
    const e = validateShared();
    const pending = queue.filter((f) => f.state.phase === "queued" || f.state.phase === "failed");
    if (!pending.length)
      e.files = queue.length ? "Every file is uploaded. Add more files to upload more." : "Choose or drop at least one file.";
    for (const f of pending) if (!f.title.trim()) e[`title-${f.key}`] = "Give this file a title.";
    setErrors(e);
    if (Object.values(e).some(Boolean)) return;
    setBusy(true);
    for (const item of pending) {
      if (item.file.size > props.maxBytes) continue;
      update(item.key, { state: { phase: "uploading", loaded: 0 } });
      const res = await send({ ...sharedFields(), title: item.title.trim() }, item.file, (loaded) =>
        update(item.key, { state: { phase: "uploading", loaded } }),
      );
      const body = res.body as { id?: string; sha256?: string } | null;
      update(item.key, {
        state:
          res.status === 201 && body?.id
            ? { phase: "done", id: body.id, sha256: body.sha256 ?? "" }
            : { phase: "failed", message: errorMessage(res.status, res.body) },
      });
    }
    setBusy(false);
  }

  async function uploadLink() {
    const e = validateShared();
    if (!link.url.trim()) e.url = "Give the URL of the evidence (a dashboard, a ticket, a CI run).";
    if (!link.title.trim()) e.linkTitle = "Give the evidence a title.";
    setErrors(e);
    if (Object.values(e).some(Boolean)) return;
    setBusy(true);
    const res = await send({ ...sharedFields(), url: link.url.trim(), title: link.title.trim() }, null, () => {});
    const body = res.body as { id?: string } | null;
    setLinkResult(res.status === 201 && body?.id ? { ok: true, id: body.id } : { ok: false, message: errorMessage(res.status, res.body) });
    setBusy(false);
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <span id={`${id}-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${id}-${name}-error` } : {});
  const waiting = queue.filter((f) => f.state.phase === "queued" || f.state.phase === "failed").length;

  return (
    <form
      aria-label="Upload evidence"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void (mode === "files" ? uploadFiles() : uploadLink());
      }}
    >
      <div className="card">
        <div className="field">
          <label htmlFor={`${id}-control`}>Control</label>
          <select
            id={`${id}-control`}
            value={shared.control}
            disabled={single}
            onChange={(e) => setShared({ ...shared, control: e.target.value })}
            {...described("control")}
          >
            <option value="">Choose a control…</option>
            {props.controls.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.title}
              </option>
            ))}
          </select>
          {fieldError("control")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-effective`}>Effective date</label>
          <span className="hint">
            The day this evidence speaks for (a scan&apos;s run date, a review&apos;s sign-off date). Not in the future.
          </span>
          <input
            id={`${id}-effective`}
            type="date"
            max={props.today}
            value={shared.effectiveDate}
            onChange={(e) => setShared({ ...shared, effectiveDate: e.target.value })}
            {...described("effectiveDate")}
          />
          {fieldError("effectiveDate")}
        </div>
        <fieldset>
          <legend>
            {vendorValidity
              ? vendorValidity.legend
              : `Validity ${control?.validity ? "(this control needs it)" : "(optional, for documents such as a DPA or a policy)"}`}
          </legend>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={`${id}-from`}>{vendorValidity?.from ?? "Valid from"}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={shared.validFrom}
                onChange={(e) => setShared({ ...shared, validFrom: e.target.value })}
                {...described("validFrom")}
              />
              {fieldError("validFrom")}
            </div>
            <div className="field">
              <label htmlFor={`${id}-until`}>{vendorValidity?.until ?? (vendorValidity ? "Valid until (optional)" : "Valid until")}</label>
              <input
                id={`${id}-until`}
                type="date"
                value={shared.validUntil}
                onChange={(e) => setShared({ ...shared, validUntil: e.target.value })}
                {...described("validUntil")}
              />
              {fieldError("validUntil")}
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea
            id={`${id}-description`}
            value={shared.description}
            onChange={(e) => setShared({ ...shared, description: e.target.value })}
          />
        </div>
        <fieldset>
          <legend>Commit or pull request it names (optional; how an evaluation is matched to a change)</legend>
          {mergedOn && (
            <p className="hint" role="note">
              To count as evaluated before release, the effective date must be on or before {mergedOn}, the day the change merged.
            </p>
          )}
          <div className="toolbar">
            <div className="field">
              <label htmlFor={`${id}-commit`}>Commit SHA</label>
              <input
                id={`${id}-commit`}
                value={shared.commitSha}
                spellCheck={false}
                onChange={(e) => setShared({ ...shared, commitSha: e.target.value })}
                {...described("commitSha")}
              />
              {fieldError("commitSha")}
            </div>
            <div className="field">
              <label htmlFor={`${id}-pull-request`}>Pull request</label>
              <input
                id={`${id}-pull-request`}
                value={shared.pullRequest}
                placeholder="123 or its URL"
                onChange={(e) => setShared({ ...shared, pullRequest: e.target.value })}
                {...described("pullRequest")}
              />
              {fieldError("pullRequest")}
            </div>
          </div>
        </fieldset>
        {props.features.length > 0 && (
          <fieldset>
            <legend>Features it covers (optional)</legend>
            <div className="checkbox-grid">
              {props.features.map((f) => (
                <label key={f.slug}>
                  <input
                    type="checkbox"
                    checked={shared.features.includes(f.slug)}
                    onChange={(e) =>
                      setShared({
                        ...shared,
                        features: e.target.checked ? [...shared.features, f.slug] : shared.features.filter((s) => s !== f.slug),
                      })
                    }
                  />{" "}
                  {f.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>

      <fieldset className="toolbar" style={{ marginTop: 12 }}>
        <legend>What are you attaching?</legend>
        <label>
          <input type="radio" name="mode" checked={mode === "files"} onChange={() => setMode("files")} /> {single ? "A file" : "Files"}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === "link"} onChange={() => setMode("link")} /> A link instead of a file
        </label>
      </fieldset>

      {mode === "files" ? (
        <>
          <div
            className={`dropzone${dragging ? " dragging" : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              if (e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
            }}
          >
            <p>Drop {single ? "the corrected file" : "files"} here, or</p>
            <label htmlFor={`${id}-files`} className="button secondary">
              Choose {single ? "a file" : "files"}
            </label>
            <input
              id={`${id}-files`}
              className="sr-only"
              type="file"
              multiple={!single}
              aria-label={single ? "Choose a file" : "Choose files"}
              onChange={(e) => {
                if (e.target.files?.length) addFiles(e.target.files);
                e.target.value = "";
              }}
              {...described("files")}
            />
            {fieldError("files")}
          </div>
          {queue.length > 0 && (
            <ul className="upload-list" aria-label="Files to upload">
              {queue.map((item) => (
                <li key={item.key} data-file={item.file.name} className={`upload-item ${item.state.phase}`}>
                  <div className="upload-head">
                    <span className="upload-name">{item.file.name}</span>
                    <span className="muted">{formatBytes(item.file.size)}</span>
                    {(item.state.phase === "queued" || item.state.phase === "failed") && !busy && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => setQueue((q) => q.filter((f) => f.key !== item.key))}
                        aria-label={`Remove ${item.file.name}`}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                  {item.state.phase !== "done" && (
                    <div className="field">
                      <label htmlFor={`${id}-title-${item.key}`}>Title for {item.file.name}</label>
                      <input
                        id={`${id}-title-${item.key}`}
                        value={item.title}
                        disabled={item.state.phase === "uploading"}
                        onChange={(e) => update(item.key, { title: e.target.value })}
                        {...described(`title-${item.key}`)}
                      />
                      {fieldError(`title-${item.key}`)}
                    </div>
                  )}
                  {item.state.phase === "uploading" && (
                    <progress max={item.file.size} value={item.state.loaded} aria-label={`Uploading ${item.file.name}`}>
                      {Math.round((item.state.loaded / Math.max(1, item.file.size)) * 100)}%
                    </progress>
                  )}
                  {item.state.phase === "done" && (
                    <p role="status" className="upload-ok">
                      Uploaded as <Link href={`/evidence/${item.state.id}`}>{item.title}</Link>, awaiting review. SHA-256{" "}
                      <code>{item.state.sha256}</code>
                    </p>
                  )}
                  {item.state.phase === "failed" && (
                    <p role="alert" className="field-error">
                      {item.state.message}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <button type="submit" disabled={busy}>
            {busy ? "Uploading…" : waiting > 1 ? `Upload ${waiting} files` : "Upload"}
          </button>
        </>
      ) : (
        <div className="card">
          <div className="field">
            <label htmlFor={`${id}-url`}>URL</label>
            <input
              id={`${id}-url`}
              type="url"
              value={link.url}
              onChange={(e) => setLink({ ...link, url: e.target.value })}
              {...described("url")}
            />
            {fieldError("url")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-link-title`}>Title</label>
            <input
              id={`${id}-link-title`}
              value={link.title}
              onChange={(e) => setLink({ ...link, title: e.target.value })}
              {...described("linkTitle")}
            />
            {fieldError("linkTitle")}
          </div>
          {linkResult?.ok === true && (
            <p role="status" className="alert success">
              Saved as <Link href={`/evidence/${linkResult.id}`}>{link.title}</Link>, awaiting review.
            </p>
          )}
          {linkResult?.ok === false && (
            <p role="alert" className="alert error">
              {linkResult.message}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save link"}
          </button>
        </div>
      )}
    </form>
  );
}
