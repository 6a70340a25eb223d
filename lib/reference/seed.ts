import type { PrismaClient } from "@/lib/generated/prisma/client";
import { categories, controls, criteria } from "@/prisma/reference-data";

// Not Prisma's 5-second default: a first seed takes seconds on a slow or busy machine, and an
// instance starting at the same time waits on the lock below for the first one to finish.
const SEED_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

// Loads the Trust Services categories, the official criteria and the guide's 23 controls.
// Idempotent and never overwrites a team's edits: rows are only created when missing, and a
// control's criteria mapping is only written when the control itself is created in this run.
export async function seedReferenceData(db: PrismaClient): Promise<{ controlsCreated: number }> {
  return db.$transaction(async (tx) => {
    // Serialise concurrent starts (two instances, or the app and a CLI) on the same database.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    await tx.category.createMany({ data: categories, skipDuplicates: true });
    await tx.criterion.createMany({ data: criteria, skipDuplicates: true });
    const existing = new Set((await tx.control.findMany({ select: { code: true } })).map((c) => c.code));
    let controlsCreated = 0;
    for (const control of controls) {
      if (existing.has(control.code)) continue;
      await tx.control.create({
        data: {
          code: control.code,
          title: control.title,
          description: control.description,
          category: control.category,
          expectedEvidence: control.expectedEvidence,
          frequency: control.frequency,
          criteria: { create: control.criteria.map((criterionId) => ({ criterionId })) },
        },
      });
      controlsCreated++;
    }
    return { controlsCreated };
  }, SEED_TRANSACTION);
}
