import { z } from "zod";

// Management responses to a period's exceptions, and the reason an unlock needs
// (docs/periods-lock.md). Shared by the period page's forms and the API.

export const RESPONSE_MAX = 4000;
export const UNLOCK_REASON_MIN = 10;

/** deriveExceptions' ids: KIND:CONTROL:DATE or KIND:ID. */
export const exceptionId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(MISSING_SLOT|EVIDENCE_REJECTED|EVIDENCE_WITHDRAWN|READINESS_CHECK):[A-Za-z0-9:._-]+$/, { error: "Unknown exception." });

export const responseSchema = z.object({
  response: z
    .string({ error: "Write the response." })
    .trim()
    .min(1, { error: "Write the response." })
    .max(RESPONSE_MAX, { error: `A response can be at most ${RESPONSE_MAX} characters.` }),
});
export type ResponseInput = z.output<typeof responseSchema>;

export const unlockSchema = z.object({
  reason: z
    .string({ error: "Say why the period is unlocked." })
    .trim()
    .min(UNLOCK_REASON_MIN, { error: `Say why the period is unlocked (at least ${UNLOCK_REASON_MIN} characters).` })
    .max(1000, { error: "A reason can be at most 1000 characters." }),
});
