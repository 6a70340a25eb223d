import { z } from "zod";

// Every environment variable that Attest and its scripts read, in one zod schema (the variables
// scripts/test.ts hands to Playwright, such as BASE_URL, are the harness's, not configuration). It is
// parsed at start (instrumentation.ts for the server, scripts/start.ts for `npm start`), so a
// mistyped value stops the process with a message naming the variable, instead of a NaN that
// silently disables a limit. The README's configuration table is generated from this list
// (scripts/configuration-table.ts) and a unit test keeps the two the same.

const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

function wholeNumber(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected a whole number from ${min} to ${max}`).max(max, `expected a whole number from ${min} to ${max}`));
}

const port = wholeNumber(1, 65_535);
const positiveNumber = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, "expected a positive number")
  .transform(Number)
  .pipe(z.number().positive("expected a positive number"));
const flag = z.enum(["0", "1", "true", "false"], "expected 1 or 0 (true or false)").transform((v) => v === "1" || v === "true");
const text = z.string().trim();
const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" });
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "expected a postgresql:// connection string" });

interface Variable<T extends z.ZodType> {
  schema: T;
  /** As the README shows it. */
  shownDefault: string;
  meaning: string;
  /** Read by the development tools only (tests, benchmarks, migrations), not by a deployed Attest. */
  development?: boolean;
}

const variable = <T extends z.ZodType>(v: Variable<T>) => v;

export const VARIABLES = {
  DATABASE_URL: variable({
    schema: postgresUrl.optional(),
    shownDefault: "*(unset: embedded PostgreSQL)*",
    meaning:
      "the app's PostgreSQL connection string, e.g. `postgresql://attest_app:secret@db:5432/attest`: the web server connects with it",
  }),
  ATTEST_MIGRATION_DATABASE_URL: variable({
    schema: postgresUrl.optional(),
    shownDefault: "`DATABASE_URL`",
    meaning:
      "the schema owner's connection string: migrations, reference data and the command-line tools use it, the web server never sees it (see below)",
  }),
  ATTEST_DATA_DIR: variable({
    schema: text.default("./data"),
    shownDefault: "`./data`",
    meaning: "the embedded database (`postgres/`), generated secrets (`secrets.json`), and the evidence files (`evidence/`)",
  }),
  PORT: variable({ schema: port.default(3000), shownDefault: "`3000`", meaning: "HTTP port" }),
  HOST: variable({
    schema: text.default("127.0.0.1"),
    shownDefault: "`127.0.0.1`",
    meaning:
      "address to listen on; put a TLS reverse proxy in front for other machines. `npm start` refuses a non-loopback `HOST` while `NEXTAUTH_URL` is `http://…`",
  }),
  ATTEST_ALLOW_INSECURE_HTTP: variable({
    schema: flag.default(false),
    shownDefault: "`0`",
    meaning: "`1` lets `npm start` serve plain HTTP on a non-loopback `HOST` (passwords and cookies then cross the network unencrypted)",
  }),
  NEXTAUTH_SECRET: variable({
    schema: z.string().min(1).optional(),
    shownDefault: "generated into `ATTEST_DATA_DIR/secrets.json`",
    meaning: "signs session cookies; set it explicitly when several servers share one database",
  }),
  NEXTAUTH_URL: variable({
    schema: httpUrl.optional(),
    shownDefault: "`http://localhost:$PORT`",
    meaning: "the public URL users reach (use `https://…` in production: cookies become Secure, and pages send HSTS)",
  }),
  ATTEST_EMBEDDED_DB_PORT: variable({
    schema: port.default(54329),
    shownDefault: "`54329`",
    meaning: "port of the embedded PostgreSQL (loopback only); when taken, it starts on a free port and logs which",
  }),
  EVIDENCE_MAX_BYTES: variable({
    schema: wholeNumber(1, Number.MAX_SAFE_INTEGER).default(100 * 1024 * 1024),
    shownDefault: "`104857600` (100 MB)",
    meaning: "largest evidence file accepted (413 above it, enforced while the upload streams)",
  }),
  ATTEST_AUDIT_KEY: variable({
    schema: z.string().optional(),
    shownDefault: "generated into `ATTEST_DATA_DIR/secrets.json`",
    meaning:
      "keys the audit log's HMAC chain and signs its checkpoints; set it, the same everywhere, when several servers share one database ([docs/security/audit-log.md](docs/security/audit-log.md))",
  }),
  ATTEST_AUDIT_CHECKPOINT_DIR: variable({
    schema: text.optional(),
    shownDefault: "`ATTEST_DATA_DIR/audit-checkpoints`",
    meaning: "where signed audit-log checkpoints are written",
  }),
  ATTEST_SIGNIN_MAX_PER_ACCOUNT: variable({
    schema: wholeNumber(1, 1000).default(5),
    shownDefault: "`5`",
    meaning:
      "failed sign-ins per 15 minutes for one account from one address before that is blocked for 15 minutes (doubling on each repeat within 24 h, at most 4 hours); an account is only ever slowed (one attempt per 30 s after 20 failures from all addresses), never locked out: see [docs/security/signin.md](docs/security/signin.md)",
  }),
  ATTEST_SIGNIN_MAX_PER_ADDRESS: variable({
    schema: wholeNumber(1, 100_000).default(30),
    shownDefault: "`30`",
    meaning: "failed sign-ins per 15 minutes from one address for any account, before that address is blocked in the same way",
  }),
  ATTEST_TRUSTED_PROXIES: variable({
    schema: wholeNumber(0, 10).default(0),
    shownDefault: "`0`",
    meaning:
      "reverse proxies in front of Attest that append to `X-Forwarded-For`; the client address is the Nth value from the right (0: the connection's address, the header is ignored)",
  }),
  ATTEST_UPLOAD_IDLE_SECONDS: variable({
    schema: positiveNumber.default(60),
    shownDefault: "`60`",
    meaning: "an upload that receives no bytes for this long is cut off (408) and its staged file removed; see `docs/security/uploads.md`",
  }),
  ATTEST_PASSWORD: variable({
    schema: z.string().optional(),
    shownDefault: "*(read from standard input)*",
    meaning: "the new user's password for `npm run user:create`",
  }),
  NEXT_DIST_DIR: variable({
    schema: text.default(".next"),
    shownDefault: "`.next`",
    meaning: "where `next build` writes the app and `npm start` serves it from",
    development: true,
  }),
  ATTEST_MIGRATIONS_DIR: variable({
    schema: text.default("prisma/migrations"),
    shownDefault: "`prisma/migrations`",
    meaning: "the migrations that start-up applies (the migration tests point it at a scratch copy)",
    development: true,
  }),
  ATTEST_DB_LOG: variable({
    schema: flag.default(false),
    shownDefault: "`0`",
    meaning: "`1` prints the embedded PostgreSQL's own log lines",
    development: true,
  }),
  BENCH_UPLOAD_RUNS: variable({
    schema: wholeNumber(1, 1000).default(1),
    shownDefault: "`1`",
    meaning: "how many times `npm run bench` times the large upload",
    development: true,
  }),
  BENCH_EXPLAIN: variable({
    schema: flag.default(false),
    shownDefault: "`0`",
    meaning: "`1` makes `npm run bench` print EXPLAIN ANALYZE of each case's queries",
    development: true,
  }),
} as const;

type Variables = typeof VARIABLES;
export type Env = { [K in keyof Variables]: z.output<Variables[K]["schema"]> };
export type EnvSource = Record<string, string | undefined>;

const envSchema = z.object(
  Object.fromEntries(Object.entries(VARIABLES).map(([name, v]) => [name, z.preprocess(blankIsUnset, v.schema)])) as {
    [K in keyof Variables]: z.ZodPipe<z.ZodTransform<unknown, unknown>, Variables[K]["schema"]>;
  },
);

/** The environment as Attest reads it, or an error listing every bad variable and what it expects. */
export function parseEnv(source: EnvSource): Env {
  const picked = Object.fromEntries(Object.keys(VARIABLES).map((name) => [name, source[name]]));
  const result = envSchema.safeParse(picked);
  if (result.success) return result.data as Env;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}: ${issue.message}, not "${source[name]}"`;
  });
  throw new Error(
    `The environment has ${problems.length === 1 ? "a bad value" : "bad values"}; fix it and start again:\n${problems.join("\n")}`,
  );
}

/** Variables without which the web server cannot serve (the build does not need them). */
export const SERVER_REQUIRED = ["DATABASE_URL", "NEXTAUTH_SECRET"] as const satisfies (keyof Env)[];

/** parseEnv, plus an error naming each required variable that is unset. */
export function parseServerEnv(source: EnvSource): Env {
  const env = parseEnv(source);
  const missing = SERVER_REQUIRED.filter((name) => env[name] === undefined);
  if (missing.length) {
    throw new Error(
      `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set. Start the app with \`npm start\`, which runs the embedded PostgreSQL and generates the secret, or set ${missing.length === 1 ? "it" : "them"} in the environment.`,
    );
  }
  return env;
}

// Parsed once, and again only when a variable changed: `npm start`, the command-line tools and the
// unit tests set some of them (DATABASE_URL, ATTEST_DATA_DIR) after the process began.
let cached: { key: string; env: Env } | undefined;

/** The process's environment, parsed; throws the parse error on a bad value. */
export function env(): Env {
  const key = JSON.stringify(Object.keys(VARIABLES).map((name) => process.env[name] ?? null));
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}
