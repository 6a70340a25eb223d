// Which Trust Services criteria an audit period's controls address. Pure: no I/O, no imports
// from the rest of the project, so the rule is unit-tested exactly (addressed.test.ts).

export const CRITERIA_CATEGORIES = ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"] as const;
export type CriteriaCategory = (typeof CRITERIA_CATEGORIES)[number];

export interface CriterionInput {
  id: string;
  title: string;
  category: CriteriaCategory;
}

export interface ControlInput {
  code: string;
  title: string;
  category: CriteriaCategory;
  designStatus: string;
  /** YYYY-MM-DD, or null: operating since before any period. */
  operatesSince: string | null;
  custom: boolean;
  /** The criteria ids the control is mapped to. */
  criteria: readonly string[];
}

/** The period's scope; null end: no period chosen (every category, any operating date). */
export interface CriteriaScope {
  categories: readonly CriteriaCategory[];
  end: string | null;
}

/** Why a mapped control does not address its criterion in this scope. */
export type ExclusionReason = "OUT_OF_SCOPE" | "NOT_APPLICABLE" | "NOT_YET_OPERATING";

export interface ControlRef {
  code: string;
  title: string;
  custom: boolean;
}

export interface AddressedCriterion extends CriterionInput {
  /** In-scope controls that address the criterion, by code. */
  controls: ControlRef[];
  /** Mapped controls that do not count here, with the reason. */
  excluded: (ControlRef & { reason: ExclusionReason })[];
  addressed: boolean;
}

export interface CriteriaForScope {
  categories: { category: CriteriaCategory; criteria: AddressedCriterion[] }[];
  /** The criteria of the scope's categories that no in-scope control addresses, in order. */
  unaddressed: AddressedCriterion[];
}

/**
 * Why a control mapped to a criterion does not address it in the scope, or null when it does: a
 * control outside the period's categories is not tested in that report; one marked not applicable
 * supports nothing; one that starts operating after the period ends was never in operation in it.
 */
export function exclusionReason(control: ControlInput, scope: CriteriaScope): ExclusionReason | null {
  if (!scope.categories.includes(control.category)) return "OUT_OF_SCOPE";
  if (control.designStatus === "NOT_APPLICABLE") return "NOT_APPLICABLE";
  if (scope.end !== null && control.operatesSince !== null && control.operatesSince > scope.end) return "NOT_YET_OPERATING";
  return null;
}

/**
 * Each criterion of the scope's categories (criteria in the order given, categories in the
 * official order) with the controls that address it, and those no control addresses.
 */
export function criteriaForScope(
  criteria: readonly CriterionInput[],
  controls: readonly ControlInput[],
  scope: CriteriaScope,
): CriteriaForScope {
  const byCode = [...controls].sort((a, b) => a.code.localeCompare(b.code));
  const categories = CRITERIA_CATEGORIES.filter((c) => scope.categories.includes(c)).map((category) => ({
    category,
    criteria: criteria
      .filter((criterion) => criterion.category === category)
      .map((criterion): AddressedCriterion => {
        const addressing: ControlRef[] = [];
        const excluded: AddressedCriterion["excluded"] = [];
        for (const control of byCode) {
          if (!control.criteria.includes(criterion.id)) continue;
          const ref = { code: control.code, title: control.title, custom: control.custom };
          const reason = exclusionReason(control, scope);
          if (reason) excluded.push({ ...ref, reason });
          else addressing.push(ref);
        }
        return { ...criterion, controls: addressing, excluded, addressed: addressing.length > 0 };
      }),
  }));
  return { categories, unaddressed: categories.flatMap((c) => c.criteria.filter((x) => !x.addressed)) };
}
