import { defineConfig } from "@playwright/test";

/** Specs about the rendered pages alone, run on the embedded run only (see the "app" project below). */
const RENDERING_ONLY = [/a11y\.spec\.ts/, /csp\.spec\.ts/, /layout\.spec\.ts/, /keyboard\.spec\.ts/, /dead-ends\.spec\.ts/];

// Run by `npm test` (scripts/test.ts), which starts the app on a fresh database and sets BASE_URL.
// Chromium is Debian's (/usr/bin/chromium): Playwright's own browser download is not available here.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One worker: several specs assert that a refused call left the whole database unchanged, which
  // only holds when no other spec writes at the same time.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Generous: a sign-in runs scrypt at OWASP parameters, and CI machines have two cores.
  timeout: 90_000,
  expect: { timeout: 25_000 },
  reporter: [["list"], ["json"]],
  outputDir: process.env.PW_OUTPUT_DIR ?? "test-results",
  use: {
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
      ],
    },
  },
  projects: [
    // The empty installation: the setup page creates the first admin. Must run first.
    { name: "first-run", testMatch: /first-run\.spec\.ts/ },
    // Accounts for every role, created after the first admin exists.
    { name: "accounts", testMatch: /accounts\.setup\.ts/, dependencies: ["first-run"] },
    {
      name: "app",
      testIgnore: [
        /first-run\.spec\.ts/,
        /accounts\.setup\.ts/,
        // npm start on a scratch copy of the project, with its own embedded PostgreSQL whatever the
        // run's database: the same test on either run, so it runs on the embedded run only (CI runs
        // both; this saves one next build of the two).
        // The specs that check what the browser is given rather than what the database holds, each a
        // crawl over every page: axe-core as each role (a11y), the Content-Security-Policy and its
        // violations (csp), no sideways scroll at 1440 px (layout), keyboard-only forms (keyboard) and
        // no link or button that ends on "Not allowed" (dead-ends). The pages and their markup are the
        // same on either database, and every query those pages run is run by the other specs on both;
        // together they take some 10 minutes of a run on two cores, so they run on the embedded run only.
        ...(process.env.ATTEST_TEST_SERVER === "external" ? [/rebuild\.spec\.ts/, ...RENDERING_ONLY] : []),
      ],
      dependencies: ["accounts"],
    },
  ],
});
