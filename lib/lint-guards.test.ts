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
