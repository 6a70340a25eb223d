import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { evidenceMaxBytes } from "@/lib/config";
import { uploadControlChoices } from "@/lib/controls/queries";
import { evidenceToCorrect } from "@/lib/evidence/queries";
import { activeFeatureChoices } from "@/lib/features/queries";
import { formatBytes } from "@/lib/format";
import { organisationToday } from "@/lib/org-time";
import { UploadEvidence } from "@/components/evidence/upload-evidence";
import { controlForKind, KIND_LABELS, PACKAGE_KINDS } from "@/lib/vendors/package";
import { vendorName } from "@/lib/vendors/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload evidence" };

const searchSchema = z.object({
  control: z.string().max(40).optional().catch(undefined),
  supersedes: z.uuid().optional().catch(undefined),
  // From a vendor's page: the upload is also that vendor's package item of this kind.
  vendor: z.uuid().optional().catch(undefined),
  vendorItem: z.enum(PACKAGE_KINDS).optional().catch(undefined),
  // From a change that is not evaluated: what the evaluation names, and the day it must not be after.
  commitSha: z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/)
    .optional()
    .catch(undefined),
  pullRequest: z.string().max(500).optional().catch(undefined),
  mergedOn: z.iso.date().optional().catch(undefined),
});

export default async function UploadEvidencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requirePage("evidence:write");
  const query = searchSchema.parse(await searchParams);
  // Filing into a vendor's package is a vendor write: the preset is for compliance leads and admins.
  const vendorPreset = principal.may("vendors:write") && query.vendorItem ? query.vendor : undefined;
  const [controls, features, today, previous, vendor] = await Promise.all([
    uploadControlChoices(),
    activeFeatureChoices(),
    organisationToday(),
    query.supersedes ? evidenceToCorrect(query.supersedes) : null,
    vendorPreset ? vendorName(vendorPreset) : null,
  ]);
  const correcting = previous && !previous.supersededBy ? previous : null;
  const vendorItem =
    vendor && query.vendorItem && !correcting
      ? { vendorId: vendor.id, vendorName: vendor.name, kind: query.vendorItem, label: KIND_LABELS[query.vendorItem] }
      : null;
  return (
    <>
      <p>
        <Link href="/evidence">← Evidence</Link>
      </p>
      <h1>{correcting ? "Upload a corrected version" : "Upload evidence"}</h1>
      <p className="lede">
        {correcting ? (
          <>
            This upload becomes version {correcting.version + 1} of <Link href={`/evidence/${correcting.id}`}>{correcting.title}</Link>. The
            earlier version and its bytes stay as they are.
          </>
        ) : (
          <>
            Each file becomes its own piece of evidence for the control, dated by its effective date: the day it speaks for, not the day you
            upload it. Files are hashed (SHA-256) and never changed; up to {formatBytes(evidenceMaxBytes())} each.
          </>
        )}
      </p>
      {vendorItem && (
        <p role="note" className="alert warn" data-vendor-item={vendorItem.kind}>
          This upload is filed as the <strong>{vendorItem.label}</strong> of{" "}
          <Link href={`/vendors/${vendorItem.vendorId}`}>{vendorItem.vendorName}</Link> in its due-diligence package. Its control is{" "}
          {controlForKind(vendorItem.kind)}, vendor due diligence; only a DPA counts towards its days, for this vendor alone (file the
          DPA&apos;s transfer safeguards under AI-PRIV-04). A compliance lead still reviews it.
        </p>
      )}
      {vendorPreset && !vendorItem && !correcting && (
        <div role="alert" className="alert error">
          The vendor to file this under does not exist, or the package item is not one of the guide&apos;s.
        </div>
      )}
      {query.supersedes && !correcting && (
        <div role="alert" className="alert error">
          The evidence to correct does not exist or already has a newer version. Open the newest version and correct that one.
        </div>
      )}
      <UploadEvidence
        controls={controls.map((c) => ({ code: c.code, title: c.title, validity: c.frequency === "VALIDITY" }))}
        features={features}
        today={today}
        maxBytes={evidenceMaxBytes()}
        initialControl={
          correcting?.control.code ??
          controls.find((c) => c.code === query.control)?.code ??
          (vendorItem ? controlForKind(vendorItem.kind) : "")
        }
        vendorItem={vendorItem}
        reference={{ commitSha: query.commitSha ?? "", pullRequest: query.pullRequest ?? "", mergedOn: query.mergedOn ?? null }}
        supersedes={correcting ? { id: correcting.id, title: correcting.title } : null}
      />
    </>
  );
}
