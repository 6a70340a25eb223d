import Link from "next/link";
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";
import type { ControlRow } from "@/lib/controls/queries";
import { CATEGORY_LABELS, DESIGN_STATUS_LABELS, FREQUENCY_LABELS } from "@/lib/validations/control";
import { OPERATING_LABELS, type OperatingFilter } from "@/components/controls/operating-status";
import { percent } from "@/components/periods/heatmap-labels";

export const controlsTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
});

/** A matrix row: the control, and (with a period in view) its status in that period. Absent fields sort last. */
export interface MatrixRow extends ControlRow {
  href: string;
  /** OUT_OF_PERIOD: the period's categories leave the control out. */
  operating?: OperatingFilter;
  /** Worst first (see OPERATING_RANK), so an ascending sort puts what needs attention on top. */
  operatingRank?: number;
  coverage?: number;
  covered?: number;
  expected?: number;
  lastAccepted?: { id: string; title: string; effectiveDate: string };
  lastAcceptedDate?: string;
  nextDue?: string;
  nextDueSlot?: string;
}

const helper = createColumnHelper<typeof controlsTableFeatures, MatrixRow>();

export const controlsTableColumns = helper.columns([
  helper.accessor("code", {
    header: "Code",
    sortFn: "alphanumeric",
    cell: (info) => <Link href={info.row.original.href}>{info.getValue()}</Link>,
  }),
  helper.accessor("title", { header: "Title", sortFn: "text" }),
  helper.accessor("category", {
    header: "Category",
    sortFn: "text",
    cell: (info) => CATEGORY_LABELS[info.getValue() as keyof typeof CATEGORY_LABELS] ?? info.getValue(),
  }),
  helper.accessor("criteria", {
    header: "Criteria",
    enableSorting: false,
    cell: (info) => info.getValue().join(", "),
  }),
  helper.accessor("frequency", {
    header: "Frequency",
    sortFn: "text",
    cell: (info) => FREQUENCY_LABELS[info.getValue() as keyof typeof FREQUENCY_LABELS] ?? info.getValue(),
  }),
  helper.accessor("designStatus", {
    header: "Design status",
    sortFn: "text",
    cell: (info) => (
      <span className={`badge ${info.getValue()}`}>
        {DESIGN_STATUS_LABELS[info.getValue() as keyof typeof DESIGN_STATUS_LABELS] ?? info.getValue()}
      </span>
    ),
  }),
  helper.accessor("owner", { header: "Owner", sortFn: "text", sortUndefined: "last", cell: (info) => info.getValue() ?? "—" }),
]);

/** The period's columns, after the control's own (their positions stay those of the matrix without a period). */
export const periodColumns = helper.columns([
  helper.accessor("operatingRank", {
    id: "operating",
    header: "Operating status",
    sortFn: "basic",
    // Numbers would sort descending first; the first click puts the worst status on top, like the text columns.
    sortDescFirst: false,
    sortUndefined: "last",
    cell: (info) => {
      const status = info.row.original.operating;
      return status ? <span className={`badge ${status}`}>{OPERATING_LABELS[status]}</span> : "—";
    },
  }),
  helper.accessor("coverage", {
    header: "Coverage",
    sortFn: "basic",
    sortDescFirst: false,
    sortUndefined: "last",
    cell: (info) => {
      const { covered, expected, frequency } = info.row.original;
      if (expected === undefined || expected === 0) return "—";
      const unit = frequency === "VALIDITY" ? "days" : "slots";
      return <span title={`${covered} of ${expected} ${unit} covered`}>{percent(info.getValue() ?? null)}</span>;
    },
  }),
  helper.accessor("lastAcceptedDate", {
    header: "Last accepted evidence",
    sortFn: "text",
    sortUndefined: "last",
    cell: (info) => {
      const evidence = info.row.original.lastAccepted;
      return evidence ? (
        <Link href={`/evidence/${evidence.id}`} title={evidence.title}>
          <time dateTime={evidence.effectiveDate}>{evidence.effectiveDate}</time>
        </Link>
      ) : (
        "—"
      );
    },
  }),
  helper.accessor("nextDue", {
    header: "Next slot due",
    sortFn: "text",
    sortUndefined: "last",
    cell: (info) => {
      const due = info.getValue();
      return due ? (
        <time dateTime={due} title={info.row.original.nextDueSlot}>
          {due}
        </time>
      ) : (
        "—"
      );
    },
  }),
]);
