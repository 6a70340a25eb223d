import { z } from "zod";
import type {
  HeaderObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "openapi3-ts/oas31";
import { IMPORT_MAX_LABEL } from "@/lib/imports/upload";
import { PERMISSIONS, type Permission } from "@/lib/permissions";

// An API endpoint declared once: apiRoute() (lib/api/route.ts) parses its params, query and body
// with these schemas, and lib/api/openapi.ts generates the operation of /api/v1/openapi.json from
// the same declaration (zod 4's own JSON Schema output). Pure: no I/O, no Next, so the document
// and its tests can be built anywhere. Declarations live per domain in lib/api/endpoints/ (a
// Next.js route file may export only its HTTP handlers and segment config).

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ErrorResponseName =
  | "Validation"
  | "Unauthenticated"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "PayloadTooLarge"
  | "UnsupportedMediaType"
  | "Unprocessable"
  | "DatabaseUnavailable";

const ERROR_STATUS: Record<ErrorResponseName, string> = {
  Validation: "400",
  Unauthenticated: "401",
  Forbidden: "403",
  NotFound: "404",
  Conflict: "409",
  PayloadTooLarge: "413",
  UnsupportedMediaType: "415",
  Unprocessable: "422",
  DatabaseUnavailable: "503",
};

type Schema = z.ZodType | undefined;
export type Output<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface Endpoint<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  method: HttpMethod;
  /** As in the document: /api/v1/controls/{code}. */
  path: string;
  /** The one permission the caller needs; the document shows it (x-attest-permission) and its roles. */
  permission: Permission;
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  /** Path parameters: anything they refuse is a 404 (nothing exists at that address). */
  params?: P;
  /** The query string (an object of strings, see readQuery); bad input is a 400 naming the parameter. */
  query?: Q;
  /** How the query string becomes the object `query` parses; default: each key's last value. */
  readQuery?: (search: URLSearchParams) => Record<string, unknown>;
  /** What a path or query parameter means, by name, for the document. */
  parameterNotes?: Record<string, string>;
  /** A JSON body, read up to bodyLimit bytes; bad input is a 400 naming the field. */
  body?: B;
  /**
   * The body as documented, when the route parses it in two steps and `body` is only the first
   * (a looser shape: the handler validates the rest with this schema or its parts).
   */
  documentedBody?: z.ZodType;
  /**
   * The body schema's name in components.schemas (FeatureCreate, PeriodInput…): client generators
   * name their types after it. Parts of a body may be named with zod's `.meta({ id })` instead.
   */
  bodyName?: string;
  /** A valid body: the document's example, from which e2e/api-contract.spec.ts derives its bad requests. */
  example?: unknown;
  bodyLimit?: number;
  /** A body the handler reads itself (multipart): documented as given, not read by apiRoute. */
  requestBody?: RequestBodyObject;
  ok: Record<string, ResponseObject>;
  errors?: ErrorResponseName[];
}

/** Declares an endpoint (the identity function, for type inference of its schemas). */
export function endpoint<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  declaration: Endpoint<P, Q, B>,
): Endpoint<P, Q, B> {
  return declaration;
}

/** "Roles: ADMIN, COMPLIANCE_LEAD (permission controls:write)." from the one permission map. */
export function rolesText(permission: Permission): string {
  return (
    `Roles: ${PERMISSIONS[permission].join(", ")} (permission \`${permission}\`). ` +
    `A token acts with its role; if it has scopes they must include \`${permission}\` or \`${permission.split(":")[0]}:*\`.`
  );
}

/** zod puts the parts named with `.meta({ id })` under $defs; the document keeps them in components.schemas. */
const toComponents = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(toComponents);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, "#/components/schemas/") : toComponents(v),
    ]),
  );
};

/**
 * What a request may send (io: "input": a preprocessed field is documented as the field it becomes),
 * and the named parts it refers to (`defs`, for components.schemas).
 */
function generated(schema: z.ZodType): { schema: SchemaObject; defs: Record<string, SchemaObject> } {
  const { $schema: _dialect, $defs = {}, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return { schema: toComponents(rest) as SchemaObject, defs: toComponents($defs) as Record<string, SchemaObject> };
}

/** What a request may send, for parameters and form fields (which name no parts). */
export function jsonSchema(schema: z.ZodType): SchemaObject {
  return generated(schema).schema;
}

/**
 * zod marks a field required when its schema does not accept undefined, but a preprocessed field
 * (a blank or comma-list form input) does: the example tells. A field is required when the body
 * without it is refused.
 */
function requiredByExample(schema: SchemaObject, zod: z.ZodType, example: unknown): SchemaObject {
  if (!schema.required || typeof example !== "object" || example === null || Array.isArray(example)) return schema;
  const required = schema.required.filter((field) => {
    const { [field]: _dropped, ...rest } = example as Record<string, unknown>;
    return !zod.safeParse(rest).success;
  });
  return { ...schema, required };
}

/**
 * A multipart/form-data body the handler reads itself (a file streams to disk), documented from the
 * zod schemas its text fields are parsed with; `formFields` gives what a form sends differently
 * (the file part, a list sent as one comma-separated field).
 */
export function multipartBody(spec: {
  fields: z.ZodType[];
  formFields: Record<string, SchemaObject>;
  description: string;
  example: Record<string, string>;
  oneOf?: SchemaObject[];
}): RequestBodyObject {
  const generated = spec.fields.map((zod) => requiredByExample(jsonSchema(zod), zod, spec.example));
  const schema: SchemaObject = {
    type: "object",
    description: spec.description,
    required: [...new Set(generated.flatMap((g) => g.required ?? []))],
    ...(spec.oneOf ? { oneOf: spec.oneOf } : {}),
    properties: Object.assign({}, ...generated.map((g) => g.properties), spec.formFields),
  };
  return {
    required: true,
    content: {
      "multipart/form-data": { schema, encoding: { file: { contentType: "application/octet-stream" } }, example: spec.example },
    },
  };
}

/**
 * A CSV file sent as the request body itself (`Content-Type: text/csv`), read by lib/api/read-csv.ts
 * with the browser import's reader: documented as given, not read by apiRoute.
 */
export function csvBody(description: string, example: string): RequestBodyObject {
  return {
    required: true,
    description,
    content: {
      "text/csv": {
        schema: {
          type: "string",
          description: `The CSV file's bytes: UTF-8 (a byte-order mark is allowed), at most ${IMPORT_MAX_LABEL}, the header row first.`,
        },
        example,
      },
    },
  };
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query", notes: Record<string, string> = {}): ParameterObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema);
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description = notes[name], ...rest } = property as SchemaObject;
    return {
      name,
      in: where,
      ...(where === "path" || required.has(name) ? { required: true } : {}),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const errorRef = (name: ErrorResponseName): ReferenceObject => ({ $ref: `#/components/responses/${name}` });

/** A JSON body's schema as the operation shows it, and the named schemas it refers to. */
function bodySchema(e: Endpoint): { schema: SchemaObject | ReferenceObject; components: Record<string, SchemaObject> } | undefined {
  const documented = e.documentedBody ?? e.body;
  if (e.requestBody || !documented) return undefined;
  const { schema, defs } = generated(documented);
  const body = requiredByExample(schema, documented, e.example);
  if (!e.bodyName) return { schema: body, components: defs };
  return { schema: ref(e.bodyName), components: { ...defs, [e.bodyName]: body } };
}

/**
 * The request schemas the operations refer to by name, for components.schemas. One name is one
 * schema: two endpoints naming different bodies alike is a mistake in a declaration.
 */
export function requestComponents(endpoints: Endpoint[]): Record<string, SchemaObject> {
  const components: Record<string, SchemaObject> = {};
  for (const e of endpoints) {
    for (const [name, schema] of Object.entries(bodySchema(e)?.components ?? {})) {
      if (name in components && JSON.stringify(components[name]) !== JSON.stringify(schema)) {
        throw new Error(`Two request bodies are both named ${name} but differ (${e.operationId}).`);
      }
      components[name] = schema;
    }
  }
  return components;
}

/** The operation of the document, generated from the declaration. */
export function operation(e: Endpoint): OperationObject {
  const json = bodySchema(e);
  const body: RequestBodyObject | undefined =
    e.requestBody ?? (json ? { required: true, content: { "application/json": { schema: json.schema, example: e.example } } } : undefined);
  // A JSON body is read up to a limit (lib/api/read-json.ts): every operation that takes one may answer 413.
  const names = new Set<ErrorResponseName>([
    ...(e.query || e.body ? (["Validation"] as const) : []),
    "Unauthenticated",
    "Forbidden",
    ...(e.errors ?? []),
    ...(body?.content["application/json"] ? (["PayloadTooLarge"] as const) : []),
    "DatabaseUnavailable",
  ]);
  const params = [...parameters(e.params, "path", e.parameterNotes), ...parameters(e.query, "query", e.parameterNotes)];
  return {
    operationId: e.operationId,
    summary: e.summary,
    description: `${e.description}\n\n${rolesText(e.permission)}`,
    tags: e.tags,
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: { ...e.ok, ...Object.fromEntries([...names].map((n) => [ERROR_STATUS[n], errorRef(n)])) },
    "x-attest-permission": e.permission,
    "x-attest-roles": [...PERMISSIONS[e.permission]],
  };
}

// ---- Building blocks of responses, shared by the declarations and lib/api/openapi.ts ----

export const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: SchemaObject | ReferenceObject): SchemaObject => ({ anyOf: [schema, { type: "null" }] });
export const json = (schema: SchemaObject | ReferenceObject, description: string, headers?: ResponseObject["headers"]): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
export const uuid: SchemaObject = { type: "string", format: "uuid" };
export const date: SchemaObject = { type: "string", format: "date", description: "A calendar date, YYYY-MM-DD." };
export const time: SchemaObject = { type: "string", format: "date-time", description: "ISO 8601, UTC (server clock)." };
export const location = { Location: { $ref: "#/components/headers/Location" } };

/** The headers of a stored file sent as an attachment (lib/evidence/download.ts). */
export const fileHeaders: Record<string, HeaderObject> = {
  "Content-Disposition": { description: 'Always `attachment; filename="…"` with the original file name.', schema: { type: "string" } },
  "X-Content-Type-Options": { description: "`nosniff`.", schema: { type: "string", const: "nosniff" } },
  "Cache-Control": { description: "`private, no-store`.", schema: { type: "string", const: "private, no-store" } },
  "X-Attest-SHA256": {
    description: "Hex SHA-256 of the bytes (the evidence's `sha256`).",
    schema: { type: "string", pattern: "^[0-9a-f]{64}$" },
  },
  "Repr-Digest": { description: "RFC 9530: `sha-256=:<base64>:` of the same bytes.", schema: { type: "string" } },
};
