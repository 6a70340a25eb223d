"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { decideItem } from "@/lib/access-reviews/decisions";
import { decisionInputSchema } from "@/lib/validations/access-review";

const LABEL = { KEEP: "Kept", REVOKE: "Revoke", MODIFY: "Modify" } as const;

const input = z.intersection(
  z.object({ reviewId: z.uuid({ error: "Unknown access review." }), itemId: z.uuid({ error: "Unknown item." }) }),
  decisionInputSchema,
);

// The reviewer decides one item from their inbox; the page shows the new state.
export const decideItemAction = action(
  "access-reviews:decide",
  input,
  async ({ reviewId, itemId, ...decision }, principal): Promise<ActionResult<{ decision: string }>> => {
    const item = await decideItem(reviewId, itemId, decision, principal);
    revalidatePath("/access-reviews", "layout");
    return {
      ok: true,
      data: { decision: item.decision! },
      message: `${LABEL[item.decision as keyof typeof LABEL]}: ${item.principal} on ${item.resource}.`,
    };
  },
);
