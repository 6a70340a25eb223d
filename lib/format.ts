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
