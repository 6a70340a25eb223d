import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { tag } from "./evidence-support";
import { ACCOUNTS, formError, signInAs } from "./support";

// Issue 14, item 9: every form is usable with the keyboard alone. Each test reaches the fields by
// Tab from where the page starts (past the navigation, as a keyboard user does), types, ticks with
// Space, submits with Enter or Space, and sees the result; and the element that has focus shows a
// ring (docs/accessibility.md). No mouse, no fill(): keys only.

// Date fields take their digits in the locale's order (month, day, year for en-US).
test.use({ locale: "en-US" });

const run = tag();

/** Presses Tab until the target has focus; fails if it takes more than `limit` presses. */
async function tabTo(page: Page, target: Locator) {
  // At most once round everything focusable (a form may list every auditor, say, on a full database).
  const limit = (await page.locator("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]").count()) + 5;
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} was not reached with ${limit} presses of Tab`);
}

/** The focused element (or, for a visually hidden one, the box it sits in) draws a visible focus ring. */
async function expectFocusRing(target: Locator, what: string) {
  const ring = await target.evaluate((el) => {
    const shown = el.classList.contains("sr-only") ? el.parentElement! : el;
    const style = getComputedStyle(shown);
    return { outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2, shadow: style.boxShadow !== "none" };
  });
  expect(ring.outline || ring.shadow, `${what} shows a focus ring when it has focus`).toBe(true);
}

test("signing in takes the keyboard alone: the fields, Enter, and the signed-in shell", async ({ page }) => {
  await page.goto("/signin");
  const email = page.getByLabel("E-mail");
  await tabTo(page, email);
  await expectFocusRing(email, "the e-mail field");
  await page.keyboard.type(ACCOUNTS.ENGINEER.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(ACCOUNTS.ENGINEER.password);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-user")).toHaveText(ACCOUNTS.ENGINEER.name);
});

test("the sidebar, links and buttons show a focus ring; the skip link jumps to the page's content", async ({ page }) => {
  await signInAs(page, "ENGINEER");
  await page.goto("/evidence");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expectFocusRing(skip, "the skip link");
  const nav = page.getByRole("navigation", { name: "Main" });
  await tabTo(page, nav.getByRole("link").first());
  await expectFocusRing(nav.getByRole("link").first(), "a sidebar link");
  await tabTo(page, page.getByRole("button", { name: "Sign out" }));
  await expectFocusRing(page.getByRole("button", { name: "Sign out" }), "a button");

  await page.goto("/evidence");
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab leaves the navigation behind: it lands in the page's own content.
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveCount(1);
  expect(await focused.evaluate((el) => el.closest("main") !== null), "after the skip link, Tab moves inside main").toBe(true);
  await expectFocusRing(focused, "a link or field in the page");
});

test("a new feature in the inventory is recorded with the keyboard alone", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/inventory/new");
  const form = page.getByRole("form", { name: "New feature" });
  const name = `Keyboard feature ${run}`;
  const type = async (label: string, text: string) => {
    await tabTo(page, form.getByLabel(label, { exact: true }));
    await page.keyboard.type(text);
  };
  const tick = async (label: string) => {
    await tabTo(page, form.getByLabel(label, { exact: true }));
    await page.keyboard.press("Space");
  };
  await type("Name", name);
  await expectFocusRing(form.getByLabel("Name", { exact: true }), "a text field");
  await type("Owner", "Keyboard team");
  await type("Purpose", "Summarises support tickets.");
  await tick("Internal");
  await type("Outputs and where they go", "A summary in the ticket.");
  await tick("Staff");
  await tick("Low");
  await expectFocusRing(form.getByLabel("Low", { exact: true }), "a radio button");
  await tabTo(page, form.getByRole("button", { name: "Create feature" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page).toHaveURL(/\/inventory\/keyboard-feature-/);
});

test("the evidence upload form's fields are reached with Tab, the link mode chosen with the arrow keys, and Enter submits", async ({
  page,
}) => {
  await signInAs(page, "ENGINEER");
  await page.goto("/evidence/upload");
  const form = page.getByRole("form", { name: "Upload evidence" });
  for (const field of [form.getByLabel("Control"), form.getByLabel("Effective date"), form.getByLabel("Description")]) {
    await tabTo(page, field);
    await expectFocusRing(field, "an upload field");
  }
  const files = form.getByLabel("Choose files");
  await tabTo(page, form.getByRole("radio", { name: "Files" }));
  await page.keyboard.press("ArrowDown");
  await expect(form.getByRole("radio", { name: "A link instead of a file" })).toBeChecked();
  await expect(files).toHaveCount(0);
  await page.keyboard.press("ArrowUp");
  await tabTo(page, files);
  await expectFocusRing(files, "the file chooser (its drop zone)");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, form.getByLabel("URL"));
  await page.keyboard.type("https://example.test/keyboard");
  await tabTo(page, form.getByLabel("Title"));
  // Enter submits; the missing control and date are named, and nothing is saved.
  await page.keyboard.press("Enter");
  await expect(form.locator(".field-error").first()).toBeVisible();
  await expect(form.getByLabel("Control")).toHaveAttribute("aria-invalid", "true");
});

test("a period is created with the keyboard alone: name, type, dates, categories, Space on the button", async ({ page }) => {
  await signInAs(page, "COMPLIANCE_LEAD");
  await page.goto("/periods/new");
  const form = page.getByRole("form", { name: "New period" });
  const name = `Keyboard period ${run}`;
  await tabTo(page, form.getByLabel("Name"));
  await page.keyboard.type(name);
  await tabTo(page, form.getByLabel("Type II", { exact: false }).first());
  await expect(form.getByLabel("End (inclusive)")).toBeVisible();
  await tabTo(page, form.getByLabel("Start"));
  await page.keyboard.type("01012016");
  await tabTo(page, form.getByLabel("End (inclusive)"));
  await page.keyboard.type("06302016");
  await expect(form.getByLabel("Start")).toHaveValue("2016-01-01");
  await expect(form.getByLabel("End (inclusive)")).toHaveValue("2016-06-30");
  await tabTo(page, form.getByLabel("Availability"));
  await page.keyboard.press("Space");
  const submit = form.getByRole("button", { name: "Create period" });
  await tabTo(page, submit);
  await expectFocusRing(submit, "the submit button");
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/periods$/);
  await expect(page.getByRole("main")).toContainText(name);
  await expect(formError(page)).toHaveCount(0);
});
