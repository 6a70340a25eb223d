import "server-only";
import { z } from "zod";
import { logActionRefusal } from "@/lib/auth/refusals";
import { currentPrincipal } from "@/lib/auth/session";
import type { UserPrincipal } from "@/lib/auth/principal";
import { AppError, isDatabaseUnavailable, notAllowed, notSignedIn, validationError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: { code: string; message: string }; fieldErrors?: Record<string, string[]> };

export type ActionState<T = undefined> = ActionResult<T> | null;

/** FormData -> plain object; a key given several times (checkboxes, multi-selects) becomes an array. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * The one shape of every server action: authenticate, authorize against the permission map,
 * parse the input with zod, then run with the caller as a Principal. Server actions are public POST endpoints, so the check
 * is here, whatever the page already hid. Expected failures come back as values the form shows.
 */
export function action<S extends z.ZodType, T = undefined>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, principal: UserPrincipal) => Promise<ActionResult<T> | void>,
) {
  return async (_previous: unknown, input: unknown): Promise<ActionResult<T>> => {
    let principal: UserPrincipal | null = null;
    try {
      principal = await currentPrincipal();
      if (!principal) throw notSignedIn();
      if (!principal.may(permission)) throw notAllowed();
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const parsed = schema.safeParse(raw);
      // The form shows each message beside its field, so the summary is the first one, unnamed.
      if (!parsed.success) throw validationError(parsed.error, "Check the highlighted fields.", { named: false });
      return (await run(parsed.data, principal)) ?? { ok: true };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.status === 401 || error.status === 403)
          await logActionRefusal(error.status, error.code, permission, principal?.user.id ?? null);
        return { ok: false, error: { code: error.code, message: error.message }, fieldErrors: error.fieldErrors };
      }
      if (isDatabaseUnavailable(error)) {
        return {
          ok: false,
          error: {
            code: "DATABASE_UNAVAILABLE",
            message: "The database cannot be reached, so nothing was saved. Try again in a moment; if it persists, tell your admin.",
          },
        };
      }
      // Next's redirect() and notFound() work by throwing; let them (and real bugs) through.
      throw error;
    }
  };
}
