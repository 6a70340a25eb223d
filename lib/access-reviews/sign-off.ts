import { accessReviewTitle } from "@/lib/access-reviews/title";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import { writeCheckpoint } from "@/lib/audit-log/checkpoint-store";
import { evidenceMaxBytes } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { evidenceToJson, loadEvidence } from "@/lib/evidence/service";
import { commitStaged, discardStaged, stageStream, type StagedFile } from "@/lib/evidence/storage";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { signedOffConflict } from "@/lib/access-reviews/decisions";
import { canSignOff } from "@/lib/access-reviews/caller-rules";
import type { Principal } from "@/lib/auth/principal";
import { enforce } from "@/lib/auth/verdict";
import { buildRecordCsv, itemAccess, recordFileName, type DecisionValue } from "@/lib/access-reviews/record";
import { futureQuarterProblem, performedPhrase, signOffTiming } from "@/lib/access-reviews/quarter-rules";

// Sign-off: a compliance lead closes an access review whose every item is decided. In one transaction
// the access review locks (SIGNED_OFF, who, when by the database clock, the statement) and its record
// becomes accepted AI-SEC-05 evidence. The record's bytes are written to content-addressed
// storage inside that transaction, before it commits: a rollback leaves a stored file that no row
// references, which counts for nothing (as with an interrupted upload).

export const RECORD_CONTROL = "AI-SEC-05";

export async function signOffReview(reviewId: string, statement: string, caller: Principal) {
  const { userId: signerId } = enforce(canSignOff(caller));
  const timeZone = await organisationTimeZone();
  let staged: StagedFile | undefined;
  try {
    const result = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "AccessReview" WHERE id = ${reviewId}::uuid FOR UPDATE`;
      const review = await tx.accessReview.findUnique({
        where: { id: reviewId },
        include: {
          features: { select: { featureId: true } },
          items: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            include: { reviewer: { select: { email: true } }, decidedBy: { select: { email: true } } },
          },
        },
      });
      if (!review) throw new AppError("NOT_FOUND", `There is no access review ${reviewId}.`);
      if (review.status === "SIGNED_OFF") throw signedOffConflict();
      if (review.status !== "IN_PROGRESS")
        throw new AppError("CONFLICT", "This access review has not started yet: start it, decide its items, then sign off.");
      if (review.items.length === 0) throw new AppError("CONFLICT", "This access review has no items: there is nothing to sign off.");
      const open = review.items.filter((i) => !i.decision).length;
      if (open > 0) {
        throw new AppError(
          "CONFLICT",
          `${open} of ${review.items.length} item${review.items.length === 1 ? "" : "s"} ${open === 1 ? "is" : "are"} still open: every item must be decided before sign-off.`,
        );
      }
      const signer = await tx.user.findUniqueOrThrow({ where: { id: signerId }, select: { name: true, email: true } });
      const control = await tx.control.findUnique({ where: { code: RECORD_CONTROL }, select: { id: true } });
      if (!control) throw new AppError("NOT_FOUND", `Control ${RECORD_CONTROL} is missing from the catalogue.`);
      const [{ now: signedOffAt }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
      // The record counts for the quarter it was performed in: the sign-off day's, in the
      // organisation's time zone. Stored with the access review, so a later time-zone change does not
      // move a signed record.
      const signOffDay = dateIn(timeZone, signedOffAt);
      const future = futureQuarterProblem(review.quarter, signOffDay);
      if (future) throw new AppError("CONFLICT", `Cannot sign off: ${future} An access review is signed off in or after its quarter.`);
      const timing = signOffTiming(review.quarter, signOffDay);
      const performed = performedPhrase(review.quarter, timing);

      const csv = buildRecordCsv(
        {
          id: review.id,
          name: review.name,
          quarter: review.quarter,
          startedAt: review.startedAt,
          dueDate: review.dueDate?.toISOString().slice(0, 10) ?? null,
          signedOffAt,
          signOffName: signer.name,
          signOffEmail: signer.email,
          signOffStatement: statement,
          performedIn: timing.performedIn,
          late: timing.late,
        },
        review.items.map((i) => ({
          ...itemAccess(i),
          reviewerEmail: i.reviewer?.email ?? null,
          decision: i.decision as DecisionValue,
          comment: i.comment,
          selfJustification: i.selfJustification,
          decidedAt: i.decidedAt,
          decidedByEmail: i.decidedBy?.email ?? null,
          flags: i.flags,
          credentialsAsOf: i.credentialsAsOf,
        })),
      );
      staged = await stageStream(Readable.from(Buffer.from(csv, "utf8")), evidenceMaxBytes());
      await commitStaged(staged);
      await tx.storedFile.upsert({
        where: { sha256: staged.sha256 },
        create: { sha256: staged.sha256, size: BigInt(staged.size), mediaType: "text/csv" },
        update: {},
      });
      const counts = (d: DecisionValue) => review.items.filter((i) => i.decision === d).length;
      const evidenceId = randomUUID();
      await tx.evidence.create({
        data: {
          id: evidenceId,
          lineageId: evidenceId,
          controlId: control.id,
          title: `Access review record: ${timing.late ? `${review.name} (${performed})` : accessReviewTitle(review.name, review.quarter)}`,
          description: `Generated by Attest when ${signer.name} signed off the access review for ${review.quarter} (${performed}): ${review.items.length} items, ${counts("KEEP")} kept, ${counts("REVOKE")} revoked, ${counts("MODIFY")} modified.`,
          effectiveDate: new Date(`${signOffDay}T00:00:00Z`),
          source: "GENERATED",
          fileSha256: staged.sha256,
          fileName: recordFileName(review.quarter, review.name),
          status: "ACCEPTED",
          reviewedAt: signedOffAt,
          reviewedById: signerId,
          reviewReason: "Generated at sign-off of the access review; accepted by the signer.",
          uploadedById: signerId,
          features: { create: review.features.map((f) => ({ featureId: f.featureId })) },
        },
      });
      await tx.accessReview.update({
        where: { id: review.id },
        data: {
          status: "SIGNED_OFF",
          signedOffAt,
          signedOffById: signerId,
          signOffName: signer.name,
          signOffStatement: statement,
          performedIn: timing.performedIn,
          late: timing.late,
          evidenceId,
        },
      });
      const evidence = evidenceToJson((await loadEvidence(tx, evidenceId))!);
      await appendAudit(tx, caller.actor, { action: "evidence.created", entityType: "Evidence", entityId: evidenceId, after: evidence });
      const result = {
        id: review.id,
        name: review.name,
        quarter: review.quarter,
        status: "SIGNED_OFF" as const,
        signedOffAt: signedOffAt.toISOString(),
        signedOffBy: signer.email,
        signOffName: signer.name,
        signOffStatement: statement,
        performedIn: timing.performedIn,
        late: timing.late,
        items: review.items.length,
        evidence: { id: evidenceId, sha256: staged.sha256, fileName: evidence.fileName, status: evidence.status },
      };
      await appendAudit(tx, caller.actor, {
        action: "access-review.signed-off",
        entityType: "AccessReview",
        entityId: review.id,
        before: { status: review.status },
        after: result,
      });
      return result;
    });
    // A sign-off is a moment an auditor relies on: anchor the log's head (now including the
    // sign-off) outside the database. After the commit, so the checkpoint never records an entry
    // that could still roll back; a failure here is logged and does not undo the sign-off.
    await writeCheckpoint(db, "access-review sign-off").catch((error) =>
      console.error(`[attest] audit checkpoint after sign-off failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return result;
  } finally {
    // Committed bytes were renamed away; a file staged but refused is removed.
    await discardStaged(staged);
  }
}
