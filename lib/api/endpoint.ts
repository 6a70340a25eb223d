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

/** What a request may send (io: "input": a preprocessed field is documented as the field it becomes). */
export function jsonSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest as SchemaObject;
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

/** The operation of the document, generated from the declaration. */
export function operation(e: Endpoint): OperationObject {
  const documented = e.documentedBody ?? e.body;
  const body: RequestBodyObject | undefined =
    e.requestBody ??
    (documented
      ? {
          required: true,
          content: { "application/json": { schema: requiredByExample(jsonSchema(documented), documented, e.example), example: e.example } },
        }
      : undefined);
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
