// `npm run icons`: the PNG icons in public/ (lib/http/web-manifest.ts lists them), rendered from
// app/icon.svg with sharp (Next's own image library, already installed; works offline), and
// public/favicon.ico for the clients that ask for it without reading the page. Run it after
// changing app/icon.svg and commit the results.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { PNG_ICONS, THEME_COLOR } from "@/lib/http/web-manifest";

const root = process.cwd();
const svg = fs.readFileSync(path.join(root, "app/icon.svg"));

/** A PNG of the icon, `size` pixels square; opaque on the theme colour when `opaque` (iOS blacks out transparency). */
function render(size: number, opaque: boolean): Promise<Buffer> {
  const image = sharp(svg, { density: Math.ceil((72 * size) / 32) }).resize(size, size);
  return (opaque ? image.flatten({ background: THEME_COLOR }) : image).png({ compressionLevel: 9 }).toBuffer();
}

/** An ICO holding PNG images (allowed since Windows Vista, read by every browser). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  for (const icon of PNG_ICONS) {
    const file = path.join(root, "public", icon.src);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await render(icon.size, icon.apple));
    console.log(`[icons] ${path.relative(root, file)} (${icon.size}x${icon.size})`);
  }
  const favicon = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(size, false) })));
  fs.writeFileSync(path.join(root, "public/favicon.ico"), ico(favicon));
  console.log("[icons] public/favicon.ico (16, 32, 48)");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
