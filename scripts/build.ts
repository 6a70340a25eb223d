// `npm run build`: next build, recorded with the sources it was made from, so that `npm start`
// serves it as it is (a container image builds this way, with no database and no secret).
import { env } from "@/lib/env";
import { buildApp } from "./build/next-build";

try {
  buildApp(env().NEXT_DIST_DIR, process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
