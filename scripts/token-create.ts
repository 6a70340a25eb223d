// npm run -s token:create -- --name N --role ROLE [--scopes a:b,c:d] [--expires 90d]
// Prints the token alone on standard output (TOKEN=$(npm run -s token:create -- ...) works).
import { parseArgs } from "node:util";
import { z } from "zod";
import { connectForCli } from "@/lib/db/connect-cli";
import { generateToken, parseExpiry } from "@/lib/auth/tokens";
import { SYSTEM_ACTOR, appendAudit } from "@/lib/audit-log/append";
import { isPermission } from "@/lib/permissions";
import { roleSchema } from "@/lib/validations/user";

const argsSchema = z.object({
  name: z.string({ error: "--name is required" }).trim().min(1, { error: "--name is required" }).max(100),
  role: roleSchema,
  scopes: z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
    )
    .refine((list) => list.every((s) => isPermission(s) || /^[a-z-]+:\*$/.test(s)), {
      error: "--scopes must be permissions such as evidence:write",
    }),
  expires: z.string().default("90d"),
});

async function main() {
  const { values } = parseArgs({
    options: { name: { type: "string" }, role: { type: "string" }, scopes: { type: "string" }, expires: { type: "string" } },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  let expiresAt: Date | null;
  try {
    expiresAt = parseExpiry(parsed.data.expires);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // Migration and seeding chatter goes to stderr so stdout carries the token alone.
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  const conn = await connectForCli();
  try {
    const { db } = await import("@/lib/db");
    const { secret, hash, prefix } = generateToken();
    await db.$transaction(async (tx) => {
      const token = await tx.apiToken.create({
        data: { name: parsed.data.name, role: parsed.data.role, scopes: parsed.data.scopes, tokenHash: hash, prefix, expiresAt },
      });
      await appendAudit(
        tx,
        { ...SYSTEM_ACTOR, email: "cli:token:create" },
        {
          action: "token.created",
          entityType: "ApiToken",
          entityId: token.id,
          after: { name: token.name, role: token.role, scopes: token.scopes, prefix, expiresAt: token.expiresAt },
        },
      );
    });
    log(secret);
  } finally {
    await conn.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
