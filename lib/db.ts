import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/config";

// One Prisma client per process. Next's dev server re-evaluates modules, so the client is cached
// on globalThis rather than created per import.
const globalForPrisma = globalThis as unknown as { attestPrisma?: PrismaClient };

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

export const db: PrismaClient = globalForPrisma.attestPrisma ?? createPrismaClient();
globalForPrisma.attestPrisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
