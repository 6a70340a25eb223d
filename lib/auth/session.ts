import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/permissions";
import { userPrincipal, type UserPrincipal } from "@/lib/auth/principal";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  /** The audit periods given to this person (only an auditor's narrow what they see: lib/auth/scope.ts). */
  periods: string[];
}

/**
 * The signed-in user, re-read from the database on every request: a disabled user, a changed role
 * or a reset password (which raises the user's sessionVersion past the one the session was signed
 * in under) takes effect on the next request, not when the session cookie expires. Cached for the
 * request with React's cache(): the layout, the page and its metadata all ask, and one read answers.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      sessionVersion: true,
      periodsAudited: { select: { periodId: true } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, periods: user.periodsAudited.map((p) => p.periodId) };
});

/** For server components: the signed-in user as the Principal every domain function takes, or null. */
export async function currentPrincipal(): Promise<UserPrincipal | null> {
  const user = await currentUser();
  return user ? userPrincipal(user, user.periods) : null;
}
