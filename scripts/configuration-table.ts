// README's configuration tables, generated from the schema in lib/env.ts so that the documentation
// cannot drift from what Attest parses (lib/env.test.ts's neighbour, configuration-table.test.ts,
// fails when it does). `npm run configuration-table` rewrites them in README.md.
import fs from "node:fs";
import path from "node:path";
import { VARIABLES } from "@/lib/env";

export type TableKind = "deployment" | "development";

const markers = (kind: TableKind) => ({
  start: `<!-- ${kind} variables: generated from lib/env.ts by \`npm run configuration-table\` -->`,
  end: `<!-- end of ${kind} variables -->`,
});

export function configurationTable(kind: TableKind): string {
  const rows = Object.entries(VARIABLES)
    .filter(([, v]) => ("development" in v && v.development === true) === (kind === "development"))
    .map(([name, v]) => `| \`${name}\` | ${v.shownDefault} | ${v.meaning} |`);
  return ["| variable | default | meaning |", "|---|---|---|", ...rows].join("\n");
}

/** The README with both tables replaced by what the schema says; throws when a marker is missing. */
export function withGeneratedTables(readme: string): string {
  let text = readme;
  for (const kind of ["deployment", "development"] as const) {
    const { start, end } = markers(kind);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers of the ${kind} variables' table (${start} … ${end})`);
    text = `${text.slice(0, from + start.length)}\n${configurationTable(kind)}\n${text.slice(to)}`;
  }
  return text;
}

export const README = path.resolve(import.meta.dirname, "../README.md");

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(README, withGeneratedTables(fs.readFileSync(README, "utf8")));
  console.log("README.md: configuration tables regenerated from lib/env.ts");
}
