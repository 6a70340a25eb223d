import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { AccessReviewForm } from "@/components/access-reviews/access-review-form";
import { accessReviewSchedule, featureChoices } from "@/lib/access-reviews/queries";
import { compareQuarters, quarterOf } from "@/lib/access-reviews/schedule";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New access review" };

export default async function NewAccessReviewPage() {
  await requirePage("access-reviews:write");
  const [features, next] = await Promise.all([featureChoices(), accessReviewSchedule()]);
  // An access review cannot be for a quarter that has not started: when the schedule is ahead (the
  // current quarter is signed off already), offer the current quarter.
  const quarter = compareQuarters(next.quarter, quarterOf(next.today)) <= 0 ? next.quarter : quarterOf(next.today);
  return (
    <>
      <p>
        <Link href="/access-reviews">← Access reviews</Link>
      </p>
      <h1>New access review</h1>
      <AccessReviewForm
        initial={{
          name: `${quarter} access review`,
          quarter,
          dueDate: "", // empty: the quarter's last day
          features: [],
          resources: ["MODEL_API_KEY", "PROMPT_LOGS", "TRAINING_DATA", "TOOL_SERVER"],
          sameQuarterReason: "",
        }}
        features={features}
      />
    </>
  );
}
