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
