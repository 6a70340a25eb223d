import { db, type Tx } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { organisationToday } from "@/lib/org-time";
import { addMonths, KIND_LABELS, packageState, type PackageKind } from "@/lib/vendors/package";
import type { VendorCreate, VendorPatch } from "@/lib/validations/vendor";

// Vendor due diligence: the vendor's terms, its annual review, the fallback of each feature that
// depends on it, and its package items (each one a piece of evidence). Every write is one
// transaction with its audit entry. Vendors are also created from the inventory's feature form
// (lib/features/service.ts), under the same audit action, "vendor.created".

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

export const vendorInclude = {
  models: { select: { name: true }, orderBy: { name: "asc" } },
  features: {
    select: {
      fallbackStrategy: true,
      feature: { select: { slug: true, name: true, status: true } },
      model: { select: { name: true } },
    },
    orderBy: { feature: { name: "asc" } },
  },
  items: {
    select: {
      id: true,
      kind: true,
      notes: true,
      createdAt: true,
      evidence: { select: { id: true, title: true, status: true, validFrom: true, validUntil: true, control: { select: { code: true } } } },
      reportType: true,
      bridgeLetter: { select: { id: true, title: true, status: true, effectiveDate: true, validUntil: true } },
    },
    orderBy: { createdAt: "desc" },
  },
  cuecs: {
    select: { id: true, text: true, createdAt: true, control: { select: { code: true, title: true } } },
    orderBy: { createdAt: "asc" },
  },
} as const;

export type VendorRow = NonNullable<Awaited<ReturnType<typeof loadVendor>>>;

export function loadVendor(client: Tx | typeof db, id: string) {
  return client.vendor.findUnique({ where: { id }, include: vendorInclude });
}

/** The wire shape: the vendor, its dependent features, its package items and the package's state on `today`. */
export function vendorToJson(v: VendorRow, today: string) {
  const terms = {
    zeroRetention: v.zeroRetention,
    trainingOptOut: v.trainingOptOut,
    dataRegion: v.dataRegion,
    lastReviewedAt: day(v.lastReviewedAt),
    nextReviewDue: day(v.nextReviewDue),
  };
  const evidence = v.items.flatMap((i) =>
    i.evidence
      ? [{ kind: i.kind, status: i.evidence.status, validFrom: day(i.evidence.validFrom), validUntil: day(i.evidence.validUntil) }]
      : [],
  );
  return {
    id: v.id,
    name: v.name,
    website: v.website,
    securityContact: v.securityContact,
    ...terms,
    transferSafeguards: v.transferSafeguards,
    incidentNotification: v.incidentNotification,
    notes: v.notes,
    relationship: v.relationship,
    subserviceMethod: v.subserviceMethod,
    models: v.models.map((m) => m.name),
    features: v.features.map((f) => ({
      slug: f.feature.slug,
      name: f.feature.name,
      status: f.feature.status,
      model: f.model?.name ?? null,
      fallbackStrategy: f.fallbackStrategy,
    })),
    packageItems: v.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      notes: i.notes,
      createdAt: i.createdAt.toISOString(),
      evidence: i.evidence
        ? {
            id: i.evidence.id,
            title: i.evidence.title,
            control: i.evidence.control.code,
            status: i.evidence.status,
            validFrom: day(i.evidence.validFrom),
            validUntil: day(i.evidence.validUntil),
          }
        : null,
      reportType: i.reportType,
      bridgeLetter: i.bridgeLetter
        ? {
            id: i.bridgeLetter.id,
            title: i.bridgeLetter.title,
            status: i.bridgeLetter.status,
            effectiveDate: day(i.bridgeLetter.effectiveDate)!,
            validUntil: day(i.bridgeLetter.validUntil),
          }
        : null,
    })),
    cuecs: v.cuecs.map((c) => ({ id: c.id, text: c.text, control: c.control?.code ?? null, createdAt: c.createdAt.toISOString() })),
    package: packageState(terms, evidence, today),
  };
}

export type VendorJson = ReturnType<typeof vendorToJson>;

/** The audited fields (no relations), for before/after. */
const auditFields = (v: VendorRow) => {
  const { models: _m, features: _f, items: _i, cuecs: _q, createdAt: _c, updatedAt: _u, ...rest } = v;
  return { ...rest, lastReviewedAt: day(v.lastReviewedAt), nextReviewDue: day(v.nextReviewDue) };
};

async function nameTaken(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.vendor.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, NOT: exceptId ? { id: exceptId } : undefined },
  });
  if (other) throw new AppError("CONFLICT", `A vendor named ${other.name} already exists.`, { name: ["This vendor already exists."] });
}

/** One vendor write under a row lock, with its audit entry (before, after and `detail`) in the same transaction. */
export async function mutate<T>(
  id: string,
  actor: Actor,
  action: string,
  change: (tx: Tx, current: VendorRow) => Promise<T>,
): Promise<VendorJson> {
  const today = await organisationToday();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Vendor" WHERE id = ${id}::uuid FOR UPDATE`;
    const current = await loadVendor(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `There is no vendor ${id}.`);
    const detail = await change(tx, current);
    const after = (await loadVendor(tx, id))!;
    await appendAudit(tx, actor, {
      action,
      entityType: "Vendor",
      entityId: id,
      before: auditFields(current),
      after: detail && typeof detail === "object" ? { ...auditFields(after), ...detail } : auditFields(after),
    });
    return vendorToJson(after, today);
  });
}

/**
 * The relationship and method after a create or patch: a sub-service organisation needs a method
 * (carve-out or inclusive); a plain vendor has none, so turning one back into a vendor clears it.
 */
export function vendorScope(
  current: Pick<VendorRow, "relationship" | "subserviceMethod"> | null,
  patch: Pick<VendorPatch, "relationship" | "subserviceMethod">,
) {
  const relationship = patch.relationship ?? current?.relationship ?? "VENDOR";
  const subserviceMethod =
    patch.subserviceMethod !== undefined ? patch.subserviceMethod : relationship === "VENDOR" ? null : (current?.subserviceMethod ?? null);
  if (relationship === "SUBSERVICE" && !subserviceMethod) {
    throw new AppError(
      "VALIDATION",
      "A sub-service organisation is scoped by the carve-out or the inclusive method: give subserviceMethod.",
      {
        subserviceMethod: ["Choose carve-out or inclusive."],
      },
    );
  }
  if (relationship === "VENDOR" && subserviceMethod) {
    throw new AppError(
      "VALIDATION",
      "Only a sub-service organisation has a method: give relationship SUBSERVICE, or subserviceMethod null.",
      {
        subserviceMethod: ["A plain vendor has no method."],
      },
    );
  }
  return { relationship, subserviceMethod };
}

export async function createVendor(input: VendorCreate, { actor }: Principal): Promise<VendorJson> {
  const today = await organisationToday();
  return db.$transaction(async (tx) => {
    await nameTaken(tx, input.name);
    const created = await tx.vendor.create({ data: { ...input, ...vendorScope(null, input) } });
    const row = (await loadVendor(tx, created.id))!;
    await appendAudit(tx, actor, { action: "vendor.created", entityType: "Vendor", entityId: created.id, after: auditFields(row) });
    return vendorToJson(row, today);
  });
}

export function updateVendor(id: string, patch: VendorPatch, { actor }: Principal): Promise<VendorJson> {
  return mutate(id, actor, "vendor.updated", async (tx, current) => {
    if (patch.name) await nameTaken(tx, patch.name, id);
    await tx.vendor.update({ where: { id }, data: { ...patch, ...vendorScope(current, patch) } });
  });
}

/** The annual review: done on `date` (not in the future), next one due a year later. */
export async function recordVendorReview(id: string, date: string, { actor }: Principal): Promise<VendorJson> {
  const today = await organisationToday();
  if (date > today) {
    throw new AppError("VALIDATION", `The review date ${date} is in the future (today is ${today}): record a review once it is done.`, {
      date: ["The review date cannot be in the future."],
    });
  }
  return mutate(id, actor, "vendor.reviewed", async (tx) => {
    await tx.vendor.update({ where: { id }, data: { lastReviewedAt: asDate(date), nextReviewDue: asDate(addMonths(date, 12)) } });
  });
}

/** A dependent feature's fallback strategy (AI-AVL-01): what happens when this vendor is down. */
export function setFallbackStrategy(id: string, slug: string, fallbackStrategy: string | null, { actor }: Principal): Promise<VendorJson> {
  return mutate(id, actor, "vendor.fallback-updated", async (tx, current) => {
    const link = current.features.find((f) => f.feature.slug === slug);
    if (!link)
      throw new AppError("NOT_FOUND", `The feature ${slug} does not depend on ${current.name}.`, { feature: ["Unknown feature."] });
    const feature = await tx.feature.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await tx.featureVendor.update({ where: { featureId_vendorId: { featureId: feature.id, vendorId: id } }, data: { fallbackStrategy } });
    return { feature: slug, fallbackStrategyBefore: link.fallbackStrategy, fallbackStrategy };
  });
}

/**
 * Files evidence as a package item, inside the caller's transaction (the evidence upload creates
 * the evidence and its item together), with its own audit entry.
 */
export async function addPackageItemIn(
  tx: Tx,
  actor: Actor,
  item: { vendorId: string; kind: PackageKind; evidenceId: string; notes?: string | null },
): Promise<void> {
  const vendor = await tx.vendor.findUnique({ where: { id: item.vendorId }, select: { id: true, name: true } });
  if (!vendor) throw new AppError("NOT_FOUND", `There is no vendor ${item.vendorId}.`, { vendor: ["Unknown vendor."] });
  const duplicate = await tx.vendorPackageItem.findFirst({
    where: { vendorId: item.vendorId, kind: item.kind, evidenceId: item.evidenceId },
    select: { id: true },
  });
  if (duplicate) {
    throw new AppError("CONFLICT", `This evidence is already ${vendor.name}'s ${KIND_LABELS[item.kind]}.`, {
      evidence: ["Already linked."],
    });
  }
  const created = await tx.vendorPackageItem.create({
    data: { vendorId: item.vendorId, kind: item.kind, evidenceId: item.evidenceId, notes: item.notes ?? null },
  });
  await appendAudit(tx, actor, {
    action: "vendor.package-item.added",
    entityType: "Vendor",
    entityId: item.vendorId,
    after: { item: created.id, kind: item.kind, evidence: item.evidenceId, notes: created.notes },
  });
}

/** Checks, before any bytes move, that an upload can become this vendor's package item. */
export async function assertVendorExists(vendorId: string): Promise<void> {
  const vendor = await db.vendor.findUnique({ where: { id: vendorId }, select: { id: true } });
  if (!vendor) throw new AppError("NOT_FOUND", `There is no vendor ${vendorId}.`, { vendor: ["Unknown vendor."] });
}

/** Links existing evidence (submitted or accepted) as a package item. */
export async function linkPackageItem(
  vendorId: string,
  link: { kind: PackageKind; evidence: string; notes?: string | null },
  { actor }: Principal,
): Promise<VendorJson> {
  const today = await organisationToday();
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidence.findUnique({ where: { id: link.evidence }, select: { id: true, status: true, title: true } });
    if (!evidence) throw new AppError("NOT_FOUND", `There is no evidence ${link.evidence}.`, { evidence: ["Unknown evidence."] });
    if (evidence.status !== "ACCEPTED" && evidence.status !== "SUBMITTED") {
      throw new AppError("CONFLICT", `“${evidence.title}” is ${evidence.status.toLowerCase()}: link accepted or submitted evidence.`, {
        evidence: ["Choose accepted or submitted evidence."],
      });
    }
    await addPackageItemIn(tx, actor, { vendorId, kind: link.kind, evidenceId: evidence.id, notes: link.notes });
    return vendorToJson((await loadVendor(tx, vendorId))!, today);
  });
}
