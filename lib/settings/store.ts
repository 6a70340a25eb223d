import { db } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";

/**
 * Saves one organisation setting (a row of Setting) with its audit entry ("setting.updated",
 * before and after under the setting's own name), in one transaction.
 */
export async function saveSetting<T extends string | boolean>(key: string, name: string, before: T, after: T, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value: after }, update: { value: after } });
    await appendAudit(tx, actor, {
      action: "setting.updated",
      entityType: "Setting",
      entityId: key,
      before: { [name]: before },
      after: { [name]: after },
    });
  });
}
