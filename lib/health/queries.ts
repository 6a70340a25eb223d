import "server-only";
import { db } from "@/lib/db";

/** One round trip to the database; throws when it cannot be reached (GET /api/health answers 503). */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
