// npm run -s token:create -- --name N (--role ROLE | --user EMAIL) [--scopes a:b,c:d] [--expires 90d]
//   [--allow-admin] (required for an ADMIN token) [--allow-no-expiry] (required with --expires never)
// Prints the token alone on standard output (TOKEN=$(npm run -s token:create -- ...) works).
// --role: the token acts for no named person (a CI job): it cannot accept or reject evidence.
// --user: the token acts for that person with their role, narrowed by any scopes; its uploads and
// reviews are theirs, and it stops working when they are disabled or change role
// (docs/security/segregation-of-duties.md). Neither has a creator account that could switch it off.
import { parseArgs } from "node:util";
import { z } from "zod";
import { connectForCli } from "@/lib/db/connect-cli";
import { parseExpiry } from "@/lib/auth/tokens";
import { cliPrincipal } from "@/lib/auth/principal";
import { isPermission } from "@/lib/permissions";
import { roleSchema } from "@/lib/validations/user";

const argsSchema = z
  .object({
    name: z.string({ error: "--name is required" }).trim().min(1, { error: "--name is required" }).max(100),
    role: roleSchema.optional(),
    user: z.email({ error: "--user must be the e-mail address of an Attest user" }).optional(),
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
  .refine((a) => (a.role === undefined) !== (a.user === undefined), {
    path: ["role"],
    error:
      "give either --role ROLE (a token acting for no named person, such as a CI job; it cannot review evidence) or --user EMAIL (a token acting for that person, with their role)",
  })
  // Wide tokens are asked for explicitly, as the Settings form's checkboxes ask (a person's role: checked by createToken).
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
      user: { type: "string" },
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
  let refused = false;
  try {
    // Imported after connectForCli, which points DATABASE_URL at the database the client opens.
    const { createToken } = await import("@/lib/tokens/service");
    const { AppError } = await import("@/lib/errors");
    try {
      const { secret } = await createToken(
        {
          name: parsed.data.name,
          role: parsed.data.role,
          actsFor: parsed.data.user ? { email: parsed.data.user } : null,
          scopes: parsed.data.scopes,
          expiresAt,
          allowAdmin: parsed.data["allow-admin"],
        },
        cliPrincipal("token:create"),
      );
      log(secret);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The service's field names, as the command line spells them.
      const flag = { actsFor: "--user", allowAdmin: "--allow-admin", scopes: "--scopes", role: "--role" } as Record<string, string>;
      const field = Object.keys(error.fieldErrors ?? {})[0];
      console.error(`${field ? `${flag[field] ?? field}: ` : ""}${error.message.replace(/Tick “[^”]+”/, "Add --allow-admin")}`);
      refused = true;
    }
  } finally {
    await conn.close();
  }
  if (refused) process.exit(2);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
