import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientAddress, retryMessage, signInBlockedFor } from "@/lib/auth/throttle";

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: NextRequest, ctx: Ctx) {
  return nextAuth(request, ctx);
}

// Sign-in is throttled per account and per address before next-auth sees the attempt, so a
// blocked caller gets 429 with a message saying when to try again (next-auth has no limiter).
export async function POST(request: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    const wait = await signInBlockedFor(email, clientAddress(request.headers));
    if (wait > 0) {
      const message = retryMessage(wait);
      const url = new URL("/signin", request.nextUrl.origin);
      url.searchParams.set("error", message);
      return NextResponse.json(
        { url: url.toString(), error: { code: "TOO_MANY_REQUESTS", message } },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
  }
  return nextAuth(request, ctx);
}
