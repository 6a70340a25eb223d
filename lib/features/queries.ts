import { featureWhere as inScope, outOfScope, vendorWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { featureInclude, featureToJson, loadFeature, type FeatureJson } from "@/lib/features/service";
import { FEATURE_PAGE_SIZE, type FeatureListQuery } from "@/lib/validations/feature";

// Reads for the inventory. One page is a count plus an offset/limit query on the same filter:
// at 5,000 features both stay in the low milliseconds (see docs/benchmarks.md).

export interface FeatureRow {
  slug: string;
  name: string;
  owner: string;
  status: "ACTIVE" | "RETIRED";
  failureImpact: "LOW" | "MEDIUM" | "HIGH";
  inputData: string[];
  vendors: string[];
  updatedAt: string;
}

export interface FeaturePage {
  rows: FeatureRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export type FeatureFilters = Omit<FeatureListQuery, "sort" | "dir" | "page">;

export function featureWhere(f: FeatureFilters): Prisma.FeatureWhereInput {
  const q = f.q?.trim();
  return {
    status: f.status,
    failureImpact: f.impact,
    owner: f.owner ? { equals: f.owner, mode: "insensitive" } : undefined,
    inputData: f.data ? { has: f.data } : undefined,
    vendors: f.vendor ? { some: { vendor: { name: { equals: f.vendor, mode: "insensitive" } } } } : undefined,
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { purpose: { contains: q, mode: "insensitive" } },
            { owner: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** The slug breaks ties, so that a row never appears on two pages. */
export function featureOrderBy(sort: FeatureListQuery["sort"], dir: FeatureListQuery["dir"]): Prisma.FeatureOrderByWithRelationInput[] {
  const column = { name: "name", owner: "owner", status: "status", impact: "failureImpact", updated: "updatedAt" } as const;
  const primary = { [column[sort]]: dir } as Prisma.FeatureOrderByWithRelationInput;
  return sort === "name" ? [primary, { slug: dir }] : [primary, { name: "asc" }, { slug: "asc" }];
}

/** The filters and the caller's scope (an auditor sees their periods' features). */
const scoped = (f: FeatureFilters, scope: Scope): Prisma.FeatureWhereInput => ({ AND: [featureWhere(f), inScope(scope)] });

export async function listFeatures(query: FeatureListQuery, scope: Scope): Promise<FeaturePage> {
  const where = scoped(query, scope);
  const total = await db.feature.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / FEATURE_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const features = await db.feature.findMany({
    where,
    orderBy: featureOrderBy(query.sort, query.dir),
    skip: (page - 1) * FEATURE_PAGE_SIZE,
    take: FEATURE_PAGE_SIZE,
    select: {
      slug: true,
      name: true,
      owner: true,
      status: true,
      failureImpact: true,
      inputData: true,
      updatedAt: true,
      vendors: { select: { vendor: { select: { name: true } } }, orderBy: { vendor: { name: "asc" } } },
    },
  });
  return {
    rows: features.map((f) => ({ ...f, vendors: f.vendors.map((v) => v.vendor.name), updatedAt: f.updatedAt.toISOString() })),
    total,
    page,
    pageCount,
    pageSize: FEATURE_PAGE_SIZE,
  };
}

/** The API's page: the same filter and order, each item in the full wire shape. */
export async function listFeaturesJson(query: FeatureListQuery, scope: Scope) {
  const where = scoped(query, scope);
  const total = await db.feature.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / FEATURE_PAGE_SIZE));
  const features = await db.feature.findMany({
    where,
    orderBy: featureOrderBy(query.sort, query.dir),
    skip: (query.page - 1) * FEATURE_PAGE_SIZE,
    take: FEATURE_PAGE_SIZE,
    include: featureInclude,
  });
  return { items: features.map(featureToJson), total, page: query.page, pageCount, pageSize: FEATURE_PAGE_SIZE };
}

/** Every matching feature (for the CSV export), ordered by slug so that exports are stable. */
export async function allFeaturesJson(filters: FeatureFilters, scope: Scope): Promise<FeatureJson[]> {
  const features = await db.feature.findMany({ where: scoped(filters, scope), orderBy: { slug: "asc" }, include: featureInclude });
  return features.map(featureToJson);
}

/** A feature as the API returns it (lib/features/service.ts's wire shape), or null. */
export async function getFeatureJson(slug: string, scope: Scope) {
  const feature = scope.all ? await loadFeature(db, slug) : (await visible(slug, scope)) ? await loadFeature(db, slug) : null;
  return feature ? featureToJson(feature) : null;
}

/** Which of these slugs name a feature already (an import's preview: update, not create). */
export async function existingSlugs(slugs: string[]): Promise<Set<string>> {
  const rows = await db.feature.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  return new Set(rows.map((f) => f.slug));
}

/** The active features, by name: what forms offer to link (evidence, periods, access reviews). */
export function activeFeatureChoices() {
  return db.feature.findMany({ where: { status: "ACTIVE" }, select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** A 404 for a feature outside the caller's scope (an auditor's periods), as for an unknown one. */
export async function assertFeatureVisible(slug: string, scope: Scope): Promise<void> {
  if (!scope.all && !(await visible(slug, scope))) throw outOfScope(`feature ${slug}`);
}

/** Whether the caller's scope holds the feature. */
async function visible(slug: string, scope: Scope): Promise<boolean> {
  return (await db.feature.count({ where: { AND: [{ slug }, inScope(scope)] } })) > 0;
}

export async function getFeature(slug: string, scope: Scope) {
  const feature = await db.feature.findFirst({ where: { AND: [{ slug }, inScope(scope)] }, include: featureInclude });
  if (!feature) return null;
  return { ...featureToJson(feature), createdAt: feature.createdAt, updatedAt: feature.updatedAt, retiredAt: feature.retiredAt };
}

/** Choices for the filters and the vendor picker. */
export async function inventoryChoices(scope: Scope) {
  const [vendors, owners] = await Promise.all([
    db.vendor.findMany({ where: vendorWhere(scope), select: { name: true }, orderBy: { name: "asc" } }),
    // GROUP BY in SQL (Prisma's `distinct` may de-duplicate in memory after reading every row).
    db.feature.groupBy({ by: ["owner"], where: inScope(scope), orderBy: { owner: "asc" } }),
  ]);
  return { vendors: vendors.map((v) => v.name), owners: owners.map((o) => o.owner) };
}
