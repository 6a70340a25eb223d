"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { writeResponse } from "@/lib/exceptions/service";
import { lockPeriod, unlockPeriod } from "@/lib/periods/lock";
import { exceptionId, responseSchema, unlockSchema } from "@/lib/validations/exception";

// A period's management responses, lock and unlock (docs/periods-lock.md), as the period page's
// forms send them. The same domain functions serve the API (app/api/v1/periods/[id]/...).

const period = z.object({ periodId: z.uuid({ error: "Unknown period." }) });

export const writeResponseAction = action(
  "periods:write",
  period.extend({ exceptionId }).extend(responseSchema.shape),
  async ({ periodId, exceptionId: id, response }, principal): Promise<ActionResult> => {
    await writeResponse(principal, periodId, id, { response });
    revalidatePath(`/periods/${periodId}`);
    return { ok: true, message: "Response saved." };
  },
);

export const lockPeriodAction = action("periods:write", period, async ({ periodId }, principal): Promise<ActionResult> => {
  const lock = await lockPeriod(periodId, principal);
  revalidatePath(`/periods/${periodId}`);
  return { ok: true, message: `Locked: figures frozen as of ${lock.lockedAt}.` };
});

export const unlockPeriodAction = action(
  "periods:write",
  period.extend(unlockSchema.shape),
  async ({ periodId, reason }, principal): Promise<ActionResult> => {
    await unlockPeriod(periodId, reason, principal);
    revalidatePath(`/periods/${periodId}`);
    return { ok: true, message: "Unlocked: the figures are computed again." };
  },
);
