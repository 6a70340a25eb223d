import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import { clientAddress, recordSignInFailure, recordSignInSuccess } from "@/lib/auth/throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(256),
});

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({ where: { email } });
        // Always run one scrypt so timing does not reveal whether the account exists.
        const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
        if (!user || !ok || user.disabledAt) {
          await recordSignInFailure(email, clientAddress(req?.headers ?? {}));
          return null; // one generic message for every failure
        }
        await recordSignInSuccess(email);
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // The JWT carries only the user id; role and enabled state are re-read on every request.
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
