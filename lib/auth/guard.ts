import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { currentPrincipal } from "@/lib/auth/session";
import type { UserPrincipal } from "@/lib/auth/principal";
import { logPageRefusal } from "@/lib/auth/refusals";
import type { Permission } from "@/lib/permissions";

/**
 * For pages: the signed-in user as a Principal, or a redirect (to setup on an empty installation, to sign-in
 * otherwise, to /forbidden when the role lacks the permission). Pages are only a convenience:
 * the actions and handlers they call check again.
 */
export async function requirePage(permission?: Permission): Promise<UserPrincipal> {
  const principal = await currentPrincipal();
  if (!principal) {
    if ((await db.user.count()) === 0) redirect("/setup");
    redirect("/signin");
  }
  if (permission && !principal.may(permission)) {
    await logPageRefusal(permission, principal.user.id);
    redirect("/forbidden");
  }
  return principal;
}
