import { db } from "@/lib/db";
import { activeFeatureChoices } from "@/lib/features/queries";

/** What the period form offers: active features and enabled auditors. */
export async function periodScopeOptions() {
  const [features, auditors] = await Promise.all([
    activeFeatureChoices(),
    db.user.findMany({ where: { role: "AUDITOR", disabledAt: null }, select: { email: true, name: true }, orderBy: { email: "asc" } }),
  ]);
  return { features, auditors };
}
