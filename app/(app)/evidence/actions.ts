"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { userActor } from "@/lib/auth/session";
import { reviewEvidence, withdrawEvidence } from "@/lib/evidence/service";
import { can } from "@/lib/permissions";
import { reviewSchema, withdrawSchema } from "@/lib/validations/evidence";

const id = z.uuid({ error: "Unknown evidence." });

export const reviewEvidenceAction = action(
  "evidence:review",
  reviewSchema.and(z.object({ id })),
  async ({ id, decision, reason }, user) => {
    const evidence = await reviewEvidence(id, { decision, reason }, userActor(user), { userId: user.id, tokenId: null });
    revalidatePath("/", "layout"); // the navigation counts what waits for review
    revalidatePath(`/controls/${evidence.control}`);
    return { ok: true, message: decision === "accept" ? `Accepted “${evidence.title}”.` : `Rejected “${evidence.title}”.` };
  },
);

export const withdrawEvidenceAction = action("evidence:write", withdrawSchema.extend({ id }), async ({ id, reason }, user) => {
  const evidence = await withdrawEvidence(id, reason, userActor(user), {
    userId: user.id,
    tokenId: null,
    mayReview: can(user.role, "evidence:review"), // a session: the user's role is all there is
  });
  revalidatePath("/", "layout"); // the navigation counts what waits for review
  revalidatePath(`/controls/${evidence.control}`);
  return { ok: true, message: `Withdrawn “${evidence.title}”. It stays on record with your reason.` };
});
