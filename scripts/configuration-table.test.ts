import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { VARIABLES } from "@/lib/env";
import { configurationTable, README, withGeneratedTables } from "./configuration-table";

test("README's configuration tables are the ones generated from lib/env.ts (run `npm run configuration-table`)", () => {
  const readme = fs.readFileSync(README, "utf8");
  assert.equal(readme, withGeneratedTables(readme));
});

test("every variable of the schema is in exactly one table, and a drifted README is caught", () => {
  const rows = [configurationTable("deployment"), configurationTable("development")].join("\n").split("\n");
  for (const name of Object.keys(VARIABLES)) assert.equal(rows.filter((row) => row.startsWith(`| \`${name}\` |`)).length, 1, name);
  const readme = fs.readFileSync(README, "utf8");
  const drifted = readme.replace("| `PORT` | `3000` |", "| `PORT` | `8080` |");
  assert.notEqual(drifted, readme);
  assert.notEqual(withGeneratedTables(drifted), drifted);
  assert.throws(() => withGeneratedTables("# no tables"), /lacks the markers/);
});
