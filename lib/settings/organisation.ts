import "server-only";
import { db } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import { organisationTimeZone, TIME_ZONE_SETTING } from "@/lib/org-time";

/** Saves the organisation's time zone with its audit entry, in one transaction. */
export async function setOrganisationTimeZone(timeZone: string, actor: Actor): Promise<{ before: string; after: string }> {
  const before = await organisationTimeZone();
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: TIME_ZONE_SETTING },
      create: { key: TIME_ZONE_SETTING, value: timeZone },
      update: { value: timeZone },
    });
    await appendAudit(tx, actor, {
      action: "setting.updated",
      entityType: "Setting",
      entityId: TIME_ZONE_SETTING,
      before: { timeZone: before },
      after: { timeZone },
    });
  });
  return { before, after: timeZone };
}
