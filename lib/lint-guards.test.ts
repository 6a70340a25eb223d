import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ESLint } from "eslint";

// The eslint.config.mjs guards (issue 12 item 1): whether a caller may act is principal.may(...),
// never its role (a token's scopes would be ignored) and never can()/tokenCan() outside the
// permission map and the Principal. They fire on the shapes that caused the withdraw finding and
// on a page deciding by role, not on the fix, and the tree passes them.

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function restricted(code: string, filePath = "app/api/v1/lint-guard-fixture/route.ts"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const header = `import { can, tokenCan } from "@/lib/permissions";
import type { Principal } from "@/lib/auth/principal";
declare const caller: Principal;
declare const principal: Principal;
`;

test("reading a principal's role is refused, whatever the principal is called", async () => {
  const messages = await restricted(`${header}export const a = caller.role;\n`);
  assert.ok(
    messages.some((m) => m.includes("principal.may(permission)")),
    messages.join("\n"),
  );
  assert.ok((await restricted(`${header}export const b = principal.role === "ADMIN";\n`)).length > 0);
  assert.ok((await restricted(`${header}export const c = principal.user?.role === "ADMIN";\n`)).length > 0);
  assert.ok((await restricted(`${header}export const d = caller.actor.role;\n`)).length > 0);
  assert.ok((await restricted(`${header}declare const apiCaller: Principal;\nexport const e = apiCaller.role;\n`)).length > 0);
});

test("can() and tokenCan() are refused in pages, components, routes, actions, services and scripts", async () => {
  const call = `${header}declare const user: { role: "ADMIN" };\nexport const a = can(user.role, "evidence:review");\n`;
  for (const file of [
    "app/(app)/lint-guard-fixture/page.tsx",
    "app/(app)/lint-guard-fixture/actions.ts",
    "app/api/v1/lint-guard-fixture/route.ts",
    "components/lint-guard-fixture.tsx",
    "lib/evidence/lint-guard-fixture.ts",
    "scripts/lint-guard-fixture.ts",
  ]) {
    const messages = await restricted(call, file);
    assert.ok(
      messages.some((m) => m.includes("Ask the caller, not the role")),
      `${file}: ${messages.join("\n")}`,
    );
  }
  assert.ok((await restricted(`${header}export const b = tokenCan("ENGINEER", [], "evidence:write");\n`)).length > 0);
});

test("principal.may(...) passes; the permission map and the Principal may call can() and tokenCan()", async () => {
  assert.deepEqual(await restricted(`${header}export const a = caller.may("evidence:review");\n`), []);
  assert.deepEqual(await restricted(`${header}export const b = principal.may("evidence:write") && principal.user?.id;\n`), []);
  const mapCall = `${header}export const c = can("ADMIN", "users:manage") && tokenCan("ADMIN", [], "users:manage");\n`;
  assert.deepEqual(await restricted(mapCall, "lib/permissions.ts"), []);
  assert.deepEqual(await restricted(mapCall, "lib/auth/principal.ts"), []);
  // A role read is refused even there: the Principal is built from roles, never read back for a decision.
  assert.ok((await restricted(`${header}export const d = principal.role;\n`, "lib/auth/principal.ts")).length > 0);
});

test("the tree passes the guards", async () => {
  const results = await eslint.lintFiles(["app/**/*.{ts,tsx}", "lib/**/*.ts", "components/**/*.{ts,tsx}", "scripts/**/*.ts"]);
  const found = results.flatMap((r) =>
    r.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => `${r.filePath}:${m.line} ${m.message}`),
  );
  assert.deepEqual(found, []);
});

// The guard that keeps the database behind lib/<domain>/ (docs/architecture.md, "Layers"): a page,
// action, route handler or component that imports the client or Prisma's generated code is refused.

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

test("a page, an action or a component importing the database client or Prisma is refused", async () => {
  const page = "app/(app)/lint-guard-fixture/page.tsx";
  const messages = await restrictedImports(
    `import { db } from "@/lib/db";\nexport default async function P() { return <p>{await db.user.count()}</p>; }\n`,
    page,
  );
  assert.equal(messages.length, 1, messages.join("\n"));
  assert.match(messages[0], /lib\/<domain>\/queries\.ts/);
  for (const source of [
    `import type { Role } from "@/lib/generated/prisma/enums";\nexport type R = Role;\n`,
    `import { PrismaClient } from "@prisma/client";\nexport const c = PrismaClient;\n`,
    `export { db } from "@/lib/db";\n`,
    `import { connectCli } from "@/lib/db/connect-cli";\nexport const c = connectCli;\n`,
    `import { db } from "../../../lib/db";\nexport const d = db;\n`,
  ]) {
    assert.equal((await restrictedImports(source, page)).length, 1, source);
  }
  assert.equal(
    (await restrictedImports(`import { db } from "@/lib/db";\nexport const d = db;\n`, "app/(app)/lint-guard-fixture/actions.ts")).length,
    1,
  );
  assert.equal(
    (await restrictedImports(`import { db } from "@/lib/db";\nexport const d = db;\n`, "components/lint-guard-fixture.tsx")).length,
    1,
  );
});

test("lib/ may use the client, and pages may import lib/<domain>/queries.ts", async () => {
  assert.deepEqual(
    await restrictedImports(`import { db } from "@/lib/db";\nexport const d = db;\n`, "lib/lint-guard-fixture/queries.ts"),
    [],
  );
  assert.deepEqual(
    await restrictedImports(
      `import { listUsers } from "@/lib/users/queries";\nexport const l = listUsers;\n`,
      "app/(app)/lint-guard-fixture/page.tsx",
    ),
    [],
  );
  // A name that only starts like the client's is someone else's module.
  assert.deepEqual(
    await restrictedImports(`import { x } from "@/lib/dbx";\nexport const y = x;\n`, "app/(app)/lint-guard-fixture/page.tsx"),
    [],
  );
});

test("app/ and components/ pass the database guard", async () => {
  const results = await eslint.lintFiles(["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"]);
  const found = results.flatMap((r) =>
    r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => `${r.filePath}:${m.line} ${m.message}`),
  );
  assert.deepEqual(found, []);
});
