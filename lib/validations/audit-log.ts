import { z } from "zod";

// The audit-log filters, shared by the /audit-log page (searchParams) and GET /api/v1/audit-log
// (query string). Blank fields mean "no filter", as an HTML form submits them.
export const AUDIT_LOG_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** A calendar date the user chose (YYYY-MM-DD), checked to be a real day. */
const calendarDate = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "This is not a real calendar day.")
    .optional(),
);

export const auditLogFiltersSchema = z
  .object({
    actor: optionalText(320),
    entityType: optionalText(100),
    entityId: optionalText(200),
    action: optionalText(100),
    from: calendarDate,
    to: calendarDate,
    // Keyset pagination: entries with a seq below this one (the next, older page).
    cursor: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[1-9]\d{0,18}$/, "The cursor is an entry number.")
        .optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "The end date is before the start date: choose a “to” date on or after the “from” date.",
  });

export type AuditLogFilters = z.output<typeof auditLogFiltersSchema>;

/** The filters that narrow the log (everything but the page position). */
export function hasFilters(f: AuditLogFilters): boolean {
  return Boolean(f.actor || f.entityType || f.entityId || f.action || f.from || f.to);
}

/** URLSearchParams or Next's searchParams object -> the plain object the schema parses (first value wins). */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
