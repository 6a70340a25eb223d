import { z } from "zod";

// Expected failures carry a wire code and a status; forms show the message, the API returns
// {"error": {"code", "message"}} with the status.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "VALIDATION"
  | "NOT_FOUND"
  | "CONFLICT"
  | "REQUEST_TIMEOUT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE"
  | "TOO_MANY_REQUESTS"
  | "DATABASE_UNAVAILABLE"
  | "SERVER_BUSY";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  DATABASE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notSignedIn = () => new AppError("UNAUTHENTICATED", "Sign in first: this needs an account.");
export const notAllowed = () => new AppError("FORBIDDEN", "Your role does not allow this. Ask an admin if you need it.");

/** True when the error means the database could not be reached (not a query error). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${String((error as Error)?.message ?? error)}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|57P01|57P03|Can't reach database|connection terminated|Connection terminated|DatabaseNotReachable|P1001/i.test(
    text,
  );
}

/**
 * A zod error as the app's one VALIDATION error, for actions, routes and services alike: every
 * field's messages in `fieldErrors`, and as the message the first field's first message, named
 * ("title: Give the evidence a title.") for the API, or bare for a form that shows it beside the
 * field (`named: false`); a refusal of the whole input (no field) is its own message, else `fallback`.
 */
export function validationError(error: z.ZodError<unknown>, fallback: string, { named = true } = {}): AppError {
  const flat = z.flattenError(error);
  const fields = flat.fieldErrors as Record<string, string[]>;
  const [field, messages] = Object.entries(fields)[0] ?? [];
  const first = field && messages ? (named ? `${field}: ${messages[0]}` : messages[0]) : (flat.formErrors[0] ?? fallback);
  return new AppError("VALIDATION", first, fields);
}
