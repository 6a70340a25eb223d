import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { saveSetting } from "@/lib/settings/store";

// Settings → Organisation → "Allow self-review": off by default (segregation of duties,
// docs/security/segregation-of-duties.md). On, for a one-person team, the person who uploaded
// evidence may review it, and each such review is marked self-reviewed wherever evidence is shown.
export const SELF_REVIEW_SETTING = "allowSelfReview";

export async function selfReviewAllowed(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SELF_REVIEW_SETTING } });
  return row?.value === true;
}

/** Saves the setting with its audit entry, in one transaction. */
export async function setSelfReviewAllowed(allow: boolean, { actor }: Principal): Promise<{ before: boolean; after: boolean }> {
  const before = await selfReviewAllowed();
  await saveSetting(SELF_REVIEW_SETTING, "allowSelfReview", before, allow, actor);
  return { before, after: allow };
}
