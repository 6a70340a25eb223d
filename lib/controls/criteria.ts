import "server-only";
import { db } from "@/lib/db";

// Which criteria a period's controls address lives in lib/criteria/.

/** The official criteria, in order, for the criteria checkboxes of the control forms. */
export async function listCriteria(): Promise<{ id: string; title: string; category: string }[]> {
  return db.criterion.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, title: true, category: true } });
}
