import { expect, test as base } from "@playwright/test";

// The `test` every browser spec uses: its `page` fails the test on any Content-Security-Policy
// violation. Two sources, both cheap (no binding round trip): Chromium's own console report
// ("Refused to ... violates the following Content Security Policy directive"), and the DOM's
// `securitypolicyviolation` event, which an init script turns into a console line too (it also
// fires for violations the console does not report, such as those inside workers' parents).

const MARK = "[csp-violation]";

export const test = base.extend<{ cspViolations: string[] }>({
  // The violations seen so far; a spec that provokes one on purpose may inspect and clear it.
  cspViolations: async ({}, provide) => {
    await provide([]);
  },
  page: async ({ page, cspViolations }, provide) => {
    await page.addInitScript((mark) => {
      window.addEventListener(
        "securitypolicyviolation",
        (e) =>
          console.error(
            `${mark} Content Security Policy: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
          ),
        true,
      );
    }, MARK);
    page.on("console", (message) => {
      const text = message.text();
      if (text.includes(MARK) || /Content[- ]Security[- ]Policy/i.test(text)) cspViolations.push(`${page.url()}: ${text}`);
    });
    await provide(page);
    expect(cspViolations, "no Content-Security-Policy violation on any page this test opened").toEqual([]);
  },
});

export { expect };
