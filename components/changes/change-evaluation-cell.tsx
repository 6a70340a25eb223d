import Link from "next/link";
import { EVALUATION_CONTROL, EVALUATION_LABELS } from "@/lib/coverage/evaluation";
import { normalisePullRequest } from "@/lib/coverage/matching";
import type { ChangeJson } from "@/lib/changes/queries";

/**
 * The upload form pre-filled to evaluate this change: AI-PI-02, its commit and pull request, and
 * the merge day the evaluation must not be after (shown as a hint, not forced: the engineer knows
 * the day the evaluation ran).
 */
export function evaluationUploadHref(change: Pick<ChangeJson, "commitSha" | "pullRequest">, mergeDay: string): string {
  const params = new URLSearchParams({ control: EVALUATION_CONTROL });
  if (change.commitSha) params.set("commitSha", change.commitSha);
  if (change.pullRequest) {
    // A number or a URL is what the evidence form accepts; `#12` or `…/pull/12` become 12.
    const key = normalisePullRequest(change.pullRequest);
    params.set("pullRequest", key && /^\d+$/.test(key) && !/^https?:/i.test(change.pullRequest) ? key : change.pullRequest);
  }
  params.set("mergedOn", mergeDay);
  return `/evidence/upload?${params}`;
}

export function ChangeEvaluationCell({ change, mergeDay, canWrite }: { change: ChangeJson; mergeDay: string; canWrite: boolean }) {
  const links = change.evidence.map((id, i) => (
    <span key={id}>
      {i > 0 && ", "}
      <Link href={`/evidence/${id}`}>evidence {id.slice(0, 8)}</Link>
    </span>
  ));
  if (change.evaluation === "BEFORE_RELEASE") return <>Evaluated before release: {links}</>;
  return (
    <>
      <span className="error" data-finding="evaluation">
        Finding: {EVALUATION_LABELS[change.evaluation].toLowerCase()}
      </span>
      {change.evaluation === "AFTER_RELEASE" && (
        <>
          {" "}
          ({links}, dated after the merge on {mergeDay})
        </>
      )}
      {canWrite && (
        <>
          {" · "}
          <Link href={evaluationUploadHref(change, mergeDay)}>Upload evaluation evidence</Link>
        </>
      )}
    </>
  );
}
