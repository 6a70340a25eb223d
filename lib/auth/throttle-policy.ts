// The numbers of sign-in throttling (pure; documented in docs/security/signin.md).

/** Failures are counted over a fixed 15-minute window from the first one. */
export const WINDOW_SECONDS = 15 * 60;
/** A block doubles each time the same key is blocked again within this memory... */
export const BLOCK_MEMORY_SECONDS = 24 * 60 * 60;
/** ...starting at 15 minutes and never longer than 4 hours. */
export const FIRST_BLOCK_SECONDS = 15 * 60;
export const LONGEST_BLOCK_SECONDS = 4 * 60 * 60;
/** Failures on one account from all addresses together before it is slowed (never blocked). */
export const ACCOUNT_SLOW_AFTER = 20;
/** Once slowed: one attempt per this many seconds on that account, from any address. */
export const ACCOUNT_PACE_SECONDS = 30;

/** The length of the nth block (1-based) of one key within BLOCK_MEMORY_SECONDS. */
export function blockSeconds(blockNumber: number): number {
  const n = Math.max(1, Math.floor(blockNumber));
  return Math.min(FIRST_BLOCK_SECONDS * 2 ** Math.min(n - 1, 30), LONGEST_BLOCK_SECONDS);
}
