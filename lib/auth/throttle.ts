import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Sign-in throttling per account and per address (rate-limiter-flexible: a maintained limiter with
// block durations, rather than counters written by hand). Kept in memory: one Attest server
// process serves a installation; a restart forgets failures, which only ever helps a real user.
const WINDOW_SECONDS = 15 * 60;

interface Limiters {
  account: RateLimiterMemory;
  address: RateLimiterMemory;
}

const globalLimiters = globalThis as unknown as { attestSignInLimiters?: Limiters };
function limiters(): Limiters {
  globalLimiters.attestSignInLimiters ??= {
    account: new RateLimiterMemory({
      keyPrefix: "signin-account",
      points: Number(process.env.ATTEST_SIGNIN_MAX_PER_ACCOUNT ?? 5),
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    }),
    address: new RateLimiterMemory({
      keyPrefix: "signin-address",
      points: Number(process.env.ATTEST_SIGNIN_MAX_PER_ADDRESS ?? 30),
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    }),
  };
  return globalLimiters.attestSignInLimiters;
}

/** Seconds until sign-in may be tried again for this account or address, or 0 when allowed. */
export async function signInBlockedFor(email: string, address: string): Promise<number> {
  const { account, address: byAddress } = limiters();
  const [a, b] = await Promise.all([account.get(email.toLowerCase()), byAddress.get(address)]);
  const blocked = [a && a.remainingPoints <= 0 ? a.msBeforeNext : 0, b && b.remainingPoints <= 0 ? b.msBeforeNext : 0];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  await Promise.all([
    account.consume(email.toLowerCase()).catch((e) => swallowLimit(e)),
    byAddress.consume(address).catch((e) => swallowLimit(e)),
  ]);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await limiters().account.delete(email.toLowerCase());
}

function swallowLimit(error: unknown): void {
  // consume() rejects with a RateLimiterRes when the limit is reached: that is the block itself.
  if (!(error instanceof RateLimiterRes)) throw error;
}

/** The client address as Next's server saw it (it sets x-forwarded-for from the socket). */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.split(",")[0]?.trim() || "unknown";
}

export function retryMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
