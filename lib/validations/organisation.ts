import { z } from "zod";

// Settings → Organisation, checked the same way by the form and the server action.

/** The IANA zones this runtime knows (the select's options and the only values accepted); UTC, the default, first. */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

export const organisationSettingsSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .refine((zone) => TIME_ZONES.includes(zone), { error: "Choose a time zone from the list." }),
});

/** Settings → Organisation → segregation of duties: a ticked checkbox arrives as "on", an unticked one not at all. */
export const selfReviewSettingSchema = z.object({
  allowSelfReview: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
