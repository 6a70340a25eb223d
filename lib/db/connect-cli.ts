import { applyMigrations } from "@/lib/db/migrate";
import { runningPostmaster, startEmbedded, embeddedUrl } from "@/lib/db/embedded";
import { seedReferenceData } from "@/lib/reference/seed";

// Headless commands (user:create, token:create, demo, audit:verify) work against the same database
// as the app: DATABASE_URL when set; otherwise the embedded PostgreSQL, reusing it when the app is
// running and starting it for the duration of the command when it is not. They migrate and load
// the reference data first, so they also work on an empty database.
export async function connectForCli(): Promise<{ url: string; close(): Promise<void> }> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    if (runningPostmaster()) {
      url = embeddedUrl();
    } else {
      const handle = await startEmbedded();
      url = handle.url;
      stop = handle.stop;
    }
    process.env.DATABASE_URL = url;
  }
  await applyMigrations(url);
  const { db } = await import("@/lib/db");
  await seedReferenceData(db);
  return {
    url,
    close: async () => {
      await db.$disconnect();
      await stop();
    },
  };
}
