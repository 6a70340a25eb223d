"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { markRevocationDone } from "@/lib/access-reviews/decisions";
import { signOffReview } from "@/lib/access-reviews/sign-off";
import { revocationInputSchema, signOffInputSchema } from "@/lib/validations/access-review";

const reviewId = z.uuid({ error: "Unknown access review." });

// A compliance lead signs off an access review; its record becomes accepted AI-SEC-05 evidence.
export const signOffAction = action(
  "access-reviews:write",
  z.intersection(z.object({ reviewId }), signOffInputSchema),
  async (input, principal): Promise<ActionResult<{ evidenceId: string }>> => {
    const result = await signOffReview(input.reviewId, input.statement, principal);
    revalidatePath("/access-reviews", "layout");
    revalidatePath("/evidence");
    return {
      ok: true,
      data: { evidenceId: result.evidence.id },
      message: `Signed off ${result.name}. Its record is accepted evidence for AI-SEC-05 (SHA-256 ${result.evidence.sha256.slice(0, 12)}…).`,
    };
  },
);

// A lead, or the item's reviewer, records that a revocation (or modification) was carried out.
export const markRevocationDoneAction = action(
  "access-reviews:decide",
  z.intersection(z.object({ reviewId, itemId: z.uuid({ error: "Unknown item." }) }), revocationInputSchema),
  async ({ reviewId: review, itemId, ...input }, principal): Promise<ActionResult> => {
    const done = await markRevocationDone(review, itemId, input, principal);
    revalidatePath("/access-reviews", "layout");
    return { ok: true, message: `Marked done on ${done.doneOn}: ${done.principal} on ${done.resource}.` };
  },
);
