import http from "node:http";
import { randomBytes, randomUUID, scryptSync } from "node:crypto";
import { baseURL, withDb, type Role } from "./support";

// Raw HTTP for the sign-in security specs. Linux routes all of 127.0.0.0/8 to the loopback
// interface, so binding the client socket to 127.0.0.N makes the server see a distinct client
// address for each N: the specs can act as many callers without touching the 127.0.0.1 budget
// that every other spec signs in from.

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(options: {
  method?: string;
  path: string;
  from?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawResponse> {
  const url = new URL(options.path, baseURL());
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        localAddress: options.from,
        headers: { Host: url.host, Connection: "close", ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const cookiePairs = (res: RawResponse) => (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** next-auth's CSRF token and the cookie it must travel with. */
export async function csrfFrom(from?: string): Promise<{ token: string; cookie: string }> {
  const res = await rawRequest({ path: "/api/auth/csrf", from });
  return { token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken, cookie: cookiePairs(res).join("; ") };
}

/** True when the response set a next-auth session cookie (a sign-in that went through). */
export const setsSession = (res: RawResponse) => cookiePairs(res).some((c) => /session-token=./.test(c));

/** A form-encoded credentials POST, as the sign-in page sends it; `form` may repeat keys. */
export async function postCredentials(options: {
  from?: string;
  fields: [string, string][];
  path?: string;
  headers?: Record<string, string>;
  csrf?: { token: string; cookie: string };
}): Promise<RawResponse> {
  const csrf = options.csrf ?? (await csrfFrom(options.from));
  const body = new URLSearchParams([["csrfToken", csrf.token], ...options.fields, ["json", "true"]]).toString();
  return rawRequest({
    method: "POST",
    path: options.path ?? "/api/auth/callback/credentials",
    from: options.from,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie, ...options.headers },
    body,
  });
}

export interface Throwaway {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** The app's scrypt format with OWASP parameters, as accounts.setup.ts writes it. */
function hash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${2 ** 17}$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function createThrowawayUser(role: Role, label: string): Promise<Throwaway> {
  const suffix = randomBytes(4).toString("hex");
  const user = {
    id: randomUUID(),
    email: `${label}.${suffix}@example.test`,
    name: `Throwaway ${label} ${suffix}`,
    password: `throwaway passphrase ${suffix}`,
  };
  await withDb((c) =>
    c.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
      user.id,
      user.email,
      user.name,
      role,
      hash(user.password),
    ]),
  );
  return user;
}

export const lastLoginAt = (userId: string) =>
  withDb(async (c) => (await c.query(`SELECT "lastLoginAt" FROM "User" WHERE id = $1`, [userId])).rows[0].lastLoginAt as Date | null);
