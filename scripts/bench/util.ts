// Shared by the benchmarks of scripts/bench.ts: free ports, percentiles and the timing loop.
import os from "node:os";
import { performance } from "node:perf_hooks";

export { freePort } from "@/e2e/support/database";

export const RUNS = 30;

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export interface Timing {
  label: string;
  p50: number;
  p95: number;
}

/** Runs fn RUNS times after two warm-up calls and prints p50 / p95 in milliseconds. */
export async function time(label: string, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const result = { label, p50: percentile(samples, 50), p95: percentile(samples, 95) };
  console.log(`${label.padEnd(48)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms`);
  return result;
}

export const verdict = (met: boolean) => (met ? "PASS" : "MISS");

/** The machine's load averages, printed next to figures that a busy machine would distort. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
