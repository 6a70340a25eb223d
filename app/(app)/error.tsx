"use client";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="alert error">
      <h1>This page could not be loaded</h1>
      <p>
        Attest could not finish this request, so nothing is shown rather than something incomplete. If the database is being restarted, wait
        a moment and try again.{error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
