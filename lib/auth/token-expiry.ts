/** "90d", "12h", "1y" or "never" -> a date (or null for never). */
export function parseExpiry(value: string, now = new Date()): Date | null {
  if (value === "never") return null;
  const match = /^(\d{1,4})([hdwy])$/.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not an expiry: use a number and a unit, such as 12h, 90d, 8w or 1y, or "never".`);
  const n = Number(match[1]);
  const hours = { h: 1, d: 24, w: 24 * 7, y: 24 * 365 }[match[2] as "h" | "d" | "w" | "y"];
  if (n === 0) throw new Error("The expiry must be in the future.");
  return new Date(now.getTime() + n * hours * 3600 * 1000);
}
