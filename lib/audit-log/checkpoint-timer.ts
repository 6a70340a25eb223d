import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeCheckpointIfDue } from "@/lib/audit-log/checkpoint-store";

// The server anchors the audit log's head at least once a day: it looks every hour and writes a
// checkpoint when the newest one is a day old and the head has moved since (the first look is at
// start, so an upgraded installation anchors its legacy entries at once).
const LOOK_EVERY_MS = 3600_000;

export function startCheckpointTimer(db: PrismaClient): void {
  const look = () =>
    writeCheckpointIfDue(db).then(
      (c) => c && console.log(`[attest] audit checkpoint written: seq ${c.seq} (daily)`),
      (error) => console.error(`[attest] audit checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  void look();
  setInterval(look, LOOK_EVERY_MS).unref();
}
