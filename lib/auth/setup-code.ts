import { randomInt, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, publicUrl } from "@/lib/config";

// The one-time code the setup page asks for while no user exists, so that whoever first reaches a
// fresh installation over the network cannot make themselves its administrator. It is kept in the
// data folder (mode 0600), so every process of the installation agrees on it, and the server
// prints it to its console at start (instrumentation.ts). Removed once the first admin exists.

// Crockford-like: no 0/O, 1/I/L, so it can be read off a console and typed.
const ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const LENGTH = 10; // 30^10 ≈ 2^49, against a guess rate throttled to a few per address per hour

export const setupCodeFile = () => path.join(dataDir(), "setup-code");

export function generateSetupCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** As printed and typed: two groups of five. */
export const formatSetupCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** What a person typed, compared without case, spaces or dashes. */
export const normalizeSetupCode = (input: string) => input.toUpperCase().replace(/[\s-]+/g, "");

export function setupCodesMatch(input: string, expected: string): boolean {
  const a = Buffer.from(normalizeSetupCode(input));
  const b = Buffer.from(normalizeSetupCode(expected));
  return a.length === b.length && b.length > 0 && timingSafeEqual(a, b);
}

/** The installation's code, created on first use; `created` says whether this call made it. */
export function readOrCreateSetupCode(): { code: string; created: boolean } {
  const file = setupCodeFile();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o711 });
  const code = generateSetupCode();
  try {
    // wx: if two processes race, one writes and both then use what it wrote.
    fs.writeFileSync(file, `${code}\n`, { mode: 0o600, flag: "wx" });
    return { code, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { code: fs.readFileSync(file, "utf8").trim(), created: false };
  }
}

export function removeSetupCode(): void {
  fs.rmSync(setupCodeFile(), { force: true });
}

export function announceSetupCode(code: string): void {
  const url = publicUrl() ?? "http://localhost:3000";
  console.log(
    `[attest] No account exists yet. Open ${url.replace(/\/$/, "")}/setup and enter this one-time setup code: ${formatSetupCode(code)}` +
      ` (also in ${setupCodeFile()}, readable by this user only).`,
  );
}
