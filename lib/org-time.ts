import { db } from "@/lib/db";

// The organisation's calendar: "today" and every day boundary are in its time zone (a setting,
// default UTC), not the server's.

export const TIME_ZONE_SETTING = "timeZone";

export async function organisationTimeZone(): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: TIME_ZONE_SETTING } });
  const value = typeof row?.value === "string" ? row.value : "UTC";
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: value });
    return value;
  } catch {
    return "UTC";
  }
}

/** The calendar date (YYYY-MM-DD) in a time zone at an instant. */
export function dateIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export async function organisationToday(): Promise<string> {
  return dateIn(await organisationTimeZone());
}
