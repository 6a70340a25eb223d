import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/config";
import { currentPrincipal } from "@/lib/auth/session";
import { logApiRefusal } from "@/lib/auth/refusals";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/tokens";
import { tokenPrincipal, type Principal } from "@/lib/auth/principal";
import { AppError, isDatabaseUnavailable, notAllowed, notSignedIn, validationError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { refusalMessage, tokenState } from "@/lib/tokens/state";
import { JSON_BODY_LIMIT, readJsonBody } from "@/lib/api/read-json";
import type { Endpoint, Output } from "@/lib/api/endpoint";

export function jsonError(error: AppError, headers?: HeadersInit): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) } },
    { status: error.status, headers },
  );
}

/**
 * Cookie-authenticated writes must come from the app's own pages (defence in depth on top of
 * SameSite cookies). Requests without an Origin header (curl, scripts) are not browsers' cross-site requests.
 */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = [request.headers.get("x-forwarded-host"), request.headers.get("host")];
  const configured = publicUrl();
  if (configured) allowed.push(new URL(configured).host);
  return allowed.includes(host);
}

/** A bearer token, or else the session cookie. Tokens act with their role, narrowed by scopes. */
async function authenticate(request: NextRequest, permission: Permission): Promise<Principal> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !match[1].startsWith(TOKEN_PREFIX)) {
      throw new AppError("UNAUTHENTICATED", "The Authorization header must be `Bearer att_...` with an API token.");
    }
    const token = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]) },
      include: {
        createdBy: { select: { email: true, role: true, disabledAt: true } },
        user: {
          select: { id: true, email: true, name: true, role: true, disabledAt: true, periodsAudited: { select: { periodId: true } } },
        },
      },
    });
    if (!token) throw new AppError("UNAUTHENTICATED", "This API token is not known. Ask an admin for a new one.");
    // Revoked, expired, or its creator disabled or no longer in the role they made it with.
    const state = tokenState(token);
    if (state !== "active") throw new AppError("UNAUTHENTICATED", refusalMessage(state, token));
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    // A token acting for a person is that person (its uploads and reviews are theirs); the evidence
    // row still records the token. A token for nobody acts as itself.
    const principal = tokenPrincipal({ ...token, periods: token.user?.periodsAudited.map((p) => p.periodId) });
    if (!principal.may(permission)) {
      throw new AppError(
        "FORBIDDEN",
        `This token (role ${token.role}${token.scopes.length ? `, scopes ${token.scopes.join(" ")}` : ""}) does not allow ${permission}.`,
      );
    }
    return principal;
  }
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !sameOrigin(request)) {
    throw new AppError(
      "FORBIDDEN",
      "This request came from another site; a signed-in browser can only change data from Attest's own pages.",
    );
  }
  const principal = await currentPrincipal();
  if (!principal) throw notSignedIn();
  if (!principal.may(permission)) throw notAllowed();
  return principal;
}

export interface RouteContext<P, Q = undefined, B = undefined> {
  request: NextRequest;
  params: P;
  /** The query string, parsed with the endpoint's `query` schema. */
  query: Q;
  /** The JSON body, read and parsed with the endpoint's `body` schema. */
  body: B;
  /** Who is calling: the token (narrowed by its scopes) or the signed-in user. */
  caller: Principal;
}

/**
 * The one shape of every API route handler: authenticate (token or session), authorize against
 * the endpoint's permission, parse its params (a 404 when they do not fit), query and body (a 400
 * naming the field) with the schemas it declares (lib/api/endpoint.ts), run; errors become
 * {"error": {code, message}}. The same declaration generates the endpoint's OpenAPI operation.
 */
export function apiRoute<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  endpoint: Endpoint<P, Q, B>,
  handler: (ctx: RouteContext<Output<P>, Output<Q>, Output<B>>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const caller = await authenticate(request, endpoint.permission);
      const rawParams = (await context?.params) ?? {};
      const parsed = (endpoint.params ?? z.object({})).safeParse(rawParams);
      if (!parsed.success) throw new AppError("NOT_FOUND", "Nothing exists at this address.");
      const search = request.nextUrl.searchParams;
      const query = endpoint.query
        ? parseQuery(endpoint.readQuery ? endpoint.readQuery(search) : Object.fromEntries(search), endpoint.query)
        : undefined;
      const body = endpoint.body ? await parseJsonBody(request, endpoint.body, endpoint.bodyLimit) : undefined;
      return await handler({
        request,
        params: parsed.data as Output<P>,
        query: query as Output<Q>,
        body: body as Output<B>,
        caller,
      });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** An error as the API's JSON answer; 401 and 403 refusals are also logged (lib/auth/refusals.ts). */
export async function errorResponse(error: unknown, request?: Request): Promise<Response> {
  if (error instanceof AppError) {
    if (request && (error.status === 401 || error.status === 403)) await logApiRefusal(request, error.status, error.code);
    return jsonError(error);
  }
  if (isDatabaseUnavailable(error)) {
    return jsonError(new AppError("DATABASE_UNAVAILABLE", "The database cannot be reached. Try again shortly."));
  }
  console.error("[api] unexpected error", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on the server; nothing was changed. The server log has the details." } },
    { status: 500 },
  );
}

/** Parses a JSON body (at most `limit` bytes) with zod; a malformed body is a 400 that says what is wrong. */
async function parseJsonBody<S extends z.ZodType>(request: NextRequest, schema: S, limit = JSON_BODY_LIMIT): Promise<z.output<S>> {
  const body = await readJsonBody(request, limit);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, "Invalid body.");
  return parsed.data;
}

/** Parses a query string (already an object: a route may gather repeated keys its own way) with zod; bad input is a 400 naming the field. */
function parseQuery<S extends z.ZodType>(query: unknown, schema: S, fallback = "Invalid query."): z.output<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, fallback);
  return parsed.data;
}
