"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { userActor } from "@/lib/auth/session";
import { setOrganisationTimeZone } from "@/lib/settings/organisation";
import { organisationSettingsSchema } from "@/lib/validations/organisation";

export const saveOrganisationAction = action("settings:manage", organisationSettingsSchema, async ({ timeZone }, user) => {
  await setOrganisationTimeZone(timeZone, userActor(user));
  // Every "today" (coverage, due dates, the dashboard) follows the zone.
  revalidatePath("/", "layout");
  return { ok: true, message: `The organisation's time zone is now ${timeZone}.` };
});
