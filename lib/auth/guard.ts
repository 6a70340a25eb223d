import "server-only";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { currentPrincipal } from "@/lib/auth/session";
import type { UserPrincipal } from "@/lib/auth/principal";
import { logPageRefusal } from "@/lib/auth/refusals";
import type { Permission } from "@/lib/permissions";

/**
 * For pages: the signed-in user as a Principal; a redirect to setup on an empty installation, to sign-in
 * otherwise; when the role lacks the permission, forbidden(): the page answers 403 at its own address
 * with app/(app)/forbidden.tsx (a redirect would answer the address itself with a 3xx). Pages are only
 * a convenience: the actions and handlers they call check again.
 */
export async function requirePage(permission?: Permission): Promise<UserPrincipal> {
  const principal = await currentPrincipal();
  if (!principal) {
    if ((await db.user.count()) === 0) redirect("/setup");
    redirect("/signin");
  }
  if (permission && !principal.may(permission)) {
    await logPageRefusal(permission, principal.user.id);
    forbidden();
  }
  return principal;
}
