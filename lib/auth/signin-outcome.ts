import { AsyncLocalStorage } from "node:async_hooks";

// next-auth turns anything authorize() throws into a 401. The sign-in route runs next-auth inside
// this store; authorize() records here why it refused (throttled, or the hashing queue full), and
// the route answers with that status instead.
export interface SignInRefusal {
  status: 429 | 503;
  code: "TOO_MANY_REQUESTS" | "SERVER_BUSY";
  message: string;
  retryAfterSeconds: number;
}

const store = new AsyncLocalStorage<{ refusal?: SignInRefusal }>();

export async function withSignInOutcome<T>(run: () => Promise<T>): Promise<{ result: T; refusal?: SignInRefusal }> {
  const outcome: { refusal?: SignInRefusal } = {};
  const result = await store.run(outcome, run);
  return { result, refusal: outcome.refusal };
}

/** Records the refusal for the route and returns an error for authorize() to throw. */
export function refuseSignIn(refusal: SignInRefusal): Error {
  const outcome = store.getStore();
  if (outcome) outcome.refusal = refusal;
  return new Error(refusal.code);
}
