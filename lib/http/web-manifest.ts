import type { MetadataRoute } from "next";

// The web app manifest (served by app/manifest.ts at /manifest.webmanifest) and the icons it and the
// root layout name. The PNGs are made from app/icon.svg by `npm run icons` (scripts/icons.ts) and
// kept in public/, where Next serves static files as they are, to anyone: a browser asks for them
// before anyone signs in.

export const THEME_COLOR = "#111827";

/** PNG icons in public/: path, size, and whether it is the apple-touch-icon (opaque, no rounded corners). */
export const PNG_ICONS = [
  { src: "/icons/icon-192.png", size: 192, apple: false },
  { src: "/icons/icon-512.png", size: 512, apple: false },
  { src: "/apple-touch-icon.png", size: 180, apple: true },
] as const;

export const APPLE_TOUCH_ICON = PNG_ICONS.find((icon) => icon.apple)!.src;

export function webManifest(): MetadataRoute.Manifest {
  return {
    name: "Attest",
    short_name: "Attest",
    description: "SOC 2 evidence for AI and LLM features",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: THEME_COLOR,
    theme_color: THEME_COLOR,
    icons: [
      // app/icon.svg, which Next serves at /icon.svg.
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      ...PNG_ICONS.filter((icon) => !icon.apple).map((icon) => ({
        src: icon.src,
        sizes: `${icon.size}x${icon.size}`,
        type: "image/png",
      })),
    ],
  };
}
