import { z } from "zod";

// Preprocessors shared by the zod schemas that read HTML forms as well as JSON.

/** An empty or blank text field means "not given". */
export const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An empty or blank text field clears a value (null), for fields where absent means "leave as it is". */
export const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** A repeated field (an array), or one text field of comma-separated values, as a list; nothing given: []. */
export const commaList = (v: unknown) =>
  v === undefined || v === null || v === ""
    ? []
    : Array.isArray(v)
      ? v
      : typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v;

/**
 * A required field: absent, null or blank is refused with `message`, anything else goes to `schema`.
 * Zod 4 runs no check on an absent key whose schema is optional, so `.optional().refine((v) => v !==
 * undefined)` requires nothing: a JSON body without the key got through (and reached the database).
 */
export const required = <T extends z.ZodType>(schema: T, message: string) =>
  z.preprocess((v, ctx) => {
    const given = blank(v);
    if (given === undefined || given === null) {
      ctx.addIssue({ code: "custom", message, input: v });
      return z.NEVER;
    }
    return given;
  }, schema);
