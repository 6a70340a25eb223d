import Link from "next/link";
import { createColumnHelper, rowPaginationFeature, tableFeatures } from "@tanstack/react-table";
import type { VendorJson } from "@/lib/vendors/service";
import { PACKAGE_KINDS } from "@/lib/vendors/package";
import { dpaTermsSummary, PackageBadge, PackageStateBadge } from "@/components/vendors/package-badge";

// Pagination is the server's (manualPagination): no client row models. Rows come sorted by name.
export const vendorsTableFeatures = tableFeatures({ rowPaginationFeature });

const helper = createColumnHelper<typeof vendorsTableFeatures, VendorJson>();

export const vendorsTableColumns = helper.columns([
  helper.accessor("name", {
    header: "Vendor",
    cell: (info) => <Link href={`/vendors/${info.row.original.id}`}>{info.getValue()}</Link>,
  }),
  helper.accessor((v) => v.features.filter((f) => f.status === "ACTIVE").length, {
    id: "features",
    header: "Features in use",
    cell: (info) => info.getValue(),
  }),
  helper.display({
    id: "package",
    header: "Package",
    cell: (info) => (
      <span className="badges">
        {PACKAGE_KINDS.map((kind) => (
          <PackageBadge key={kind} kind={kind} state={info.row.original.package.items[kind]} short />
        ))}
      </span>
    ),
  }),
  helper.display({ id: "terms", header: "DPA terms", cell: (info) => dpaTermsSummary(info.row.original) }),
  helper.display({
    id: "review",
    header: "Next review",
    cell: (info) => {
      const { nextReviewDue, overdue, notReviewed } = info.row.original.package.review;
      return (
        <>
          {notReviewed ? (nextReviewDue ? `${nextReviewDue} (not reviewed yet)` : "Not reviewed yet") : (nextReviewDue ?? "—")}
          {overdue ? (
            <>
              {" "}
              <span className="badge MISSING" data-overdue>
                Overdue
              </span>
            </>
          ) : null}
        </>
      );
    },
  }),
  helper.display({
    id: "state",
    header: "Package state",
    cell: (info) => <PackageStateBadge complete={info.row.original.package.complete} />,
  }),
]);
