import "server-only";
import { db } from "@/lib/db";
import { loadPeriod } from "@/lib/periods/service";

/** One audit period with its scope, or null. */
export function getPeriod(id: string) {
  return loadPeriod(db, id);
}

/** A period's name alone (a page title). */
export async function periodName(id: string): Promise<string | null> {
  return (await db.auditPeriod.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
