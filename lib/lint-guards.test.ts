import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ESLint } from "eslint";

// The eslint.config.mjs guard against authorizing an API caller by its role (a token's scopes
// would be ignored): it fires on the shapes that caused the withdraw finding, and not on the fix.

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function restricted(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: "app/api/v1/lint-guard-fixture/route.ts" });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const header = `import { can } from "@/lib/permissions";\ndeclare const caller: { role: "ADMIN"; actor: { role: "ADMIN" }; may: (p: "evidence:review") => boolean };\n`;

test("can(caller.role, ...) and reading caller.role are refused", async () => {
  const messages = await restricted(`${header}export const a = can(caller.role, "evidence:review");\n`);
  assert.ok(
    messages.some((m) => m.includes("caller.may(permission)")),
    messages.join("\n"),
  );
  assert.ok((await restricted(`${header}export const r = caller.role;\n`)).length > 0);
  assert.ok((await restricted(`${header}export const b = can(caller.actor.role, "evidence:review");\n`)).length > 0);
  assert.ok((await restricted(`${header}export const c = can(apiCaller.role, "evidence:review");\n`)).length > 0);
});

test("caller.may(...) and a session user's can(user.role, ...) pass", async () => {
  assert.deepEqual(await restricted(`${header}export const a = caller.may("evidence:review");\n`), []);
  assert.deepEqual(
    await restricted(`${header}declare const user: { role: "ADMIN" };\nexport const b = can(user.role, "evidence:review");\n`),
    [],
  );
});

test("the API routes and lib/ pass the guard", async () => {
  const results = await eslint.lintFiles(["app/api/**/*.ts", "lib/**/*.ts"]);
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
