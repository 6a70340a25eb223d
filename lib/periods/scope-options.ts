import { db } from "@/lib/db";
import { activeFeatureChoices } from "@/lib/features/queries";
import { readOnlyRoles } from "@/lib/permissions";

/** What the period form offers: active features and enabled auditors. */
export async function periodScopeOptions() {
  const [features, auditors] = await Promise.all([
    activeFeatureChoices(),
    db.user.findMany({
      where: { role: { in: readOnlyRoles() }, disabledAt: null },
      select: { email: true, name: true },
      orderBy: { email: "asc" },
    }),
  ]);
  return { features, auditors };
}
