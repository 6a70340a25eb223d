import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";
import { BoundedConcurrency, isQueueFull } from "@/lib/auth/bounded-concurrency";

// scrypt at OWASP's recommended parameters (N=2^17, r=8, p=1); node:crypto, no native addon.
const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

// scrypt runs on libuv's thread pool (4 threads by default), which file reads and writes share:
// 64 sign-ins at once would queue every evidence upload and download behind ~64 s of hashing.
// At most 2 hashes run at once (so 2 threads stay free for files) and 16 wait; beyond that the
// caller is told to retry (503) at once. One queue per process, shared by every bundle of the app.
export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 16;
export const BUSY_MESSAGE = "Attest is busy checking other sign-ins and passwords. Try again in a few seconds.";
const holder = globalThis as unknown as { attestPasswordHashing?: BoundedConcurrency };
const hashing = (holder.attestPasswordHashing ??= new BoundedConcurrency(HASH_CONCURRENCY, HASH_QUEUE));

async function queued<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await hashing.run(task);
  } catch (error) {
    if (isQueueFull(error)) throw new AppError("SERVER_BUSY", BUSY_MESSAGE);
    throw error;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await queued(() => scrypt(password, salt, KEY_LENGTH, PARAMS));
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await queued(() =>
    scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem }),
  );
  return timingSafeEqual(actual, expected);
}

// A hash of a random password, checked when the account does not exist, so that a wrong e-mail
// takes as long as a wrong password and does not reveal which accounts exist.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex")).catch((error: unknown) => {
    decoy = undefined; // a busy queue must not leave a rejected decoy behind for good
    throw error;
  });
  return decoy;
}
