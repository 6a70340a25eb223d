import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { logPageRefusal } from "@/lib/auth/refusals";
import { can, type Permission } from "@/lib/permissions";

/**
 * For pages: the signed-in user, or a redirect (to setup on an empty installation, to sign-in
 * otherwise, to /forbidden when the role lacks the permission). Pages are only a convenience:
 * the actions and handlers they call check again.
 */
export async function requirePage(permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    if ((await db.user.count()) === 0) redirect("/setup");
    redirect("/signin");
  }
  if (permission && !can(user.role, permission)) {
    await logPageRefusal(permission, user.id);
    redirect("/forbidden");
  }
  return user;
}
