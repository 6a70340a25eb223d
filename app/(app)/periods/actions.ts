"use server";

import { assertPeriodVisible } from "@/lib/auth/scope";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { slotEvidence, type SlotEvidence } from "@/lib/periods/heatmap";
import { createPeriod, updatePeriod } from "@/lib/periods/service";
import { periodSchema } from "@/lib/validations/period";

// The form sends the period's fields (checkbox groups repeat); on success it navigates itself.
export const createPeriodAction = action("periods:write", periodSchema, async (input, principal): Promise<ActionResult<{ id: string }>> => {
  const period = await createPeriod(input, principal);
  revalidatePath("/periods");
  return { ok: true, data: { id: period.id }, message: `Created ${period.name}.` };
});

const updateInput = z.intersection(z.object({ id: z.uuid({ error: "Unknown period." }) }), periodSchema);

export const updatePeriodAction = action(
  "periods:write",
  updateInput,
  async ({ id, ...input }, principal): Promise<ActionResult<{ id: string }>> => {
    const period = await updatePeriod(id, input, principal);
    revalidatePath("/periods");
    return { ok: true, data: { id: period.id }, message: `Saved ${period.name}.` };
  },
);

const slotInput = z.object({
  periodId: z.uuid({ error: "Unknown period." }),
  control: z.string().min(1).max(64),
  slot: z.coerce.number().int().min(0).max(10_000),
});

/** The evidence behind one heatmap cell, loaded when the cell is opened (a read: periods:read). */
export const slotEvidenceAction = action(
  "periods:read",
  slotInput,
  async ({ periodId, control, slot }, principal): Promise<ActionResult<SlotEvidence[]>> => {
    await assertPeriodVisible(principal, periodId);
    const evidence = await slotEvidence(periodId, control, slot);
    if (!evidence) throw new AppError("NOT_FOUND", "This slot is no longer in the period; reload the page.");
    return { ok: true, data: evidence };
  },
);
