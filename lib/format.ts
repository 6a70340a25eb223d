/** A byte count for people: 1.5 MB, 100 MB, 512 bytes (binary units, as file managers show them). */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "GB"],
    [1024 ** 2, "MB"],
    [1024, "KB"],
  ];
  for (const [size, unit] of units) if (n >= size) return `${(n / size).toFixed(n % size ? 1 : 0)} ${unit}`;
  return `${n} ${n === 1 ? "byte" : "bytes"}`;
}

/**
 * A URL- and file-name-safe slug of `name`: accents dropped, lower-case letters and digits joined
 * by single hyphens, at most `maxLength` characters; "" when nothing is left (the caller picks a fallback).
 */
export function slugOf(name: string, maxLength: number): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
