import { defineConfig } from "prisma/config";

// env("DATABASE_URL") throws when unset, even for `prisma generate`; the app supplies its own URL
// at run time (embedded PostgreSQL when absent), so an empty string is fine here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
