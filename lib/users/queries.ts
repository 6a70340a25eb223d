import "server-only";
import { db } from "@/lib/db";

/** How many accounts exist: none means a new installation, which the first-run setup serves. */
export function userCount(): Promise<number> {
  return db.user.count();
}

/** Settings → Users: active accounts first, then by e-mail. */
export function listUsers() {
  return db.user.findMany({
    select: { id: true, name: true, email: true, role: true, disabledAt: true, lastLoginAt: true },
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
  });
}
