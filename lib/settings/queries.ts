import "server-only";
import { db } from "@/lib/db";

/** Whether `npm run demo` loaded this installation's data (the shell then shows a banner). */
export async function isDemoInstallation(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: "demo" } });
  return row?.value === true;
}
