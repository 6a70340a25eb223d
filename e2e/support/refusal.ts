import { expect, type Page } from "@playwright/test";

/**
 * Opens a page the signed-in role may not open: it answers 403 at its own address (no redirect)
 * with the "Not allowed" page (app/(app)/forbidden.tsx), which says what to do next.
 */
export async function expectNotAllowed(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), `${url} is refused with 403`).toBe(403);
  expect(new URL(page.url()).pathname, `${url} is refused where it is, not redirected`).toBe(new URL(url, page.url()).pathname);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
}
