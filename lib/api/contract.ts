import type { HttpMethod, OpenApiDocument, OperationObject, ParameterObject, Ref, SchemaObject } from "@/lib/api/openapi";

// Bad requests derived from the OpenAPI document alone: for every documented request body and
// query string, each required field missing, each field of the wrong type and each string over its
// length. The API must refuse every one with a 4xx and a message (e2e/api-contract.spec.ts sends
// them; lib/api/contract.test.ts runs them through the server's schemas). Pure: no I/O.

export interface BadRequest {
  /** What is wrong, for the failure message: "title: missing". */
  what: string;
  query?: Record<string, string>;
  /** A JSON body, or the text fields of a multipart body. */
  body?: unknown;
  multipart?: boolean;
}

export interface ContractOperation {
  method: string;
  path: string;
  operationId: string;
  pathParams: string[];
  bad: BadRequest[];
}

/** A string longer than any the API keeps (bodies), or than the documented maximum. */
const OVERSIZED_BODY = 100_000;
// A query string this long stays within the server's request-line limit (16 KiB).
const OVERSIZED_QUERY = 8_000;

type Doc = Pick<OpenApiDocument, "components" | "paths">;
/** A schema, or a reference to one. */
type Node = SchemaObject | Ref;
// Types only from lib/api/openapi.ts: the Playwright spec loads this module and reads the served document.
const METHODS: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function pointer(doc: Doc, ref: string): unknown {
  let node: unknown = doc;
  for (const key of ref.replace(/^#\//, "").split("/")) node = (node as Record<string, unknown>)?.[key];
  if (node === undefined) throw new Error(`$ref ${ref} resolves to nothing`);
  return node;
}

/** The schema with its $ref followed (its own keys override the target's, as {...ref(), description}). */
export function resolve(doc: Doc, schema: Node): SchemaObject {
  if (!("$ref" in schema) || !schema.$ref) return schema as SchemaObject;
  const { $ref, ...rest } = schema;
  return { ...resolve(doc, pointer(doc, $ref) as SchemaObject), ...rest };
}

const param = (doc: Doc, p: ParameterObject | Ref): ParameterObject => ("$ref" in p ? (pointer(doc, p.$ref) as ParameterObject) : p);

/** The JSON types a schema admits (through anyOf / oneOf; an enum of strings is a string). */
export function jsonTypes(doc: Doc, raw: Node): Set<string> {
  const schema = resolve(doc, raw);
  const out = new Set<string>();
  if (schema.type) for (const t of [schema.type].flat()) out.add(t === "integer" ? "number" : t);
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) for (const t of jsonTypes(doc, branch)) out.add(t);
  if (!out.size && schema.enum) for (const v of schema.enum) out.add(v === null ? "null" : typeof v);
  return out;
}

/** A JSON value of a type the schema does not admit, or undefined when it admits any. */
export function wrongJsonValue(doc: Doc, schema: Node): unknown {
  const types = jsonTypes(doc, schema);
  if (!types.size) return undefined;
  const candidates: [string, unknown][] = [
    ["number", 12345],
    ["string", "not of this type"],
    ["object", { not: "of this type" }],
    ["array", [12345]],
  ];
  return candidates.find(([type]) => !types.has(type))?.[1];
}

/** The first non-null branch of a nullable (anyOf [X, null]). */
function nonNull(doc: Doc, raw: Node): SchemaObject {
  const schema = resolve(doc, raw);
  const branch = schema.anyOf?.find((b) => resolve(doc, b).type !== "null");
  return branch ? nonNull(doc, branch) : schema;
}

/** The string branch of a schema that admits strings among other types (oneOf [array, string]). */
function stringBranch(doc: Doc, raw: Node): SchemaObject {
  const schema = resolve(doc, raw);
  if ([schema.type].flat().includes("string") || schema.enum) return schema;
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const branch = branches.find((b) => jsonTypes(doc, b).has("string"));
  return branch ? stringBranch(doc, branch) : schema;
}

/** Text (a query parameter, a multipart field) that the schema refuses; undefined for free text. */
export function wrongText(doc: Doc, raw: Node): string | undefined {
  const schema = nonNull(doc, raw);
  if (schema.enum) return "NOT-ONE-OF-THESE";
  const type = [schema.type].flat()[0];
  if (type === "integer" || type === "number") return "not-a-number";
  if (type === "boolean") return "perhaps";
  if (schema.format === "date") return "2026-02-30";
  if (schema.format === "uuid") return "not-a-uuid";
  if (schema.format === "email") return "not-an-email";
  if (schema.format === "uri") return "not a url";
  if (schema.pattern && !new RegExp(schema.pattern).test("%%")) return "%%";
  return undefined;
}

/** Free text whose length the document does not bound (no maxLength, enum, pattern or format). */
export const UNBOUNDED = "(no maxLength)";

/** A string field's value one character over its maxLength (or far over, when it has none), and how it is described. */
function oversized(doc: Doc, raw: Node, fallback: number): string | undefined {
  if (!jsonTypes(doc, raw).has("string")) return undefined;
  const schema = stringBranch(doc, raw);
  return "x".repeat(schema.maxLength !== undefined ? schema.maxLength + 1 : fallback);
}

const lengthNote = (doc: Doc, raw: Node, value: string) => {
  const schema = stringBranch(doc, raw);
  const bounded = schema.maxLength !== undefined || schema.enum || schema.pattern || schema.format;
  return `${value.length} characters${bounded ? "" : ` ${UNBOUNDED}`}`;
};

/** The object a body's fields are varied in: the body itself, the first item of an array body, or the oneOf branch the example fits. */
function objectSchema(doc: Doc, raw: Node, example: Record<string, unknown>): SchemaObject {
  const schema = resolve(doc, raw);
  if (schema.properties) return schema;
  const branches = (schema.oneOf ?? schema.anyOf ?? []).map((b) => resolve(doc, b));
  const fits = branches.find((b) => b.properties && (b.required ?? []).every((k) => k in example));
  if (!fits) throw new Error("the request body's schema has no properties the example fits");
  return fits;
}

function bodyVariants(doc: Doc, raw: Node, example: unknown, multipart: boolean): BadRequest[] {
  const top = resolve(doc, raw);
  const isArray = top.type === "array" && Array.isArray(example);
  const base = (isArray ? (example as unknown[])[0] : example) as Record<string, unknown>;
  const schema = objectSchema(doc, isArray ? top.items! : top, base);
  const wrap = (fields: Record<string, unknown>) => ({ body: isArray ? [fields] : fields, multipart });
  const out: BadRequest[] = [];
  for (const field of schema.required ?? []) {
    const { [field]: _missing, ...rest } = base;
    out.push({ what: `${field}: missing`, ...wrap(rest) });
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (resolve(doc, property).contentMediaType) continue; // a file's bytes: any bytes are a file
    const wrong = multipart ? wrongText(doc, property) : wrongJsonValue(doc, property);
    if (wrong !== undefined) out.push({ what: `${field}: wrong type (${JSON.stringify(wrong)})`, ...wrap({ ...base, [field]: wrong }) });
    const long = oversized(doc, property, OVERSIZED_BODY);
    if (long !== undefined) out.push({ what: `${field}: ${lengthNote(doc, property, long)}`, ...wrap({ ...base, [field]: long }) });
    const items = resolve(doc, property).items;
    const longItem = items && oversized(doc, items, OVERSIZED_BODY);
    if (longItem) out.push({ what: `${field}[0]: ${lengthNote(doc, items, longItem)}`, ...wrap({ ...base, [field]: [longItem] }) });
  }
  return out;
}

function queryVariants(doc: Doc, parameters: ParameterObject[]): BadRequest[] {
  const out: BadRequest[] = [];
  for (const p of parameters.filter((q) => q.in === "query" && q.schema)) {
    const schema: Node = p.schema!;
    const wrong = wrongText(doc, schema);
    if (wrong !== undefined) out.push({ what: `?${p.name}: not valid (${wrong})`, query: { [p.name]: wrong } });
    const long = oversized(doc, schema, OVERSIZED_QUERY);
    if (long !== undefined) out.push({ what: `?${p.name}: ${lengthNote(doc, schema, long)}`, query: { [p.name]: long } });
  }
  return out;
}

/** Every documented operation that takes input, with the bad requests to send it. */
export function contractOperations(doc: Doc): ContractOperation[] {
  const out: ContractOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => param(doc, p));
      const bad = queryVariants(doc, parameters);
      const requestBody = op.requestBody && "content" in op.requestBody ? op.requestBody : undefined;
      for (const [mediaType, media] of Object.entries(requestBody?.content ?? {})) {
        if (mediaType !== "application/json" && mediaType !== "multipart/form-data") continue;
        if (!media.schema) throw new Error(`${method.toUpperCase()} ${path}: its ${mediaType} body has no schema`);
        if (media.example === undefined) throw new Error(`${method.toUpperCase()} ${path}: its ${mediaType} body has no example`);
        bad.push(...bodyVariants(doc, media.schema, media.example, mediaType === "multipart/form-data"));
      }
      if (!bad.length) continue;
      const pathParams = parameters.filter((p) => p.in === "path").map((p) => p.name);
      out.push({ method: method.toUpperCase(), path, operationId: op.operationId ?? `${method} ${path}`, pathParams, bad });
    }
  }
  return out;
}
