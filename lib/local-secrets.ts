import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";

// Secrets that a local run generates once and keeps under the data folder (mode 0600), so that
// there is never a default secret or password, and restarts keep sessions valid.
export interface LocalSecrets {
  nextauthSecret: string;
  dbPassword: string;
}

export function localSecrets(): LocalSecrets {
  const dir = dataDir();
  const file = path.join(dir, "secrets.json");
  // 0711: the embedded PostgreSQL runs as the `postgres` user when Attest runs as root, and must be
  // able to reach its own folder inside this one (listing stays private).
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    dbPassword: randomBytes(24).toString("base64url"),
  };
  // wx: if two processes race, one wins and the other reads the winner's file.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  }
  return secrets;
}
