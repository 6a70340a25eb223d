"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The new token's secret, shown this once: it lives only in this component's props (the action's
 * reply) and is gone on reload. Focus moves to it so that keyboard and screen-reader users find it.
 */
export function NewTokenSecret({ name, secret }: { name: string; secret: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => field.current?.focus(), []);

  async function copyToClipboard() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      field.current?.select();
      setCopy("failed");
    }
  }

  return (
    <section className="alert warn" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading" style={{ marginTop: 0 }}>
        Copy the token for {name} now
      </h3>
      <p>This is the only time it is shown: Attest keeps only a hash. If it is lost, revoke it and create another.</p>
      <div style={{ display: "flex", gap: 8 }}>
        <label className="sr-only" htmlFor="new-token-secret">
          New API token
        </label>
        <input
          id="new-token-secret"
          ref={field}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1, fontFamily: "monospace" }}
        />
        <button type="button" onClick={copyToClipboard}>
          Copy
        </button>
      </div>
      <p role="status" aria-live="polite" style={{ marginBottom: 0 }}>
        {copy === "copied"
          ? "Copied to the clipboard."
          : copy === "failed"
            ? "Copying is blocked here: the token is selected, press Ctrl+C (⌘C)."
            : ""}
      </p>
    </section>
  );
}
