"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { setOrganisationTimeZone } from "@/lib/settings/organisation";
import { setSelfReviewAllowed } from "@/lib/settings/self-review";
import { organisationSettingsSchema, selfReviewSettingSchema } from "@/lib/validations/organisation";

export const saveOrganisationAction = action("settings:manage", organisationSettingsSchema, async ({ timeZone }, principal) => {
  await setOrganisationTimeZone(timeZone, principal);
  // Every "today" (coverage, due dates, the dashboard) follows the zone.
  revalidatePath("/", "layout");
  return { ok: true, message: `The organisation's time zone is now ${timeZone}.` };
});

export const saveSelfReviewAction = action("settings:manage", selfReviewSettingSchema, async ({ allowSelfReview }, principal) => {
  const { before } = await setSelfReviewAllowed(allowSelfReview, principal);
  revalidatePath("/", "layout");
  if (before === allowSelfReview)
    return { ok: true, message: `Nothing changed: self-review was already ${allowSelfReview ? "allowed" : "not allowed"}.` };
  return {
    ok: true,
    message: allowSelfReview
      ? "Self-review is allowed: whoever uploaded evidence may now review it, and each such review is marked self-reviewed."
      : "Self-review is not allowed: evidence is reviewed by someone other than whoever uploaded it.",
  };
});
