import { applyMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runningPostmaster, startEmbedded, embeddedUrl } from "@/lib/db/embedded";
import { databaseIdentity, EMBEDDED_APP_ROLE, grantAppPrivileges, privilegeWarning } from "@/lib/db/roles";
import { seedReferenceData } from "@/lib/reference/seed";

// Headless commands (user:create, token:create, demo, audit:verify) work against the same database
// as the app, as the schema owner: ATTEST_MIGRATION_DATABASE_URL when set, else DATABASE_URL;
// otherwise the embedded PostgreSQL (its `postgres` role), reusing it when the app is running and
// starting it for the duration of the command when it is not. They migrate and load the reference
// data first, so they also work on an empty database; when that applied a migration, the app role
// is granted the new tables, as `npm start` does.
export async function connectForCli(): Promise<{ url: string; close(): Promise<void> }> {
  const configured = env();
  let url = configured.ATTEST_MIGRATION_DATABASE_URL ?? configured.DATABASE_URL;
  let appRole: string | null = null;
  let stop = async () => {};
  if (!url) {
    if (runningPostmaster()) {
      url = embeddedUrl();
    } else {
      const handle = await startEmbedded();
      url = handle.url;
      stop = handle.stop;
    }
    appRole = EMBEDDED_APP_ROLE;
  } else if (configured.DATABASE_URL && configured.DATABASE_URL !== url) {
    // The app role only matters if this run applies a migration; a wrong URL there is npm start's to report.
    const app = await databaseIdentity(configured.DATABASE_URL).catch(() => null);
    if (app && !privilegeWarning(app)) appRole = app.user;
  }
  process.env.DATABASE_URL = url; // the Prisma client below connects as the owner
  const { applied } = await applyMigrations(url);
  if (applied.length && appRole && (await roleExists(url, appRole))) await grantAppPrivileges(url, appRole);
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

async function roleExists(url: string, role: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount! > 0;
  } finally {
    await client.end();
  }
}
