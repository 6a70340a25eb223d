import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { CampaignForm } from "@/components/access-reviews/campaign-form";
import { campaignSchedule, featureChoices } from "@/lib/access-reviews/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New access review" };

export default async function NewAccessReviewPage() {
  await requirePage("access-reviews:write");
  const [features, next] = await Promise.all([featureChoices(), campaignSchedule()]);
  return (
    <>
      <p>
        <Link href="/access-reviews">← Access reviews</Link>
      </p>
      <h1>New access review</h1>
      <CampaignForm
        initial={{
          name: `${next.quarter} access review`,
          quarter: next.quarter,
          dueDate: "", // empty: the quarter's last day
          features: [],
          resources: ["MODEL_API_KEY", "PROMPT_LOGS", "TRAINING_DATA", "TOOL_SERVER"],
        }}
        features={features}
      />
    </>
  );
}
