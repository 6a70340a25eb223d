// Structured server logs: one JSON object per line on stdout, which journald, Docker and any log
// shipper keep as one event. Security events (sign-in outcomes, refusals) use it so an operator can
// filter them (`jq 'select(.event == "auth.refused")'`) without parsing prose.

/** Writes {"time", "event", ...fields} as one line. Never throws: logging must not break a request. */
export function logEvent(event: string, fields: Record<string, unknown>): void {
  let line: string;
  try {
    line = JSON.stringify({ time: new Date().toISOString(), event, ...fields });
  } catch {
    line = JSON.stringify({ time: new Date().toISOString(), event, unserializable: true });
  }
  process.stdout.write(`${line}\n`);
}
