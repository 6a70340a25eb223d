"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { reviewEvidence, withdrawEvidence } from "@/lib/evidence/service";
import { reviewSchema, withdrawSchema } from "@/lib/validations/evidence";

const id = z.uuid({ error: "Unknown evidence." });

export const reviewEvidenceAction = action(
  "evidence:review",
  reviewSchema.and(z.object({ id })),
  async ({ id, decision, reason }, principal) => {
    const evidence = await reviewEvidence(id, { decision, reason }, principal);
    revalidatePath("/", "layout"); // the navigation counts what waits for review
    revalidatePath(`/controls/${evidence.control}`);
    return { ok: true, message: decision === "accept" ? `Accepted “${evidence.title}”.` : `Rejected “${evidence.title}”.` };
  },
);

export const withdrawEvidenceAction = action("evidence:write", withdrawSchema.extend({ id }), async ({ id, reason }, principal) => {
  const evidence = await withdrawEvidence(id, reason, principal);
  revalidatePath("/", "layout"); // the navigation counts what waits for review
  revalidatePath(`/controls/${evidence.control}`);
  return { ok: true, message: `Withdrawn “${evidence.title}”. It stays on record with your reason.` };
});
