import { createHash, randomBytes } from "node:crypto";

// A seeded, reproducible sample (docs/auditors.md, "Sampling"). Pure: no database, no clock.
// The method is one an auditor can redo with standard tools and no knowledge of Attest: every
// member of the population gets a draw key, the SHA-256 (lowercase hex) of the UTF-8 text
// `seed + ":" + member id`; the members are ranked by key, ascending, and the sample is the first
// n. So the sample depends only on the seed and the set of ids (not on the order the database
// returns them in), the same seed always draws the same sample from the same population, and
// every member with a key at or below the last sampled key is in the sample (the cut-off).
// Why not a seeded PRNG from npm (seedrandom and the like): its sequence depends on the library's
// version and on the population's order, and an auditor cannot re-run it in a spreadsheet or a shell.

/** The method's name, printed with every sample: a changed algorithm must get a new name. */
export const SAMPLING_METHOD = "sha256-rank-v1";

export const SAMPLING_METHOD_TEXT =
  'Each member of the population gets a draw key: the SHA-256, in lowercase hex, of the text seed + ":" + member id ' +
  "(UTF-8). Members are ranked by draw key, ascending; the sample is the first n. A sample size at or above the " +
  "population size takes the whole population.";

/** A seed: letters, digits, "-" and "_", at most 64 (no ":", so seed and id never run together). */
export const SEED_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The largest sample a caller may ask for (a page of rows, not a data dump). */
export const MAX_SAMPLE_SIZE = 10_000;

/** A fresh seed: 12 lowercase hex characters (48 random bits), short enough to read out or type. */
export function newSeed(random: (bytes: number) => Buffer = randomBytes): string {
  return random(6).toString("hex");
}

/** The draw key of a member: SHA-256 of `seed:id`, lowercase hex. */
export function drawKey(seed: string, id: string): string {
  return createHash("sha256").update(`${seed}:${id}`, "utf8").digest("hex");
}

export interface Drawn<M> {
  /** 1 for the first drawn. */
  rank: number;
  key: string;
  member: M;
}

export interface Draw<M> {
  seed: string;
  method: typeof SAMPLING_METHOD;
  populationSize: number;
  /** The size asked for. */
  requested: number;
  /** The size drawn: the size asked for, or the population's when it is smaller. */
  size: number;
  /** The whole population was taken (the size asked for is at or above the population's). */
  whole: boolean;
  /** In draw order (rank 1 first). */
  sample: Drawn<M>[];
}

/**
 * Draws `requested` members of `population` with `seed`. Ids must be unique (a duplicate would
 * weigh one member twice): a programming error, so it throws.
 */
export function drawSample<M extends { id: string }>(population: readonly M[], requested: number, seed: string): Draw<M> {
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`The sample size must be a positive integer, not ${requested}.`);
  if (!SEED_PATTERN.test(seed)) throw new RangeError(`The seed ${JSON.stringify(seed)} is not letters, digits, "-" and "_" (1 to 64).`);
  const ids = new Set<string>();
  for (const member of population) {
    if (ids.has(member.id)) throw new Error(`The population holds ${member.id} twice.`);
    ids.add(member.id);
  }
  const ranked = population
    .map((member) => ({ key: drawKey(seed, member.id), member }))
    // Keys of distinct ids do not tie (SHA-256); the id decides if they ever did.
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.member.id < b.member.id ? -1 : 1));
  const size = Math.min(requested, population.length);
  return {
    seed,
    method: SAMPLING_METHOD,
    populationSize: population.length,
    requested,
    size,
    whole: requested >= population.length,
    sample: ranked.slice(0, size).map((drawn, i) => ({ rank: i + 1, ...drawn })),
  };
}
