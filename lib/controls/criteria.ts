import "server-only";
import { db } from "@/lib/db";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/validations/control";

type Category = (typeof CATEGORIES)[number];

export interface CriterionSupport {
  id: string;
  title: string;
  controls: { code: string; title: string; designStatus: string; custom: boolean }[];
  /** In an in-scope category and supported by no control (a control marked not applicable supports nothing). */
  unsupported: boolean;
}

export interface CriteriaCategory {
  category: Category;
  label: string;
  inScope: boolean;
  criteria: CriterionSupport[];
}

/**
 * Until audit periods exist, scope is inferred: Security is always in scope (it is mandatory), and
 * another category is in scope when at least one of its controls is not marked not applicable.
 */
export function categoryInScope(category: Category, controlStatuses: string[]): boolean {
  return category === "SECURITY" || controlStatuses.some((s) => s !== "NOT_APPLICABLE");
}

/** Every Trust Services criterion, by category, with the controls that support it. */
export async function criteriaSupport(): Promise<CriteriaCategory[]> {
  const [criteria, controls] = await Promise.all([
    db.criterion.findMany({
      orderBy: { sortOrder: "asc" },
      include: { controls: { include: { control: { select: { code: true, title: true, designStatus: true, custom: true } } } } },
    }),
    db.control.findMany({ select: { category: true, designStatus: true } }),
  ]);
  return CATEGORIES.map((category) => {
    const inScope = categoryInScope(
      category,
      controls.filter((c) => c.category === category).map((c) => c.designStatus),
    );
    return {
      category,
      label: CATEGORY_LABELS[category],
      inScope,
      criteria: criteria
        .filter((c) => c.category === category)
        .map((c) => {
          const supporting = c.controls.map((x) => x.control).sort((a, b) => a.code.localeCompare(b.code));
          const active = supporting.filter((x) => x.designStatus !== "NOT_APPLICABLE");
          return { id: c.id, title: c.title, controls: supporting, unsupported: inScope && active.length === 0 };
        }),
    };
  });
}

/** The official criteria, in order, for the criteria checkboxes of the control forms. */
export async function listCriteria(): Promise<{ id: string; title: string; category: string }[]> {
  return db.criterion.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, title: true, category: true } });
}
