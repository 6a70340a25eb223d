"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { setIncidentRecord } from "@/lib/readiness/incident-records";
import { incidentRecordSchema } from "@/lib/validations/readiness";

/** Marks AI-AVL-03 evidence as the incident plan or a tabletop exercise (or unmarks it); audited. */
export const setIncidentRecordAction = action("evidence:review", incidentRecordSchema, async (input, principal) => {
  const after = await setIncidentRecord(input, principal);
  revalidatePath("/readiness");
  revalidatePath("/readiness/incident-response");
  return { ok: true, message: after ? "Marked. The change is in the audit log." : "Unmarked. The change is in the audit log." };
});
