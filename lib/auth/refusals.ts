import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address-hook";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/tokens";
import { logEvent } from "@/lib/log";

// One structured log line per 401/403 refusal, from the three places that refuse: API route
// handlers, server actions and pages. Shape: {"event": "auth.refused", status, code, path|action,
// userId|tokenId, address}. Refusals are rare, so finding out who asked may cost a lookup.

export const REFUSED = "auth.refused";

/** Who made a refused API call: a token's id (its prefix if unknown) or the session's user id. */
async function apiActor(request: Request, status: number): Promise<Record<string, unknown>> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer !== undefined) {
    // A 401 token is unknown, revoked or expired: its prefix is what the tokens page shows.
    const tokenPrefix = bearer.startsWith(TOKEN_PREFIX) ? bearer.slice(0, 10) : null;
    if (status !== 403 || !tokenPrefix) return { tokenPrefix };
    const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(bearer) }, select: { id: true } });
    return { tokenId: token?.id ?? null, tokenPrefix };
  }
  // The session cookie's user (the JWT alone: no database read).
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  return { userId: session?.userId ?? null };
}

export async function logApiRefusal(request: Request, status: number, code: string): Promise<void> {
  try {
    const actor = await apiActor(request, status);
    logEvent(REFUSED, {
      status,
      code,
      method: request.method,
      path: new URL(request.url).pathname,
      ...actor,
      address: clientAddress(request.headers),
    });
  } catch (error) {
    logEvent(REFUSED, { status, code, method: request.method, path: new URL(request.url).pathname, actorError: String(error) });
  }
}

/** A refused server action: which (its permission and Next's action id) and who, if signed in. */
export async function logActionRefusal(status: number, code: string, permission: string, userId: string | null): Promise<void> {
  const h = await headers().catch(() => null);
  logEvent(REFUSED, {
    status,
    code,
    action: h?.get("next-action") ?? null,
    permission,
    userId,
    address: h ? clientAddress(h) : null,
  });
}

/** A page the signed-in user's role may not open (requirePage's forbidden(): a 403). */
export async function logPageRefusal(permission: string, userId: string): Promise<void> {
  const h = await headers().catch(() => null);
  // proxy.ts sets x-attest-path on every page request (overwriting any sent by the client).
  logEvent(REFUSED, {
    status: 403,
    code: "FORBIDDEN",
    path: h?.get("x-attest-path") ?? null,
    permission,
    userId,
    address: h ? clientAddress(h) : null,
  });
}
