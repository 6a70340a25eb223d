import { featureWhere, vendorItemWhere, vendorWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { organisationToday } from "@/lib/org-time";
import { loadVendor, vendorInclude, vendorToJson, type VendorJson } from "@/lib/vendors/service";
import { VENDOR_PAGE_SIZE, type VendorListQuery } from "@/lib/validations/vendor";

// A vendor's package state depends on today's date and its evidence, so it is computed in memory;
// an organisation tracks tens of vendors, not thousands, so the filter runs over all of them.

export interface VendorPage {
  rows: VendorJson[];
  page: number;
  pageCount: number;
  total: number;
  today: string;
}

/**
 * What a vendor shows a caller: to an auditor, only the documents that are evidence in their scope
 * and the in-scope features that use it (its package's state is then that of those documents).
 */
function includeFor(scope: Scope) {
  if (scope.all) return vendorInclude;
  return {
    ...vendorInclude,
    features: { ...vendorInclude.features, where: { feature: featureWhere(scope) } },
    items: { ...vendorInclude.items, where: vendorItemWhere(scope) },
  };
}

export async function listVendors(query: Partial<VendorListQuery>, scope: Scope): Promise<VendorPage> {
  const [today, vendors] = await Promise.all([
    organisationToday(),
    db.vendor.findMany({ where: vendorWhere(scope), include: includeFor(scope), orderBy: { name: "asc" } }),
  ]);
  const all = vendors
    .map((v) => vendorToJson(v, today))
    .filter((v) => (query.filter === "incomplete" ? !v.package.complete : query.filter === "overdue" ? v.package.review.overdue : true));
  const pageCount = Math.max(1, Math.ceil(all.length / VENDOR_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  return { rows: all.slice((page - 1) * VENDOR_PAGE_SIZE, page * VENDOR_PAGE_SIZE), page, pageCount, total: all.length, today };
}

/** One vendor, or null: unknown, or outside the caller's scope. */
export async function getVendor(id: string, scope: Scope): Promise<VendorJson | null> {
  const [today, vendor] = await Promise.all([
    organisationToday(),
    scope.all ? loadVendor(db, id) : db.vendor.findFirst({ where: { AND: [{ id }, vendorWhere(scope)] }, include: includeFor(scope) }),
  ]);
  return vendor ? vendorToJson(vendor, today) : null;
}

/** A vendor's id and name (the upload page files a package item under it), or null. */
export function vendorName(id: string) {
  return db.vendor.findUnique({ where: { id }, select: { id: true, name: true } });
}

/** Evidence that can be linked as a package item: submitted or accepted, newest first. */
export function linkableEvidence() {
  return db.evidence.findMany({
    where: { status: { in: ["SUBMITTED", "ACCEPTED"] }, supersededBy: null },
    select: { id: true, title: true, status: true, control: { select: { code: true } } },
    orderBy: [{ uploadedAt: "desc" }, { id: "asc" }],
    take: 200,
  });
}

/** The controls a CUEC can be linked to, by code. */
export function controlChoices() {
  return db.control.findMany({ select: { code: true, title: true }, orderBy: { code: "asc" } });
}
