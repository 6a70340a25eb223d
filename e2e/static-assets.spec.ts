import { expect, test } from "./fixtures";

// The static files browsers and crawlers fetch on their own, before anyone signs in: robots.txt,
// the web manifest and the icons it names, the apple-touch-icon and favicon.ico. Each answers 200
// with its own content type to an anonymous request, never a redirect to /signin.

test("robots.txt keeps every crawler out, anonymously and without a redirect", async ({ request }) => {
  const res = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  const lines = (await res.text()).split("\n").map((l) => l.trim());
  expect(lines).toContain("User-agent: *");
  expect(lines).toContain("Disallow: /");
});

test("the web manifest is valid JSON and every icon it names resolves with the right content type", async ({ request }) => {
  const res = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = JSON.parse(await res.text()) as {
    name: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.name).toBe("Attest");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["any", "192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src, { maxRedirects: 0 });
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]?.split(";")[0].trim(), icon.src).toBe(icon.type);
    expect((await file.body()).length, icon.src).toBeGreaterThan(100);
  }
});

test("the apple-touch-icon and favicon.ico answer without sign-in", async ({ request }) => {
  for (const [src, type] of [
    ["/apple-touch-icon.png", "image/png"],
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
  ] as const) {
    const res = await request.get(src, { maxRedirects: 0 });
    expect(res.status(), src).toBe(200);
    expect(res.headers()["content-type"], src).toMatch(type);
  }
});

test("the sign-in page links the manifest, the icons and the theme colour, and asks not to be indexed", async ({ page }) => {
  await page.goto("/signin");
  const head = page.locator("head");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", /^\/manifest\.webmanifest/);
  await expect(head.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", /^\/icon\.svg/);
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute("content", /^#[0-9a-f]{6}$/i);
  await expect(head.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});
