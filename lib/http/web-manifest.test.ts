import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { APPLE_TOUCH_ICON, PNG_ICONS, THEME_COLOR, webManifest } from "@/lib/http/web-manifest";

const publicFile = (src: string) => path.join(process.cwd(), "public", src);

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("every PNG icon the manifest and layout name is in public/, a PNG of the size declared (npm run icons)", () => {
  for (const icon of PNG_ICONS) {
    assert.deepEqual(pngSize(publicFile(icon.src)), { width: icon.size, height: icon.size }, icon.src);
  }
  assert.equal(APPLE_TOUCH_ICON, "/apple-touch-icon.png", "where iOS asks for it without reading the page");
  const sizes = new Set<number>(PNG_ICONS.map((i) => i.size));
  for (const size of [180, 192, 512]) assert.ok(sizes.has(size), `${size}px icon`);
});

test("the manifest names the app, its theme colour, the SVG and the 192/512 PNG icons", () => {
  const manifest = webManifest();
  assert.equal(manifest.name, "Attest");
  assert.equal(manifest.theme_color, THEME_COLOR);
  assert.deepEqual(
    manifest.icons?.map((i) => [i.src, i.sizes, i.type]),
    [
      ["/icon.svg", "any", "image/svg+xml"],
      ["/icons/icon-192.png", "192x192", "image/png"],
      ["/icons/icon-512.png", "512x512", "image/png"],
    ],
  );
  assert.ok(fs.existsSync(path.join(process.cwd(), "app/icon.svg")), "/icon.svg is app/icon.svg");
});

test("robots.txt keeps every crawler out", () => {
  const lines = fs.readFileSync(publicFile("robots.txt"), "utf8").split("\n");
  assert.ok(lines.includes("User-agent: *"));
  assert.ok(lines.includes("Disallow: /"));
});

test("favicon.ico is an ICO (clients that ask for it without reading the page)", () => {
  const bytes = fs.readFileSync(publicFile("favicon.ico"));
  assert.deepEqual([bytes.readUInt16LE(0), bytes.readUInt16LE(2)], [0, 1]);
  assert.ok(bytes.readUInt16LE(4) >= 1);
});
