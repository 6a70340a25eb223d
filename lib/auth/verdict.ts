import { AppError } from "@/lib/errors";

/**
 * The answer of a rule such as "may this caller withdraw this evidence": a page shows the button
 * or the reason, the service enforces it. Rules are pure functions of the record and the Principal
 * (lib/evidence/ownership.ts, lib/access-reviews/caller-rules.ts).
 */
export type Verdict<T extends object = object> = ({ ok: true } & T) | { ok: false; reason: string };

export const allowed = { ok: true } as const;

export const refused = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** In a service: a refusal becomes the domain's forbidden error (403 by default); an allowance is returned. */
export function enforce<T extends object>(
  verdict: Verdict<T>,
  forbidden: (reason: string) => Error = (reason) => new AppError("FORBIDDEN", reason),
): { ok: true } & T {
  if (!verdict.ok) throw forbidden(verdict.reason);
  return verdict;
}
