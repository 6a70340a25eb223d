import Link from "next/link";
import { createColumnHelper, rowExpandingFeature, tableFeatures } from "@tanstack/react-table";
import type { ChangedKey } from "@/lib/audit-log/diff";
import type { AuditLogRow } from "@/lib/audit-log/queries";
import styles from "@/components/audit-log/audit-log.module.css";

/** A row of the page: the entry and its changed keys (computed on the server). */
export type AuditLogTableRow = AuditLogRow & { changes: ChangedKey[] };

export const auditLogTableFeatures = tableFeatures({ rowExpandingFeature });

const helper = createColumnHelper<typeof auditLogTableFeatures, AuditLogTableRow>();

/** "2026-03-01T09:15:02.123Z" -> "2026-03-01 09:15:02 UTC", the same on server and client. */
export const utcTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** A value in one short line: JSON, cut to `max` characters; no value is an em dash. */
export function compactValue(value: unknown, max = 60): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const auditLogTableColumns = helper.columns([
  helper.accessor("seq", { header: "#", cell: (info) => <span className={styles.mono}>{info.getValue()}</span> }),
  helper.accessor("at", {
    header: "Time (UTC)",
    cell: (info) => <time dateTime={info.getValue()}>{utcTime(info.getValue())}</time>,
  }),
  helper.display({
    id: "actor",
    header: "Actor",
    cell: ({ row: { original: e } }) => (
      <span>
        {e.actorEmail ?? (e.actorKind === "system" ? "system" : "unknown")}
        {e.actorRole && <span className="muted"> · {e.actorRole}</span>}
        {e.actorDisabled && <span className="muted"> (disabled)</span>}
      </span>
    ),
  }),
  helper.accessor("action", { header: "Action" }),
  helper.display({
    id: "entity",
    header: "Entity",
    cell: ({ row: { original: e } }) =>
      e.entityType === "Control" && e.entityId ? (
        <Link href={`/controls/${encodeURIComponent(e.entityId)}`}>
          {e.entityType} {e.entityId}
        </Link>
      ) : (
        <>
          {e.entityType}
          {e.entityId ? ` ${e.entityId}` : ""}
        </>
      ),
  }),
  helper.display({
    id: "change",
    header: "Change",
    cell: ({ row }) => (
      <div>
        {row.original.changes.length === 0 ? (
          <span className="muted">No field changed</span>
        ) : (
          <ul className={styles.diff}>
            {row.original.changes.map((c) => (
              <li key={c.key}>
                <strong>{c.key}</strong>: <del>{compactValue(c.before)}</del> → <ins>{compactValue(c.after)}</ins>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="link"
          aria-expanded={row.getIsExpanded()}
          aria-controls={`audit-entry-${row.original.seq}-json`}
          onClick={row.getToggleExpandedHandler()}
        >
          {row.getIsExpanded() ? "Hide JSON" : "Full JSON"}
        </button>
      </div>
    ),
  }),
]);
