import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { organisationTimeZone, TIME_ZONE_SETTING } from "@/lib/org-time";
import { saveSetting } from "@/lib/settings/store";

/** Saves the organisation's time zone with its audit entry, in one transaction. */
export async function setOrganisationTimeZone(timeZone: string, { actor }: Principal): Promise<{ before: string; after: string }> {
  const before = await organisationTimeZone();
  await saveSetting(TIME_ZONE_SETTING, "timeZone", before, timeZone, actor);
  return { before, after: timeZone };
}
