import Link from "next/link";
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";
import type { ControlRow } from "@/lib/controls/queries";
import { CATEGORY_LABELS, DESIGN_STATUS_LABELS, FREQUENCY_LABELS } from "@/lib/validations/control";

export const controlsTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
});

const helper = createColumnHelper<typeof controlsTableFeatures, ControlRow>();

export const controlsTableColumns = helper.columns([
  helper.accessor("code", {
    header: "Code",
    sortFn: "alphanumeric",
    cell: (info) => <Link href={`/controls/${encodeURIComponent(info.getValue())}`}>{info.getValue()}</Link>,
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
