import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { organisationTimeZone, organisationToday } from "@/lib/org-time";
import { TIME_ZONES } from "@/lib/validations/organisation";
import { OrganisationForm } from "@/components/settings/organisation/organisation-form";
import { SelfReviewForm } from "@/components/settings/organisation/self-review-form";
import { selfReviewAllowed } from "@/lib/settings/self-review";
import { ExportKeySection } from "@/components/settings/organisation/export-key-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisation" };

export default async function OrganisationPage() {
  await requirePage("settings:manage");
  const [timeZone, today, allowSelfReview] = await Promise.all([organisationTimeZone(), organisationToday(), selfReviewAllowed()]);
  const zones = TIME_ZONES.includes(timeZone) ? TIME_ZONES : [timeZone, ...TIME_ZONES];
  return (
    <>
      <h1>Organisation</h1>
      <p className="lede">
        The organisation&apos;s time zone decides when a day starts and ends: which day is &ldquo;today&rdquo; for coverage, due slots and
        the dashboard. Today is <strong data-testid="organisation-today">{today}</strong> in {timeZone}.
      </p>
      <div className="card" style={{ maxWidth: 640 }}>
        <OrganisationForm timeZone={timeZone} zones={[...zones]} />
      </div>
      <h2>Segregation of duties</h2>
      <p>
        Evidence is accepted or rejected by someone other than whoever uploaded it, and an API token that acts for no named person cannot
        review at all. Self-review is {allowSelfReview ? <strong>allowed</strong> : <strong>not allowed</strong>}.
      </p>
      <div className="card" style={{ maxWidth: 640 }}>
        <SelfReviewForm allowSelfReview={allowSelfReview} />
      </div>
      <ExportKeySection />
    </>
  );
}
