import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { HTTP_METHODS, openApiDocument as doc, type OperationObject } from "@/lib/api/openapi";
import { PERMISSIONS, isPermission } from "@/lib/permissions";

const ROOT = path.resolve(__dirname, "../..");
// next-auth's own handlers (sign-in, session, CSRF) are not part of the machine API.
const UNDOCUMENTED = new Set(["/api/auth/{...nextauth}"]);

function operations(): [string, string, OperationObject][] {
  return Object.entries(doc.paths).flatMap(([url, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [[url, method, item[method]] as [string, string, OperationObject]] : [])),
  );
}

/** Every route.ts under app/api, as "/api/v1/controls/{code}" and the HTTP methods it exports. */
function routeFiles(): { file: string; url: string; methods: string[] }[] {
  const dir = path.join(ROOT, "app/api");
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^route\.[jt]sx?$/.test(e.name))
    .map((e) => path.relative(path.join(ROOT, "app"), path.join(e.parentPath, e.name)).split(path.sep))
    .filter((segments) => !segments.some((s) => s.startsWith("_"))) // private folders are not routed
    .map((segments) => {
      const file = path.join(ROOT, "app", ...segments);
      const url =
        "/" +
        segments
          .slice(0, -1)
          .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@")) // route groups and slots add no segment
          .map((s) => s.replace(/^\[\[?(.+?)\]?\]$/, "{$1}"))
          .join("/");
      const source = fs.readFileSync(file, "utf8");
      const verb = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)";
      const methods = new Set(
        [...source.matchAll(new RegExp(`export\\s+(?:const|let|(?:async\\s+)?function)\\s+${verb}\\b`, "g"))].map((m) => m[1]),
      );
      for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const m of list[1].matchAll(new RegExp(`(?:^|,)\\s*(?:\\w+\\s+as\\s+)?${verb}\\s*(?=,|$)`, "g"))) methods.add(m[1]);
      }
      return { file: path.relative(ROOT, file), url, methods: [...methods] };
    });
}

function resolvePointer(pointer: string): unknown {
  assert.ok(pointer.startsWith("#/"), `only local references are used: ${pointer}`);
  let node: unknown = doc;
  for (const raw of pointer.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function collectRefs(node: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((n, i) => collectRefs(n, `${at}/${i}`, out));
  else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push([at, v]);
      else collectRefs(v, `${at}/${k}`, out);
    }
  }
  return out;
}

test("the document is OpenAPI 3.1 and survives a JSON round trip", () => {
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  assert.ok(doc.info.title && doc.info.version);
  assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, "nothing that JSON drops (undefined, functions)");
});

test("every operation has responses, a unique operationId and a described security", () => {
  const ids = new Set<string>();
  const ops = operations();
  assert.ok(ops.length > 0, "the document describes operations");
  for (const [url, method, op] of ops) {
    const where = `${method.toUpperCase()} ${url}`;
    assert.ok(Object.keys(op.responses).length > 0, `${where} has no responses`);
    assert.ok(
      Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
      `${where} has no success response`,
    );
    assert.ok(!ids.has(op.operationId), `${where}: operationId ${op.operationId} is used twice`);
    ids.add(op.operationId);
    if (op.security?.length === 0) {
      assert.match(op.description, /Public/, `${where} is public and should say so`);
    } else {
      const permission = op["x-attest-permission"];
      assert.ok(typeof permission === "string" && isPermission(permission), `${where} names the permission it checks`);
      for (const role of PERMISSIONS[permission]) assert.ok(op.description.includes(role), `${where} says ${role} may call it`);
      for (const status of ["401", "403"]) assert.ok(op.responses[status], `${where} documents ${status}`);
    }
  }
});

test("every path parameter in a URL is declared, and only those", () => {
  for (const [url, method, op] of operations()) {
    const declared = [...(doc.paths[url].parameters ?? []), ...(op.parameters ?? [])]
      .map((p) => ("$ref" in p ? (resolvePointer(p.$ref) as { name: string; in: string }) : p))
      .filter((p) => p.in === "path")
      .map((p) => p.name)
      .sort();
    const inUrl = [...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(declared, inUrl, `${method.toUpperCase()} ${url}`);
  }
});

test("every $ref resolves", () => {
  const refs = collectRefs(doc, "#");
  assert.ok(refs.length > 20);
  for (const [at, target] of refs) assert.notEqual(resolvePointer(target), undefined, `${at}: $ref ${target} resolves to nothing`);
});

test("every route handler under app/api is documented (a new endpoint must be added to lib/api/openapi.ts)", () => {
  const routes = routeFiles();
  assert.ok(
    routes.some((r) => r.url === "/api/v1/openapi.json"),
    "the discovery finds the route files",
  );
  const missing: string[] = [];
  for (const { file, url, methods } of routes) {
    if (UNDOCUMENTED.has(url)) continue;
    assert.ok(methods.length > 0, `${file} exports no HTTP method that this test recognises`);
    for (const method of methods) {
      const item = doc.paths[url];
      if (!item?.[method.toLowerCase() as (typeof HTTP_METHODS)[number]]) missing.push(`${method} ${url} (${file})`);
    }
  }
  assert.deepEqual(missing, [], "undocumented endpoints");
});
