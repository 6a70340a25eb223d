import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { drawSample, newSeed } from "@/lib/sampling/draw";
import { loadPopulation } from "@/lib/sampling/population";
import type { PeriodSample } from "@/lib/sampling/types";
import { DEFAULT_SAMPLE_SIZE, type SampleQuery } from "@/lib/validations/sampling";

/**
 * A sample of a period's population (docs/auditors.md, "Sampling"), for the page and the CSV. Reads
 * only: nothing about the draw is stored, so auditors, who never write, can draw as often as they
 * like. Without a seed, a new one is drawn and returned (the page puts it in its URL).
 */
export async function samplePeriod(principal: Principal, periodId: string, query: SampleQuery): Promise<PeriodSample> {
  const population = await loadPopulation(principal, periodId, query.control, query.kind);
  const seed = query.seed ?? newSeed();
  const size = query.size ?? DEFAULT_SAMPLE_SIZE;
  const header = { period: population.period, control: population.control, description: population.description, today: population.today };
  switch (population.kind) {
    case "slots":
      return { ...header, kind: "slots", draw: drawSample(population.members, size, seed) };
    case "evidence":
      return { ...header, kind: "evidence", draw: drawSample(population.members, size, seed) };
    case "changes":
      return { ...header, kind: "changes", draw: drawSample(population.members, size, seed) };
  }
}
