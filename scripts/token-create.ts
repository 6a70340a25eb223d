// npm run -s token:create -- --name N --role ROLE [--scopes a:b,c:d] [--expires 90d]
//   [--allow-admin] (required with --role ADMIN) [--allow-no-expiry] (required with --expires never)
// Prints the token alone on standard output (TOKEN=$(npm run -s token:create -- ...) works).
// The token has no creator: no person's account can switch it off (docs/security/tokens.md).
import { parseArgs } from "node:util";
import { z } from "zod";
import { connectForCli } from "@/lib/db/connect-cli";
import { parseExpiry } from "@/lib/auth/tokens";
import { SYSTEM_ACTOR } from "@/lib/audit-log/append";
import { isPermission } from "@/lib/permissions";
import { roleSchema } from "@/lib/validations/user";

const argsSchema = z
  .object({
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
    "allow-admin": z.boolean().default(false),
    "allow-no-expiry": z.boolean().default(false),
  })
  // Wide tokens are asked for explicitly, as the Settings form's checkboxes ask.
  .refine((a) => a.role !== "ADMIN" || a["allow-admin"], {
    path: ["role"],
    error:
      "--role ADMIN makes a token that can manage users, tokens and settings: add --allow-admin if that is what you want, or choose a narrower role.",
  })
  .refine((a) => a.expires.trim() !== "never" || a["allow-no-expiry"], {
    path: ["expires"],
    error:
      "--expires never makes a token that works until it is revoked: add --allow-no-expiry if that is what you want, or give an expiry such as 90d.",
  });

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      role: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
      "allow-admin": { type: "boolean" },
      "allow-no-expiry": { type: "boolean" },
    },
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
    // Imported after connectForCli, which points DATABASE_URL at the database the client opens.
    const { createToken } = await import("@/lib/tokens/service");
    const { secret } = await createToken(
      { name: parsed.data.name, role: parsed.data.role, scopes: parsed.data.scopes, expiresAt },
      { ...SYSTEM_ACTOR, email: "cli:token:create" },
    );
    log(secret);
  } finally {
    await conn.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
