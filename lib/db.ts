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

function sharedClient(): PrismaClient {
  globalForPrisma.attestPrisma ??= createPrismaClient();
  return globalForPrisma.attestPrisma;
}

/**
 * The shared client, created on first use rather than at import: `next build` imports every route
 * (next-auth's among them) to collect its configuration, and an image build has no database, so
 * a missing DATABASE_URL must only be an error when a query is actually made.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = sharedClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
  has: (_target, property) => Reflect.has(sharedClient(), property),
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
