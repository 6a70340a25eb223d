import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit, SYSTEM_ACTOR } from "@/lib/audit-log/append";
import { pendingMappingAdditions } from "@/lib/reference/revisions";
import { categories, controls, criteria, REFERENCE_REVISION, REFERENCE_REVISION_KEY } from "@/prisma/reference-data";

// Not Prisma's 5-second default: a first seed takes seconds on a slow or busy machine, and an
// instance starting at the same time waits on the lock below for the first one to finish.
const SEED_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

export interface SeedResult {
  controlsCreated: number;
  criteriaCreated: number;
  /** Criteria mappings a later reference revision added to guide controls that already existed. */
  mappingsAdded: number;
}

// Loads the Trust Services categories, the official criteria and the guide's 23 controls.
// Idempotent and never overwrites a team's edits: rows are only created when missing, a control's
// criteria mapping is written in full only when the control itself is created in this run, and a
// later revision's mappings are added to existing controls once (the stored revision marks it),
// so a mapping a team removed afterwards is not put back.
export async function seedReferenceData(db: PrismaClient): Promise<SeedResult> {
  return db.$transaction(async (tx) => {
    // Serialise concurrent starts (two instances, or the app and a CLI) on the same database.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    await tx.category.createMany({ data: categories, skipDuplicates: true });
    const { count: criteriaCreated } = await tx.criterion.createMany({ data: criteria, skipDuplicates: true });
    const existing = new Map((await tx.control.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
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

    const marker = await tx.setting.findUnique({ where: { key: REFERENCE_REVISION_KEY } });
    // No marker: a fresh database (every control was just created, whole) or one seeded before
    // revisions were recorded, which had revision 1.
    const stored = typeof marker?.value === "number" ? marker.value : 1;
    let mappingsAdded = 0;
    if (stored < REFERENCE_REVISION) {
      // Only controls that existed before this run: the ones created above already have them.
      const pending = pendingMappingAdditions(stored, existing.keys());
      const held = new Set(
        (
          await tx.controlCriterion.findMany({
            where: { controlId: { in: [...existing.values()] } },
            select: { controlId: true, criterionId: true },
          })
        ).map((m) => `${m.controlId} ${m.criterionId}`),
      );
      const additions = pending.filter((a) => !held.has(`${existing.get(a.control)} ${a.criterion}`));
      await tx.controlCriterion.createMany({
        data: additions.map((a) => ({ controlId: existing.get(a.control)!, criterionId: a.criterion })),
      });
      mappingsAdded = additions.length;
      if (existing.size > 0) {
        // The global order changed when CC1-CC5 and CC7-CC9 arrived; criteria are reference data
        // that no one edits in the app, so their position follows the reference.
        for (const criterion of criteria) {
          await tx.criterion.updateMany({
            where: { id: criterion.id, NOT: { sortOrder: criterion.sortOrder } },
            data: { sortOrder: criterion.sortOrder },
          });
        }
        await appendAudit(tx, SYSTEM_ACTOR, {
          action: "reference-data.upgraded",
          entityType: "ReferenceData",
          entityId: String(REFERENCE_REVISION),
          before: { revision: stored },
          after: { revision: REFERENCE_REVISION, criteriaCreated, mappingsAdded: additions },
        });
      }
      await tx.setting.upsert({
        where: { key: REFERENCE_REVISION_KEY },
        create: { key: REFERENCE_REVISION_KEY, value: REFERENCE_REVISION },
        update: { value: REFERENCE_REVISION },
      });
    }
    return { controlsCreated, criteriaCreated, mappingsAdded };
  }, SEED_TRANSACTION);
}
