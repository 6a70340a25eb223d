"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { userActor } from "@/lib/auth/session";
import { createPeriod, updatePeriod } from "@/lib/periods/service";
import { periodSchema } from "@/lib/validations/period";

// The form sends the period's fields (checkbox groups repeat); on success it navigates itself.
export const createPeriodAction = action("periods:write", periodSchema, async (input, user): Promise<ActionResult<{ id: string }>> => {
  const period = await createPeriod(input, userActor(user));
  revalidatePath("/periods");
  return { ok: true, data: { id: period.id }, message: `Created ${period.name}.` };
});

const updateInput = z.intersection(z.object({ id: z.uuid({ error: "Unknown period." }) }), periodSchema);

export const updatePeriodAction = action(
  "periods:write",
  updateInput,
  async ({ id, ...input }, user): Promise<ActionResult<{ id: string }>> => {
    const period = await updatePeriod(id, input, userActor(user));
    revalidatePath("/periods");
    return { ok: true, data: { id: period.id }, message: `Saved ${period.name}.` };
  },
);
