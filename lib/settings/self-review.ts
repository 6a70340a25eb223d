import { db } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";

// Settings → Organisation → "Allow self-review": off by default (segregation of duties,
// docs/security/segregation-of-duties.md). On, for a one-person team, the person who uploaded
// evidence may review it, and each such review is marked self-reviewed wherever evidence is shown.
export const SELF_REVIEW_SETTING = "allowSelfReview";

export async function selfReviewAllowed(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SELF_REVIEW_SETTING } });
  return row?.value === true;
}

/** Saves the setting with its audit entry, in one transaction. */
export async function setSelfReviewAllowed(allow: boolean, actor: Actor): Promise<{ before: boolean; after: boolean }> {
  const before = await selfReviewAllowed();
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: SELF_REVIEW_SETTING },
      create: { key: SELF_REVIEW_SETTING, value: allow },
      update: { value: allow },
    });
    await appendAudit(tx, actor, {
      action: "setting.updated",
      entityType: "Setting",
      entityId: SELF_REVIEW_SETTING,
      before: { allowSelfReview: before },
      after: { allowSelfReview: allow },
    });
  });
  return { before, after: allow };
}
