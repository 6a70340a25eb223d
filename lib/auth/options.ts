import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { appendAudit } from "@/lib/audit-log/append";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import { retryMessage, takeSignInAttempt } from "@/lib/auth/throttle";
import { clientAddress } from "@/lib/auth/client-address-hook";
import { logAuthEvent } from "@/lib/auth/auth-log";
import { refuseSignIn } from "@/lib/auth/signin-outcome";
import { sameOriginUrl } from "@/lib/auth/redirect";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(256),
});

/**
 * The only code that sees the credentials next-auth acts on (its own parse of the body), so the
 * throttling is enforced here: a point is taken before the password is hashed and given back
 * when it was right. Failures and throttling are logged; a success is also audited.
 */
async function authorize(credentials: Record<string, string> | undefined, headers: Record<string, unknown>) {
  const parsed = credentialsSchema.safeParse(credentials);
  const address = clientAddress(headers as Record<string, string | undefined>);
  if (!parsed.success) {
    logAuthEvent("signin.failure", { reason: "invalid_input", email: null, address });
    return null;
  }
  const { email, password } = parsed.data;
  const attempt = await takeSignInAttempt(email, address);
  if (!attempt.allowed) {
    logAuthEvent("signin.throttled", { email, address, limit: attempt.limit, retryAfterSeconds: attempt.retryAfterSeconds });
    throw refuseSignIn({
      status: 429,
      code: "TOO_MANY_REQUESTS",
      message: retryMessage(attempt.retryAfterSeconds),
      retryAfterSeconds: attempt.retryAfterSeconds,
    });
  }

  let ok: boolean;
  const user = await db.user.findUnique({ where: { email } });
  try {
    // Always run one scrypt so timing does not reveal whether the account exists.
    ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  } catch (error) {
    await attempt.notChecked();
    if (error instanceof AppError && error.code === "SERVER_BUSY") {
      logAuthEvent("signin.busy", { email, address });
      throw refuseSignIn({ status: 503, code: "SERVER_BUSY", message: error.message, retryAfterSeconds: 5 });
    }
    throw error;
  }
  if (!user || !ok || user.disabledAt) {
    const reason = !user ? "unknown_account" : !ok ? "wrong_password" : "disabled";
    logAuthEvent("signin.failure", { reason, email, address });
    return null; // one generic message for every failure
  }

  await attempt.succeeded();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await appendAudit(
      tx,
      { kind: "user", id: user.id, email: user.email, role: user.role },
      { action: "user.signed_in", entityType: "User", entityId: user.id, after: { address } },
    );
  });
  logAuthEvent("signin.success", { email, address, userId: user.id });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  // Read when next-auth handles a request, not at import: `next build` imports this without a secret.
  get secret() {
    return env().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorize(credentials, (req?.headers ?? {}) as Record<string, unknown>),
    }),
  ],
  callbacks: {
    // Only ever back to this app: the target is resolved against the app's origin and compared.
    redirect({ url, baseUrl }) {
      return sameOriginUrl(url, baseUrl);
    },
    // The JWT carries only the user id and the user's session version at sign-in; role, enabled
    // state and the current session version are re-read on every request (lib/auth/session.ts).
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : 0 };
    },
  },
};
