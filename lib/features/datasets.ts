import { db, type Tx } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import type { DatasetsInput } from "@/lib/validations/dataset";

// A feature's dataset manifest: where each training or fine-tuning dataset came from, who approved
// it and when, and whether PII was removed (readiness finding 5, docs/readiness.md). The manifest
// is written whole; the write and its audit entry (before and after) share one transaction.

const day = (d: Date) => d.toISOString().slice(0, 10);

export interface DatasetJson {
  name: string;
  source: string;
  approvedBy: string;
  approvedOn: string;
  piiRemoved: boolean;
  notes: string | null;
}

async function rows(tx: Tx | typeof db, featureId: string): Promise<DatasetJson[]> {
  const list = await tx.featureDataset.findMany({ where: { featureId }, orderBy: [{ approvedOn: "asc" }, { name: "asc" }] });
  return list.map((d) => ({
    name: d.name,
    source: d.source,
    approvedBy: d.approvedBy,
    approvedOn: day(d.approvedOn),
    piiRemoved: d.piiRemoved,
    notes: d.notes,
  }));
}

async function featureOf(tx: Tx | typeof db, slug: string) {
  const feature = await tx.feature.findUnique({ where: { slug }, select: { id: true, slug: true, usesTrainingData: true } });
  if (!feature) throw new AppError("NOT_FOUND", `There is no feature ${slug}.`);
  return feature;
}

export async function listDatasets(slug: string): Promise<{ feature: string; usesTrainingData: boolean; datasets: DatasetJson[] }> {
  const feature = await featureOf(db, slug);
  return { feature: feature.slug, usesTrainingData: feature.usesTrainingData, datasets: await rows(db, feature.id) };
}

/**
 * Replaces a feature's manifest. A dataset approved after today (in the organisation's time zone)
 * is refused: an approval is recorded once it happened.
 */
export function setDatasets(slug: string, input: DatasetsInput, today: string, { actor }: Principal) {
  const late = input.datasets.find((d) => d.approvedOn > today);
  if (late) {
    throw new AppError("VALIDATION", `${late.name}: the approval date ${late.approvedOn} is in the future; record it once approved.`, {
      approvedOn: ["The approval date is in the future."],
    });
  }
  return db.$transaction(async (tx) => {
    const feature = await featureOf(tx, slug);
    const before = await rows(tx, feature.id);
    await tx.featureDataset.deleteMany({ where: { featureId: feature.id } });
    if (input.datasets.length) {
      await tx.featureDataset.createMany({
        data: input.datasets.map((d) => ({
          featureId: feature.id,
          name: d.name,
          source: d.source,
          approvedBy: d.approvedBy,
          approvedOn: new Date(`${d.approvedOn}T00:00:00Z`),
          piiRemoved: d.piiRemoved,
          notes: d.notes ?? null,
        })),
      });
    }
    const after = await rows(tx, feature.id);
    await appendAudit(tx, actor, {
      action: "feature.datasets.updated",
      entityType: "Feature",
      entityId: feature.slug,
      before: { datasets: before },
      after: { datasets: after },
    });
    return { feature: feature.slug, usesTrainingData: feature.usesTrainingData, datasets: after };
  });
}
