import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { appendAudit, type Actor } from "@/lib/audit-log/append";
import { AppError, validationError } from "@/lib/errors";
import { organisationToday } from "@/lib/org-time";
import { checkFileName, sniffMediaType } from "@/lib/evidence/file-check";
import { canCorrectEvidence, canReviewEvidence, canWithdrawEvidence } from "@/lib/evidence/ownership";
import type { Principal } from "@/lib/auth/principal";
import { enforce } from "@/lib/auth/verdict";
import { selfReviewAllowed } from "@/lib/settings/self-review";
import { commitStaged, discardStaged, type StagedFile } from "@/lib/evidence/storage";
import { evidenceFieldsSchema, type EvidenceFields } from "@/lib/validations/evidence";
import { controlForKind, KIND_LABELS, type PackageKind } from "@/lib/vendors/package";
import { addPackageItemIn, assertVendorExists } from "@/lib/vendors/service";
import { vendorItemFieldsSchema } from "@/lib/validations/vendor";

// Evidence is immutable: a row is written once, with its bytes already safe on disk, in the same
// transaction as its audit entry. Review and withdrawal change only the state (each audited);
// a correction is a new version in the same lineage.

export const evidenceInclude = {
  control: { select: { code: true } },
  file: true,
  uploadedBy: { select: { email: true } },
  reviewedBy: { select: { email: true } },
  features: { include: { feature: { select: { slug: true } } } },
  supersededBy: { select: { id: true } },
} as const;

type EvidenceRow = NonNullable<Awaited<ReturnType<typeof loadEvidence>>>;

export function loadEvidence(tx: Tx, id: string) {
  return tx.evidence.findUnique({ where: { id }, include: evidenceInclude });
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The wire shape (docs/product.md, "Wire names"). */
export function evidenceToJson(e: EvidenceRow, tokenNames?: Map<string, string>) {
  return {
    id: e.id,
    lineageId: e.lineageId,
    version: e.version,
    supersedes: e.supersedesId,
    supersededBy: e.supersededBy?.id ?? null,
    control: e.control.code,
    title: e.title,
    description: e.description,
    effectiveDate: day(e.effectiveDate)!,
    validFrom: day(e.validFrom),
    validUntil: day(e.validUntil),
    status: e.status,
    reviewReason: e.reviewReason,
    reviewedBy: e.reviewedBy?.email ?? null,
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
    // Reviewed by the person who uploaded it (only with the organisation's allowSelfReview setting).
    selfReviewed: e.selfReviewed,
    withdrawnReason: e.withdrawnReason,
    withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
    sha256: e.fileSha256,
    size: e.file ? Number(e.file.size) : null,
    mediaType: e.file?.mediaType ?? null,
    fileName: e.fileName,
    url: e.url,
    uploadedAt: e.uploadedAt.toISOString(),
    uploadedBy:
      e.uploadedBy?.email ?? (e.uploadedByTokenId ? `token:${tokenNames?.get(e.uploadedByTokenId) ?? e.uploadedByTokenId}` : null),
    source: e.source,
    commitSha: e.commitSha,
    pullRequest: e.pullRequest,
    runUrl: e.runUrl,
    features: e.features.map((f) => f.feature.slug).sort(),
  };
}

export type EvidenceJson = ReturnType<typeof evidenceToJson>;

/** Names of the API tokens that uploaded these rows. Inside a transaction, pass it: a second connection could wait forever for a pool slot. */
export async function tokenNamesFor(
  rows: { uploadedByTokenId: string | null }[],
  client: Tx | typeof db = db,
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.uploadedByTokenId).filter((v): v is string => Boolean(v)))];
  if (!ids.length) return new Map();
  const tokens = await client.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(tokens.map((t) => [t.id, t.name]));
}

/** Optional `vendor` + `vendorItem` fields: the upload is also that vendor's package item of that kind. */
export interface VendorItemLink {
  vendorId: string;
  kind: PackageKind;
}
export type UploadFields = EvidenceFields & { vendorItem?: VendorItemLink };

/** The validity a package item's kind needs: a SOC 2 report's period, a certificate's end, a DPA's signing date. */
function vendorItemValidity(kind: PackageKind, f: EvidenceFields): Record<string, string[]> | null {
  const label = KIND_LABELS[kind];
  if (kind === "SOC2_REPORT" && (!f.validFrom || !f.validUntil))
    return { validFrom: [`A ${label} needs the period it covers: valid from (period start) and valid until (period end).`] };
  if (kind === "ISO27001_CERTIFICATE" && !f.validUntil) return { validUntil: [`An ${label} needs its “valid until” date.`] };
  if (kind === "DPA" && !f.validFrom) return { validFrom: ["A DPA needs the date it was signed, as “valid from”."] };
  return null;
}

/** Validates the fields (400 with every field's message) against the organisation's today. */
export async function parseEvidenceFields(raw: Record<string, unknown>): Promise<UploadFields> {
  const vendorParsed = vendorItemFieldsSchema.safeParse({ vendor: raw.vendor, vendorItem: raw.vendorItem });
  if (!vendorParsed.success) throw validationError(vendorParsed.error, "The vendor fields are not valid.");
  const { vendor, vendorItem: kind } = vendorParsed.data;
  const vendorItem = vendor && kind ? { vendorId: vendor, kind } : undefined;
  // A package item's control defaults by kind (controlForKind: AI-CONF-02, the vendor due-diligence control).
  if (vendorItem && (typeof raw.control !== "string" || !raw.control.trim())) raw = { ...raw, control: controlForKind(vendorItem.kind) };
  const parsed = evidenceFieldsSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The evidence fields are not valid.");
  const validity = vendorItem && vendorItemValidity(vendorItem.kind, parsed.data);
  if (validity) throw new AppError("VALIDATION", Object.values(validity)[0][0], validity);
  const today = await organisationToday();
  if (parsed.data.effectiveDate > today) {
    const message = `The effective date ${parsed.data.effectiveDate} is in the future (today is ${today}): evidence speaks for a day that has happened.`;
    throw new AppError("VALIDATION", `effectiveDate: ${message}`, { effectiveDate: [message] });
  }
  return { ...parsed.data, vendorItem };
}

/**
 * Creates evidence from validated fields and, for a file, its staged bytes: checks the name and
 * the bytes, moves them to their content address, then writes the row, its features and its
 * audit entry in one transaction. Any refusal removes the staged file.
 */
export async function createEvidence(
  fields: UploadFields,
  file: { name: string; staged: StagedFile } | undefined,
  principal: Principal,
): Promise<EvidenceJson> {
  try {
    if (fields.vendorItem) {
      // Filing a vendor's package item is a vendor write, beyond uploading evidence.
      if (!principal.may("vendors:write")) {
        throw new AppError("FORBIDDEN", "Your role does not allow adding to a vendor's package. Upload without the vendor fields.");
      }
      await assertVendorExists(fields.vendorItem.vendorId);
    }
    if (file && fields.url)
      throw new AppError("VALIDATION", "Send either a file or a url, not both.", { url: ["Remove the URL or the file."] });
    if (!file && !fields.url) throw new AppError("VALIDATION", "Attach a file or give a url.", { file: ["Attach a file or give a URL."] });
    // Everything that can refuse the upload is checked before its bytes are moved into storage.
    const control = await db.control.findUnique({ where: { code: fields.control! }, select: { id: true, code: true } });
    if (!control) throw new AppError("NOT_FOUND", `There is no control ${fields.control}.`, { control: ["Unknown control."] });
    const features = fields.features.length
      ? await db.feature.findMany({ where: { slug: { in: fields.features } }, select: { id: true, slug: true } })
      : [];
    const missing = fields.features.filter((slug) => !features.some((f) => f.slug === slug));
    if (missing.length) throw new AppError("NOT_FOUND", `There is no feature ${missing.join(", ")}.`, { features: ["Unknown feature."] });
    let lineageId: string = randomUUID();
    let version = 1;
    if (fields.supersedes) {
      const previous = await db.evidence.findUnique({
        where: { id: fields.supersedes },
        include: { supersededBy: { select: { id: true } } },
      });
      if (!previous) throw new AppError("NOT_FOUND", `There is no evidence ${fields.supersedes} to correct.`);
      // Corrections follow the withdrawal rule: the uploader, or someone who may review.
      enforce(canCorrectEvidence(previous, principal));
      if (previous.supersededBy) throw alreadyCorrected(fields.supersedes);
      if (previous.source === "GENERATED") throw generatedRecord();
      if (previous.controlId !== control.id) {
        throw new AppError("VALIDATION", "A corrected version belongs to the same control as the evidence it corrects.", {
          control: ["Use the control of the evidence being corrected."],
        });
      }
      lineageId = previous.lineageId;
      version = previous.version + 1;
    }
    let fileName: string | null = null;
    let mediaType: string | null = null;
    if (file) {
      fileName = checkFileName(file.name);
      if (file.staged.size === 0) {
        throw new AppError("VALIDATION", `${fileName} is empty (0 bytes): upload the file with its content.`, {
          file: ["The file is empty."],
        });
      }
      mediaType = await sniffMediaType(fileName, file.staged.head, file.staged.size);
      await commitStaged(file.staged);
    }
    return await db.$transaction(async (tx) => {
      if (file) {
        await tx.storedFile.upsert({
          where: { sha256: file.staged.sha256 },
          create: { sha256: file.staged.sha256, size: BigInt(file.staged.size), mediaType: mediaType! },
          update: {},
        });
      }
      const created = await tx.evidence.create({
        data: {
          lineageId,
          version,
          supersedesId: fields.supersedes ?? null,
          controlId: control.id,
          title: fields.title!,
          description: fields.description ?? null,
          effectiveDate: new Date(`${fields.effectiveDate}T00:00:00Z`),
          validFrom: fields.validFrom ? new Date(`${fields.validFrom}T00:00:00Z`) : null,
          validUntil: fields.validUntil ? new Date(`${fields.validUntil}T00:00:00Z`) : null,
          source: principal.token ? "API" : "BROWSER",
          commitSha: fields.commitSha ?? null,
          pullRequest: fields.pullRequest ?? null,
          runUrl: fields.runUrl ?? null,
          url: fields.url ?? null,
          fileSha256: file?.staged.sha256 ?? null,
          fileName,
          uploadedById: principal.user?.id ?? null,
          uploadedByTokenId: principal.token?.id ?? null,
          features: { create: features.map((f) => ({ featureId: f.id })) },
        },
      });
      const json = evidenceToJson((await loadEvidence(tx, created.id))!, await tokenNamesFor([created], tx));
      await appendAudit(tx, principal.actor, {
        action: version > 1 ? "evidence.corrected" : "evidence.created",
        entityType: "Evidence",
        entityId: created.id,
        after: json,
      });
      if (fields.vendorItem) await addPackageItemIn(tx, principal.actor, { ...fields.vendorItem, evidenceId: created.id });
      return json;
    });
  } catch (error) {
    // Two corrections of the same version racing: the unique supersedesId decides.
    if ((error as { code?: string })?.code === "P2002" && fields.supersedes) throw alreadyCorrected(fields.supersedes);
    throw error;
  } finally {
    // Committed files were renamed away; anything still staged was refused.
    if (file) await discardStaged(file.staged);
  }
}

const alreadyCorrected = (id: string) => new AppError("CONFLICT", `Evidence ${id} already has a newer version; correct the newest one.`);

async function changeState(
  id: string,
  actor: Actor,
  apply: (current: EvidenceRow) => { data: Parameters<Tx["evidence"]["update"]>[0]["data"]; action: string },
) {
  return db.$transaction(async (tx) => {
    // Lock the row so two reviewers cannot both decide.
    await tx.$queryRaw`SELECT id FROM "Evidence" WHERE id = ${id}::uuid FOR UPDATE`;
    const current = await loadEvidence(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `There is no evidence ${id}.`);
    const names = await tokenNamesFor([current], tx);
    const before = evidenceToJson(current, names);
    const { data, action } = apply(current);
    await tx.evidence.update({ where: { id }, data });
    const after = evidenceToJson((await loadEvidence(tx, id))!, names);
    await appendAudit(tx, actor, {
      action,
      entityType: "Evidence",
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, reviewReason: after.reviewReason, withdrawnReason: after.withdrawnReason },
    });
    return after;
  });
}

/**
 * Accept or reject submitted evidence. Segregation of duties (lib/evidence/ownership.ts
 * canReviewEvidence): the reviewer is a named person who did not upload it, unless the organisation
 * allows self-review, in which case the review is marked self-reviewed.
 */
export async function reviewEvidence(id: string, review: { decision: "accept" | "reject"; reason?: string }, principal: Principal) {
  const allowSelfReview = await selfReviewAllowed();
  return changeState(id, principal.actor, (current) => {
    if (current.status !== "SUBMITTED") {
      throw new AppError(
        "CONFLICT",
        `This evidence is ${current.status.toLowerCase()}, not awaiting review: only submitted evidence can be reviewed.`,
      );
    }
    if (current.supersededBy) throw new AppError("CONFLICT", "A newer version of this evidence exists: review that one.");
    const verdict = enforce(canReviewEvidence(current, principal, allowSelfReview));
    return {
      action: review.decision === "accept" ? "evidence.accepted" : "evidence.rejected",
      data: {
        status: review.decision === "accept" ? "ACCEPTED" : "REJECTED",
        reviewReason: review.reason ?? null,
        reviewedById: verdict.reviewerId,
        reviewedAt: new Date(),
        selfReviewed: verdict.selfReviewed,
      },
    };
  });
}

/** A record Attest generated (a signed-off access review's) is the signed record itself: it stays as it is. */
const generatedRecord = () =>
  new AppError(
    "CONFLICT",
    "This record was generated by Attest when an access review was signed off; it cannot be withdrawn or corrected. Its access review is locked, and the audit log keeps the sign-off.",
  );

/** The uploader (the same person, or the same API token) or a caller that may review may withdraw. */
export function withdrawEvidence(id: string, reason: string, principal: Principal) {
  return changeState(id, principal.actor, (current) => {
    if (current.status === "WITHDRAWN") throw new AppError("CONFLICT", "This evidence is already withdrawn.");
    if (current.source === "GENERATED") throw generatedRecord();
    enforce(canWithdrawEvidence(current, principal));
    return { action: "evidence.withdrawn", data: { status: "WITHDRAWN", withdrawnReason: reason, withdrawnAt: new Date() } };
  });
}
