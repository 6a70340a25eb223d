// npm run user:create -- --email E --role ROLE [--name N]
// The password comes from ATTEST_PASSWORD or standard input, never from the command line.
import { parseArgs } from "node:util";
import { connectForCli } from "@/lib/db/connect-cli";
import { createUserSchema } from "@/lib/validations/user";
import { env } from "@/lib/env";
import { cliPrincipal } from "@/lib/auth/principal";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
  const password = env().ATTEST_PASSWORD ?? (await readStdin());
  const parsed = createUserSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split("@")[0],
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    console.error(
      "Usage: npm run user:create -- --email E --role ADMIN|COMPLIANCE_LEAD|ENGINEER|AUDITOR [--name N] (password from ATTEST_PASSWORD or stdin)",
    );
    process.exit(2);
  }
  const conn = await connectForCli();
  try {
    const { createUser } = await import("@/lib/users/service");
    const user = await createUser(parsed.data, cliPrincipal("user:create"));
    console.log(`created ${user.email} (${user.role})`);
  } finally {
    await conn.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
