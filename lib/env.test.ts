import assert from "node:assert/strict";
import { test } from "node:test";
import { env, parseEnv, parseServerEnv } from "@/lib/env";

const server = { DATABASE_URL: "postgresql://attest_app:pw@db:5432/attest", NEXTAUTH_SECRET: "s".repeat(43) };

test("a good environment: numbers are numbers, flags are booleans, unset variables take their defaults", () => {
  const parsed = parseServerEnv({
    ...server,
    PORT: "8080",
    NEXTAUTH_URL: "https://attest.example.com",
    ATTEST_SIGNIN_MAX_PER_ACCOUNT: " 7 ",
    ATTEST_UPLOAD_IDLE_SECONDS: "2.5",
    ATTEST_ALLOW_INSECURE_HTTP: "true",
    EVIDENCE_MAX_BYTES: "",
  });
  assert.equal(parsed.PORT, 8080);
  assert.equal(parsed.DATABASE_URL, server.DATABASE_URL);
  assert.equal(parsed.ATTEST_SIGNIN_MAX_PER_ACCOUNT, 7);
  assert.equal(parsed.ATTEST_UPLOAD_IDLE_SECONDS, 2.5);
  assert.equal(parsed.ATTEST_ALLOW_INSECURE_HTTP, true);
  assert.equal(parsed.EVIDENCE_MAX_BYTES, 100 * 1024 * 1024, "blank is unset");
  assert.equal(parsed.ATTEST_SIGNIN_MAX_PER_ADDRESS, 30);
  assert.equal(parsed.ATTEST_TRUSTED_PROXIES, 0);
  assert.equal(parsed.ATTEST_EMBEDDED_DB_PORT, 54329);
  assert.equal(parsed.HOST, "127.0.0.1");
  assert.equal(parsed.ATTEST_DATA_DIR, "./data");
  assert.equal(parsed.NEXT_DIST_DIR, ".next");
});

test("the build and the command-line tools need no database and no secret; the server needs both, named", () => {
  assert.equal(parseEnv({}).DATABASE_URL, undefined);
  assert.throws(() => parseServerEnv({}), /^Error: DATABASE_URL and NEXTAUTH_SECRET are not set\./);
  assert.throws(
    () => parseServerEnv({ ...server, NEXTAUTH_SECRET: " " }),
    /^Error: NEXTAUTH_SECRET is not set\. Start the app with `npm start`/,
  );
  assert.throws(() => parseServerEnv({ NEXTAUTH_SECRET: "x" }), /^Error: DATABASE_URL is not set\./);
});

test("a mistyped number is an error naming the variable, what it expects and what it got", () => {
  assert.throws(
    () => parseEnv({ ATTEST_SIGNIN_MAX_PER_ACCOUNT: "abc" }),
    (error: Error) => {
      assert.match(error.message, /ATTEST_SIGNIN_MAX_PER_ACCOUNT: expected a whole number from 1 to 1000, not "abc"/);
      return true;
    },
  );
  for (const bad of ["one", "1.5", "-1", "1e1", "0x1", "11", "NaN"]) {
    assert.throws(() => parseEnv({ ATTEST_TRUSTED_PROXIES: bad }), /ATTEST_TRUSTED_PROXIES: expected a whole number from 0 to 10/, bad);
  }
  assert.throws(() => parseEnv({ PORT: "80a" }), /PORT: expected a whole number from 1 to 65535, not "80a"/);
  assert.throws(() => parseEnv({ PORT: "70000" }), /PORT: expected a whole number from 1 to 65535/);
  assert.throws(() => parseEnv({ ATTEST_UPLOAD_IDLE_SECONDS: "0" }), /ATTEST_UPLOAD_IDLE_SECONDS: expected a positive number/);
  assert.throws(() => parseEnv({ EVIDENCE_MAX_BYTES: "100MB" }), /EVIDENCE_MAX_BYTES: expected a whole number/);
});

test("every bad variable is listed at once; URLs and flags are checked too", () => {
  assert.throws(
    () =>
      parseEnv({
        PORT: "x",
        ATTEST_SIGNIN_MAX_PER_ADDRESS: "many",
        NEXTAUTH_URL: "attest.example.com",
        DATABASE_URL: "mysql://db/attest",
        ATTEST_ALLOW_INSECURE_HTTP: "yes",
      }),
    (error: Error) => {
      assert.match(error.message, /bad values/);
      for (const name of ["PORT", "ATTEST_SIGNIN_MAX_PER_ADDRESS", "NEXTAUTH_URL", "DATABASE_URL", "ATTEST_ALLOW_INSECURE_HTTP"]) {
        assert.match(error.message, new RegExp(`^  ${name}: expected`, "m"), name);
      }
      return true;
    },
  );
});

test("env() reads process.env again when a variable changed after the first read", () => {
  const saved = process.env.ATTEST_TRUSTED_PROXIES;
  try {
    process.env.ATTEST_TRUSTED_PROXIES = "2";
    assert.equal(env().ATTEST_TRUSTED_PROXIES, 2);
    process.env.ATTEST_TRUSTED_PROXIES = "3";
    assert.equal(env().ATTEST_TRUSTED_PROXIES, 3);
    process.env.ATTEST_TRUSTED_PROXIES = "abc";
    assert.throws(() => env(), /ATTEST_TRUSTED_PROXIES: expected a whole number from 0 to 10, not "abc"/);
  } finally {
    if (saved === undefined) delete process.env.ATTEST_TRUSTED_PROXIES;
    else process.env.ATTEST_TRUSTED_PROXIES = saved;
  }
});
