import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { evidenceMaxBytes } from "@/lib/config";
import { db } from "@/lib/db";
import { formatBytes } from "@/lib/format";
import { organisationToday } from "@/lib/org-time";
import { UploadEvidence } from "@/components/evidence/upload-evidence";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload evidence" };

const searchSchema = z.object({
  control: z.string().max(40).optional().catch(undefined),
  supersedes: z.uuid().optional().catch(undefined),
});

export default async function UploadEvidencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("evidence:write");
  const query = searchSchema.parse(await searchParams);
  const [controls, features, today, previous] = await Promise.all([
    db.control.findMany({ select: { code: true, title: true, frequency: true }, orderBy: { code: "asc" } }),
    db.feature.findMany({ where: { status: "ACTIVE" }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    organisationToday(),
    query.supersedes
      ? db.evidence.findUnique({
          where: { id: query.supersedes },
          include: { control: { select: { code: true } }, supersededBy: { select: { id: true } } },
        })
      : null,
  ]);
  const correcting = previous && !previous.supersededBy ? previous : null;
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
        initialControl={correcting?.control.code ?? controls.find((c) => c.code === query.control)?.code ?? ""}
        supersedes={correcting ? { id: correcting.id, title: correcting.title } : null}
      />
    </>
  );
}
