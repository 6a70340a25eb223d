// Sign-in settings from the environment, parsed strictly: a value that is not a whole number is a
// start-up error naming the variable, never a silent NaN that would disable a limit.
export function wholeNumberSetting(name: string, fallback: number, { min = 0, max = 1_000_000 } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}". Fix it in the environment and start again.`);
  }
  return Number(raw);
}

/** Reverse proxies in front of Attest that append the client address to X-Forwarded-For. */
export const trustedProxyHops = () => wholeNumberSetting("ATTEST_TRUSTED_PROXIES", 0, { max: 10 });
export const maxFailuresPerAccountAndAddress = () => wholeNumberSetting("ATTEST_SIGNIN_MAX_PER_ACCOUNT", 5, { min: 1, max: 1000 });
export const maxFailuresPerAddress = () => wholeNumberSetting("ATTEST_SIGNIN_MAX_PER_ADDRESS", 30, { min: 1, max: 100_000 });
