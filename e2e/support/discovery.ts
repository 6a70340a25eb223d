import fs from "node:fs";
import path from "node:path";

// Discovery of what the app serves, read from the source tree: the authorization walk and the CSP
// walk both cover every page and route this way, so a new one joins them without a list to update.

export const ROOT = path.resolve(__dirname, "../..");

/** Files under `dirs` whose name matches, as "lib/x/y.ts" relative to the root (generated code left out). */
export function sourceFiles(dirs: string[], name: RegExp): string[] {
  return dirs
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && name.test(e.name) && !e.parentPath.includes("generated"))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** Files under app/ whose name matches, as "app/(group)/feature/page.tsx" (private folders are not routed). */
export function appFiles(name: RegExp): string[] {
  return sourceFiles(["app"], name)
    .filter((f) => !f.split("/").some((s) => s.startsWith("_")))
    .sort();
}

/** "app/(app)/controls/[code]/page.tsx" -> "/controls/[code]" (route groups and slots dropped). */
export function urlPattern(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return "/" + segments.join("/");
}

/** Every page's URL pattern (app/**\/page.tsx), such as "/controls/[code]". */
export const pageKeys = appFiles(/^page\.[jt]sx?$/).map(urlPattern);

/** The names of a pattern's dynamic segments: "/a/[x]/b/[y]" -> ["x", "y"]. */
export const paramNames = (pattern: string) => [...pattern.matchAll(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g)].map((m) => m[1]);
