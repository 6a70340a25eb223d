import Link from "next/link";
import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { EvidenceJson } from "@/lib/evidence/service";
import { formatBytes } from "@/lib/format";
import type { EvidenceTableQuery } from "@/lib/validations/evidence-table";
import { EVIDENCE_SOURCE_LABELS, EVIDENCE_STATUS_LABELS } from "@/lib/validations/evidence";

/** What a row of the table needs, picked from the API's shape on the server. */
export type EvidenceTableRow = Pick<
  EvidenceJson,
  | "id"
  | "control"
  | "title"
  | "effectiveDate"
  | "status"
  | "source"
  | "uploadedBy"
  | "uploadedAt"
  | "fileName"
  | "size"
  | "url"
  | "version"
  | "supersededBy"
  | "selfReviewed"
>;

// Sorting and pagination are the server's (manualSorting / manualPagination): no client row models.
export const evidenceTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });

const helper = createColumnHelper<typeof evidenceTableFeatures, EvidenceTableRow>();

/** Column id -> the server's sort key (the URL's `sort`). */
export const SORT_KEYS = {
  effectiveDate: "effective",
  control: "control",
  title: "title",
  status: "status",
  uploadedAt: "uploaded",
} as const satisfies Record<string, EvidenceTableQuery["sort"]>;

/** "2026-03-01T09:15:02.123Z" -> "2026-03-01 09:15 UTC", the same on server and client. */
export const utcMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The status, and "Self-reviewed" when the uploader reviewed it (only with the organisation's setting). */
export function EvidenceStatusBadge({ status, selfReviewed = false }: { status: EvidenceTableRow["status"]; selfReviewed?: boolean }) {
  return (
    <>
      <span className={`badge ${status}`}>{EVIDENCE_STATUS_LABELS[status]}</span>
      {selfReviewed && (
        <>
          {" "}
          <span className="badge PARTIAL" title="Reviewed by the person who uploaded it (the organisation allows self-review).">
            Self-reviewed
          </span>
        </>
      )}
    </>
  );
}

export const evidenceTableColumns = helper.columns([
  helper.accessor("effectiveDate", {
    header: "Effective date",
    sortDescFirst: true,
    cell: (info) => <time dateTime={info.getValue()}>{info.getValue()}</time>,
  }),
  helper.accessor("control", {
    header: "Control",
    cell: (info) => <Link href={`/controls/${encodeURIComponent(info.getValue())}`}>{info.getValue()}</Link>,
  }),
  helper.accessor("title", {
    header: "Title",
    // Two lines at most (the whole title on hover and to assistive technology: the link's text is all of it).
    cell: (info) => (
      <Link className="clamp-2 evidence-title" href={`/evidence/${info.row.original.id}`} title={info.getValue()}>
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("status", {
    header: "Status",
    cell: (info) => <EvidenceStatusBadge status={info.getValue()} selfReviewed={info.row.original.selfReviewed} />,
  }),
  helper.accessor("source", { header: "Source", enableSorting: false, cell: (info) => EVIDENCE_SOURCE_LABELS[info.getValue()] }),
  helper.accessor("uploadedBy", { header: "Uploaded by", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  helper.accessor("uploadedAt", {
    header: "Uploaded (UTC)",
    sortDescFirst: true,
    cell: (info) => <time dateTime={info.getValue()}>{utcMinute(info.getValue())}</time>,
  }),
  helper.display({
    id: "file",
    header: "File",
    cell: ({ row: { original: e } }) =>
      e.fileName ? (
        <span className="clamp-2 evidence-file">
          <a href={`/api/v1/evidence/${e.id}/file`} download={e.fileName} title={e.fileName}>
            {e.fileName}
          </a>{" "}
          <span className="muted">{e.size === null ? "" : formatBytes(e.size)}</span>
        </span>
      ) : e.url ? (
        <a href={e.url} rel="noopener noreferrer nofollow" target="_blank" title={e.url}>
          link
        </a>
      ) : (
        "—"
      ),
  }),
  helper.accessor("version", {
    header: "Version",
    enableSorting: false,
    cell: (info) => (
      <>
        v{info.getValue()}
        {info.row.original.supersededBy && <span className="muted"> (superseded)</span>}
      </>
    ),
  }),
]);
