import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { maxFailuresPerAccountAndAddress, maxFailuresPerAddress } from "@/lib/config";
import { ACCOUNT_PACE_SECONDS, ACCOUNT_SLOW_AFTER, BLOCK_MEMORY_SECONDS, WINDOW_SECONDS, blockSeconds } from "@/lib/auth/throttle-policy";

// Sign-in throttling (policy and numbers: docs/security/signin.md; arithmetic: throttle-policy.ts).
// rate-limiter-flexible keeps the counters: a maintained limiter rather than counters written by
// hand. In memory: one Attest server process serves an installation; a restart forgets failures.
//
// A point is taken from every limiter BEFORE the password is hashed, so parallel attempts cannot
// all slip past a check that only sees failures once their slow hash is done; the caller gives
// the points back when the password turned out right or was never checked.

interface Limiters {
  pair: RateLimiterMemory; // one account from one address
  pairBlocks: RateLimiterMemory; // how many times that pair was blocked in the last 24 h
  address: RateLimiterMemory; // one address, any account
  addressBlocks: RateLimiterMemory;
  account: RateLimiterMemory; // one account, any address: only ever slows
  accountPace: RateLimiterMemory;
}

const holder = globalThis as unknown as { attestSignInLimiters?: Limiters };
function limiters(): Limiters {
  holder.attestSignInLimiters ??= {
    pair: new RateLimiterMemory({ keyPrefix: "signin-pair", points: maxFailuresPerAccountAndAddress(), duration: WINDOW_SECONDS }),
    pairBlocks: new RateLimiterMemory({ keyPrefix: "signin-pair-blocks", points: 1_000_000, duration: BLOCK_MEMORY_SECONDS }),
    address: new RateLimiterMemory({ keyPrefix: "signin-address", points: maxFailuresPerAddress(), duration: WINDOW_SECONDS }),
    addressBlocks: new RateLimiterMemory({ keyPrefix: "signin-address-blocks", points: 1_000_000, duration: BLOCK_MEMORY_SECONDS }),
    account: new RateLimiterMemory({ keyPrefix: "signin-account", points: ACCOUNT_SLOW_AFTER, duration: WINDOW_SECONDS }),
    accountPace: new RateLimiterMemory({ keyPrefix: "signin-account-pace", points: 1, duration: ACCOUNT_PACE_SECONDS }),
  };
  return holder.attestSignInLimiters;
}

export type ThrottleLimit = "account-and-address" | "address" | "account";

export type SignInAttempt =
  | { allowed: true; succeeded: () => Promise<void>; notChecked: () => Promise<void> }
  | { allowed: false; retryAfterSeconds: number; limit: ThrottleLimit };

// consume() rejects with a RateLimiterRes when over the limit. Not tested with instanceof: the
// limiters live on globalThis and may have been made by another bundle of the app (the setup
// action's), whose copy of the RateLimiterRes class is a different object.
function isLimitReached(error: unknown): error is RateLimiterRes {
  return typeof error === "object" && error !== null && !(error instanceof Error) && "msBeforeNext" in error && "consumedPoints" in error;
}

/** Consumes one point; on the first overflow, blocks the key for a doubling duration. */
async function takeWithProgressiveBlock(limiter: RateLimiterMemory, blocks: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (error) {
    if (!isLimitReached(error)) throw error;
    if (error.consumedPoints !== limiter.points + 1) return Math.ceil(error.msBeforeNext / 1000);
    const { consumedPoints: blockNumber } = await blocks.consume(key);
    const seconds = blockSeconds(blockNumber);
    await limiter.block(key, seconds);
    return seconds;
  }
}

/**
 * Takes one attempt for `account` from `address`: either allowed (and the caller then reports
 * how it ended) or refused with the seconds to wait. `account` is a lower-cased e-mail address,
 * or a name without "@" for other guessable secrets (the setup code).
 */
export async function takeSignInAttempt(account: string, address: string): Promise<SignInAttempt> {
  const l = limiters();
  const pairKey = `${account}|${address}`;
  const taken: [RateLimiterMemory, string][] = [];
  const refuse = async (retryAfterSeconds: number, limit: ThrottleLimit): Promise<SignInAttempt> => {
    await Promise.all(taken.map(([limiter, key]) => limiter.reward(key)));
    return { allowed: false, retryAfterSeconds: Math.max(1, retryAfterSeconds), limit };
  };

  const pairWait = await takeWithProgressiveBlock(l.pair, l.pairBlocks, pairKey);
  if (pairWait) return refuse(pairWait, "account-and-address");
  taken.push([l.pair, pairKey]);

  const addressWait = await takeWithProgressiveBlock(l.address, l.addressBlocks, address);
  if (addressWait) return refuse(addressWait, "address");
  taken.push([l.address, address]);

  // Past ACCOUNT_SLOW_AFTER failures from all addresses together, one attempt per pace interval:
  // slow enough to stop guessing from many addresses, short enough never to lock the owner out.
  const overAccount = await l.account.consume(account).then(
    () => false,
    (error: unknown) => {
      if (isLimitReached(error)) return true;
      throw error;
    },
  );
  if (overAccount) {
    const paced = await l.accountPace.consume(account).then(
      () => 0,
      (error: unknown) => {
        if (isLimitReached(error)) return Math.ceil(error.msBeforeNext / 1000);
        throw error;
      },
    );
    if (paced) return refuse(paced, "account");
  } else {
    taken.push([l.account, account]);
  }

  return {
    allowed: true,
    // The right password: its point comes back, and this address starts afresh for this account.
    succeeded: async () => {
      await Promise.all([l.pair.delete(pairKey), l.address.reward(address), overAccount ? null : l.account.reward(account)]);
    },
    // The password was never checked (the hashing queue was full): the attempt does not count.
    notChecked: async () => {
      await Promise.all(taken.map(([limiter, key]) => limiter.reward(key)));
    },
  };
}

/**
 * Read-only: the seconds `address` (or one of `accounts` from it) must still wait, or 0. For
 * requests the sign-in route refuses before next-auth sees them (a JSON body, a longer path), so a
 * blocked caller hears "blocked" whatever shape it tries, and nothing is counted or hashed.
 */
export async function blockedSeconds(accounts: string[], address: string): Promise<number> {
  const l = limiters();
  const waits = await Promise.all([
    remaining(l.address, address),
    ...accounts.map((account) => remaining(l.pair, `${account.trim().toLowerCase()}|${address}`)),
  ]);
  return Math.max(0, ...waits);
}

async function remaining(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  return res && res.consumedPoints > limiter.points ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

export function retryMessage(seconds: number, what = "sign-in attempts"): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many ${what}. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
