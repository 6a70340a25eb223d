import { db, type Tx } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { slugify, type FeatureInput } from "@/lib/validations/feature";

// Writes to the AI feature inventory and the feature x control mapping. Each write and its
// audit-log entry share one transaction. Shared by server actions, the API and CSV import.

export const featureInclude = {
  vendors: { include: { vendor: true, model: true }, orderBy: { vendor: { name: "asc" } } },
} as const;

type FeatureWithVendors = NonNullable<Awaited<ReturnType<typeof loadFeature>>>;

export function loadFeature(tx: Tx, slug: string) {
  return tx.feature.findUnique({ where: { slug }, include: featureInclude });
}

/** The wire shape (docs/product.md, "Wire names"; also what the audit log records as before/after). */
export function featureToJson(f: FeatureWithVendors) {
  return {
    slug: f.slug,
    name: f.name,
    owner: f.owner,
    status: f.status,
    purpose: f.purpose,
    inputData: f.inputData,
    inputNotes: f.inputNotes,
    outputs: f.outputs,
    invokers: f.invokers,
    vendors: f.vendors.map((v) => ({ vendor: v.vendor.name, model: v.model?.name ?? null, fallbackStrategy: v.fallbackStrategy })),
    failureImpact: f.failureImpact,
    failureNotes: f.failureNotes,
    automatedDecisions: f.automatedDecisions,
    irreversibleActions: f.irreversibleActions,
    usesTrainingData: f.usesTrainingData,
    exposesToolServers: f.exposesToolServers,
    logsPrompts: f.logsPrompts,
    userFacing: f.userFacing,
    promptLogRetention: f.promptLogRetention,
  };
}

export type FeatureJson = ReturnType<typeof featureToJson>;

/** Vendors and models are picked by name; ones that do not exist yet are created (and audited). */
async function resolveVendors(tx: Tx, links: FeatureInput["vendors"], actor: Actor) {
  const seen = new Set<string>();
  const resolved: { vendorId: string; modelId: string | null; fallbackStrategy: string | null }[] = [];
  for (const link of links) {
    const key = link.vendor.toLowerCase();
    if (seen.has(key)) throw new AppError("VALIDATION", `The vendor ${link.vendor} is listed twice: give it once, with its model.`);
    seen.add(key);
    let vendor = await tx.vendor.findFirst({ where: { name: { equals: link.vendor, mode: "insensitive" } } });
    if (!vendor) {
      vendor = await tx.vendor.create({ data: { name: link.vendor } });
      await appendAudit(tx, actor, { action: "vendor.created", entityType: "Vendor", entityId: vendor.id, after: { name: vendor.name } });
    }
    let modelId: string | null = null;
    if (link.model) {
      const model =
        (await tx.vendorModel.findFirst({ where: { vendorId: vendor.id, name: { equals: link.model, mode: "insensitive" } } })) ??
        (await tx.vendorModel.create({ data: { vendorId: vendor.id, name: link.model } }));
      modelId = model.id;
    }
    resolved.push({ vendorId: vendor.id, modelId, fallbackStrategy: link.fallbackStrategy ?? null });
  }
  return resolved;
}

function featureData(input: FeatureInput) {
  const { vendors: _vendors, slug: _slug, ...rest } = input;
  return {
    ...rest,
    inputNotes: rest.inputNotes ?? null,
    failureNotes: rest.failureNotes ?? null,
    promptLogRetention: rest.promptLogRetention ?? null,
    retiredAt: rest.status === "RETIRED" ? new Date() : null,
  };
}

export async function createFeatureIn(tx: Tx, input: FeatureInput, actor: Actor): Promise<FeatureJson> {
  const slug = input.slug ?? slugify(input.name);
  if (await tx.feature.findUnique({ where: { slug } })) {
    throw new AppError("CONFLICT", `A feature with the slug ${slug} already exists: choose another name or slug.`, {
      slug: ["This slug is taken."],
    });
  }
  const vendors = await resolveVendors(tx, input.vendors, actor);
  await tx.feature.create({ data: { ...featureData(input), slug, vendors: { create: vendors } } });
  const after = featureToJson((await loadFeature(tx, slug))!);
  await appendAudit(tx, actor, { action: "feature.created", entityType: "Feature", entityId: slug, after });
  return after;
}

export function createFeature(input: FeatureInput, { actor }: Principal): Promise<FeatureJson> {
  return db.$transaction((tx) => createFeatureIn(tx, input, actor));
}

export function updateFeature(slug: string, input: FeatureInput, { actor }: Principal): Promise<FeatureJson> {
  return db.$transaction((tx) => updateFeatureIn(tx, slug, input, actor));
}

/** Replaces a feature's answers inside the caller's transaction (the slug never changes). */
export async function updateFeatureIn(tx: Tx, slug: string, input: FeatureInput, actor: Actor): Promise<FeatureJson> {
  const current = await loadFeature(tx, slug);
  if (!current) throw new AppError("NOT_FOUND", `There is no feature ${slug}.`);
  const before = featureToJson(current);
  const vendors = await resolveVendors(tx, input.vendors, actor);
  await tx.featureVendor.deleteMany({ where: { featureId: current.id } });
  const data = featureData(input);
  await tx.feature.update({
    where: { id: current.id },
    data: {
      ...data,
      // Retiring keeps the feature and its history; the retirement date is kept once set.
      retiredAt: data.status === "RETIRED" ? (current.retiredAt ?? new Date()) : null,
      vendors: { create: vendors },
    },
  });
  const after = featureToJson((await loadFeature(tx, slug))!);
  await appendAudit(tx, actor, {
    action: before.status !== after.status ? (after.status === "RETIRED" ? "feature.retired" : "feature.reactivated") : "feature.updated",
    entityType: "Feature",
    entityId: slug,
    before,
    after,
  });
  return after;
}

/** Changes only the status (retire / reactivate), keeping every answer. */
export function setFeatureStatus(slug: string, status: FeatureInput["status"], { actor }: Principal): Promise<FeatureJson> {
  return db.$transaction(async (tx) => {
    const current = await loadFeature(tx, slug);
    if (!current) throw new AppError("NOT_FOUND", `There is no feature ${slug}.`);
    const json = featureToJson(current);
    return updateFeatureIn(tx, slug, { ...json, slug, status }, actor);
  });
}

export interface ImportOutcome {
  created: string[];
  updated: string[];
}

/**
 * Imports rows all-or-nothing: existing slugs are updated, new ones created, in ONE transaction.
 * A failing row aborts the whole import and the error names its spreadsheet row. A CSV does not
 * carry fallback strategies, so an update keeps the ones already recorded for the same vendor.
 */
export function importFeatures(
  rows: { row: number; input: FeatureInput & { slug: string } }[],
  { actor }: Principal,
): Promise<ImportOutcome> {
  return db.$transaction(
    async (tx) => {
      const outcome: ImportOutcome = { created: [], updated: [] };
      for (const { row, input } of rows) {
        try {
          const current = await loadFeature(tx, input.slug);
          if (current) {
            const fallbacks = new Map(current.vendors.map((v) => [v.vendor.name.toLowerCase(), v.fallbackStrategy]));
            const vendors = input.vendors.map((v) => ({
              ...v,
              fallbackStrategy: v.fallbackStrategy ?? fallbacks.get(v.vendor.toLowerCase()) ?? null,
            }));
            await updateFeatureIn(tx, input.slug, { ...input, vendors }, actor);
            outcome.updated.push(input.slug);
          } else {
            await createFeatureIn(tx, input, actor);
            outcome.created.push(input.slug);
          }
        } catch (error) {
          if (error instanceof AppError) throw new AppError(error.code, `Row ${row}: ${error.message} Nothing was imported.`);
          throw error;
        }
      }
      return outcome;
    },
    { timeout: 120_000 },
  );
}
