import Link from "next/link";
import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { FeatureRow } from "@/lib/features/queries";
import { DATA_CATEGORY_LABELS, IMPACT_LABELS } from "@/lib/validations/feature";

// Sorting and pagination are the server's (manualSorting / manualPagination): no client row models.
export const featuresTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });

const helper = createColumnHelper<typeof featuresTableFeatures, FeatureRow>();

/** Column id -> the server's sort key (the URL's `sort`). */
export const SORT_KEYS = { name: "name", owner: "owner", status: "status", failureImpact: "impact", updatedAt: "updated" } as const;

export const STATUS_LABELS = { ACTIVE: "Active", RETIRED: "Retired" } as const;

export const featuresTableColumns = helper.columns([
  helper.accessor("name", {
    header: "Name",
    cell: (info) => <Link href={`/inventory/${info.row.original.slug}`}>{info.getValue()}</Link>,
  }),
  helper.accessor("owner", { header: "Owner" }),
  helper.accessor("status", {
    header: "Status",
    cell: (info) => <span className={`badge ${info.getValue()}`}>{STATUS_LABELS[info.getValue()]}</span>,
  }),
  helper.accessor("failureImpact", { header: "Impact", cell: (info) => IMPACT_LABELS[info.getValue()] }),
  helper.accessor("inputData", {
    header: "Data in the prompt",
    enableSorting: false,
    cell: (info) =>
      info
        .getValue()
        .map((c) => DATA_CATEGORY_LABELS[c as keyof typeof DATA_CATEGORY_LABELS] ?? c)
        .join(", ") || "—",
  }),
  helper.accessor("vendors", { header: "Vendors", enableSorting: false, cell: (info) => info.getValue().join(", ") || "—" }),
  helper.accessor("updatedAt", {
    header: "Updated",
    cell: (info) => <time dateTime={info.getValue()}>{info.getValue().slice(0, 10)}</time>,
  }),
]);
