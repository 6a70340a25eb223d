import { controlWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/controls/queries";
import { CATEGORIES, CATEGORY_LABELS, DESIGN_STATUSES } from "@/lib/validations/control";

type Category = (typeof CATEGORIES)[number];
type DesignStatus = (typeof DESIGN_STATUSES)[number];

export interface GapControl {
  code: string;
  title: string;
  category: Category;
  designStatus: DesignStatus;
  justification: string | null;
  owner: string | null;
  operatesSince: string | null;
  notes: string | null;
  criteria: string[];
  custom: boolean;
}

export interface GapCategory {
  category: Category;
  label: string;
  counts: Record<DesignStatus, number>;
  controls: GapControl[];
}

/** One bar of the chart: a category's counts, keyed by design status (a plain, serialisable row). */
export type GapChartRow = { category: string } & Record<DesignStatus, number>;

/** Every control, grouped by category in the categories' order, with counts per design status. */
export async function gapAssessment(scope: Scope): Promise<GapCategory[]> {
  const controls = await db.control.findMany({
    where: controlWhere(scope),
    orderBy: [{ cat: { sortOrder: "asc" } }, { code: "asc" }],
    include: { criteria: { select: { criterionId: true }, orderBy: { criterion: { sortOrder: "asc" } } } },
  });
  return CATEGORIES.map((category) => {
    const rows: GapControl[] = controls
      .filter((c) => c.category === category)
      .map((c) => ({
        code: c.code,
        title: c.title,
        category: c.category,
        designStatus: c.designStatus,
        justification: c.justification,
        owner: c.owner,
        operatesSince: isoDate(c.operatesSince),
        notes: c.notes,
        criteria: c.criteria.map((x) => x.criterionId),
        custom: c.custom,
      }));
    const counts = Object.fromEntries(DESIGN_STATUSES.map((s) => [s, rows.filter((r) => r.designStatus === s).length])) as Record<
      DesignStatus,
      number
    >;
    return { category, label: CATEGORY_LABELS[category], counts, controls: rows };
  });
}

export function gapChartRows(categories: GapCategory[]): GapChartRow[] {
  return categories.map((c) => ({ category: c.label, ...c.counts }));
}

export const GAP_CSV_FIELDS = [
  "code",
  "title",
  "category",
  "criteria",
  "designStatus",
  "justification",
  "owner",
  "operatesSince",
  "notes",
  "custom",
] as const;

/** The gap assessment as CSV rows (wire names for enums, so a spreadsheet and the API agree). */
export function gapCsvRows(categories: GapCategory[]): Record<(typeof GAP_CSV_FIELDS)[number], string>[] {
  return categories.flatMap((c) =>
    c.controls.map((r) => ({
      code: r.code,
      title: r.title,
      category: r.category,
      criteria: r.criteria.join(" "),
      designStatus: r.designStatus,
      justification: r.justification ?? "",
      owner: r.owner ?? "",
      operatesSince: r.operatesSince ?? "",
      notes: r.notes ?? "",
      custom: r.custom ? "yes" : "no",
    })),
  );
}
