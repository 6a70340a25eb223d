import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { withSignInOutcome } from "@/lib/auth/signin-outcome";
import { clientAddress } from "@/lib/auth/client-address-hook";
import { logAuthEvent } from "@/lib/auth/auth-log";
import { blockedSeconds, retryMessage } from "@/lib/auth/throttle";

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

const CREDENTIALS_PATH = "/api/auth/callback/credentials";
// Exactly what the sign-in page sends. next-auth also parses JSON (and anything whose type merely
// contains "application/json"); one accepted shape leaves nothing for a second parse to differ on.
const FORM = /^application\/x-www-form-urlencoded\s*(;\s*charset=("?)utf-8\2\s*)?$/i;

export async function GET(request: NextRequest, ctx: Ctx) {
  return nextAuth(request, ctx);
}

function refused(status: number, code: string, message: string, headers?: Record<string, string>) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

const PEEK_LIMIT = 16 * 1024;

/** The e-mail addresses a refused request names, in whichever shape it came (read only to answer 429). */
async function namedAccounts(request: NextRequest): Promise<string[]> {
  const text = await request.text().catch(() => "");
  if (text.length > PEEK_LIMIT) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && "email" in parsed && typeof parsed.email === "string") return [parsed.email];
  } catch {
    // not JSON: read it as a form
  }
  return new URLSearchParams(text).getAll("email");
}

/** A caller blocked by the sign-in throttle gets 429 whatever shape it sends. */
async function blockedAnswer(request: NextRequest, address: string) {
  const seconds = await blockedSeconds(await namedAccounts(request), address);
  if (!seconds) return null;
  logAuthEvent("signin.throttled", { reason: "blocked", address, path: request.nextUrl.pathname });
  return refused(429, "TOO_MANY_REQUESTS", retryMessage(seconds), { "Retry-After": String(seconds) });
}

// Throttling is enforced in authorize() (lib/auth/options.ts), on the values next-auth itself
// uses; this handler only narrows what reaches it and turns authorize()'s refusals into 429/503.
export async function POST(request: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    const address = clientAddress(request.headers);
    const refusedShape = nextauth.length !== 2 || !FORM.test(request.headers.get("content-type") ?? "");
    if (refusedShape) {
      const blocked = await blockedAnswer(request, address);
      if (blocked) return blocked;
    }
    if (nextauth.length !== 2) {
      logAuthEvent("signin.refused", { reason: "path", path: request.nextUrl.pathname, address });
      return refused(404, "NOT_FOUND", `Nothing here: sign-in credentials are posted to ${CREDENTIALS_PATH} only.`);
    }
    if (!FORM.test(request.headers.get("content-type") ?? "")) {
      logAuthEvent("signin.refused", { reason: "content_type", contentType: request.headers.get("content-type"), address });
      return refused(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the sign-in form as application/x-www-form-urlencoded (csrfToken, email, password), as the sign-in page does.",
      );
    }
    const { result, refusal } = await withSignInOutcome(() => nextAuth(request, ctx) as Promise<Response>);
    if (!refusal) return result;
    // `url` keeps next-auth's answer shape, so its client (signIn() on the sign-in page) reads
    // the message from the `error` parameter and shows it.
    const url = new URL("/signin", request.nextUrl.origin);
    url.searchParams.set("error", refusal.message);
    return NextResponse.json(
      { url: url.toString(), error: { code: refusal.code, message: refusal.message } },
      { status: refusal.status, headers: { "Retry-After": String(refusal.retryAfterSeconds) } },
    );
  }
  return nextAuth(request, ctx);
}
