import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/config";

// One Prisma client per process. Next's dev server re-evaluates modules, so the client is cached
// on globalThis rather than created per import.
const globalForPrisma = globalThis as unknown as { attestPrisma?: PrismaClient };

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  // Appends to the audit log serialise on an advisory lock, so under load a transaction may wait
  // for others: allow more than Prisma's 2 s / 5 s defaults before giving up.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

export const db: PrismaClient = globalForPrisma.attestPrisma ?? createPrismaClient();
globalForPrisma.attestPrisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
