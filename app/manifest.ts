import type { MetadataRoute } from "next";
import { webManifest } from "@/lib/http/web-manifest";

// Next's manifest file convention: served at /manifest.webmanifest (application/manifest+json) and
// linked from every page's <head> by Next itself.
export default function manifest(): MetadataRoute.Manifest {
  return webManifest();
}
