import { controlWhere, featureWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { suggestControls, type Suggestion } from "@/lib/features/suggest";

export interface FeatureMappingRow {
  code: string;
  title: string;
  category: string;
  designStatus: string;
  suggested: boolean;
  reasons: string[];
  /** null: not confirmed yet. */
  applies: boolean | null;
  justification: string | null;
  confirmedBy: string | null;
}

/** Every control with the feature's confirmed mapping and what its answers suggest. */
export async function featureMappings(slug: string, scope: Scope): Promise<FeatureMappingRow[] | null> {
  const feature = await db.feature.findFirst({
    where: { AND: [{ slug }, featureWhere(scope)] },
    include: { mappings: true, vendors: { select: { vendorId: true } } },
  });
  if (!feature) return null;
  const suggestions = new Map<string, Suggestion>(
    suggestControls({ ...feature, hasVendors: feature.vendors.length > 0 }).map((s) => [s.code, s]),
  );
  const controls = await db.control.findMany({ where: controlWhere(scope), orderBy: [{ cat: { sortOrder: "asc" } }, { code: "asc" }] });
  const confirmed = new Map(feature.mappings.map((m) => [m.controlId, m]));
  return controls.map((c) => {
    const m = confirmed.get(c.id);
    const s = suggestions.get(c.code);
    return {
      code: c.code,
      title: c.title,
      category: c.category,
      designStatus: c.designStatus,
      suggested: Boolean(s),
      reasons: s?.reasons ?? [],
      applies: m ? m.applies : null,
      justification: m?.justification ?? null,
      confirmedBy: m?.confirmedBy ?? null,
    };
  });
}

export interface MatrixData {
  controls: { code: string; title: string; category: string }[];
  features: { slug: string; name: string; cells: Record<string, "applies" | "not-applicable" | "suggested" | null> }[];
  total: number;
  pageCount: number;
}

/** The feature x control matrix, one page of active features at a time. */
export async function mappingMatrix(page: number, scope: Scope, pageSize = 25): Promise<MatrixData> {
  const where = { AND: [{ status: "ACTIVE" as const }, featureWhere(scope)] };
  const [total, features, controls] = await Promise.all([
    db.feature.count({ where }),
    db.feature.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { mappings: { include: { control: { select: { code: true } } } }, vendors: { select: { vendorId: true } } },
    }),
    db.control.findMany({
      where: controlWhere(scope),
      orderBy: [{ cat: { sortOrder: "asc" } }, { code: "asc" }],
      select: { code: true, title: true, category: true },
    }),
  ]);
  return {
    controls,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    features: features.map((f) => {
      const suggested = new Set(suggestControls({ ...f, hasVendors: f.vendors.length > 0 }).map((s) => s.code));
      const confirmed = new Map(f.mappings.map((m) => [m.control.code, m.applies]));
      const cells: MatrixData["features"][number]["cells"] = {};
      for (const c of controls) {
        const applies = confirmed.get(c.code);
        cells[c.code] = applies === true ? "applies" : applies === false ? "not-applicable" : suggested.has(c.code) ? "suggested" : null;
      }
      return { slug: f.slug, name: f.name, cells };
    }),
  };
}
