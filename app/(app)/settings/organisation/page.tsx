import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { organisationTimeZone, organisationToday } from "@/lib/org-time";
import { TIME_ZONES } from "@/lib/validations/organisation";
import { OrganisationForm } from "@/components/settings/organisation/organisation-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisation" };

export default async function OrganisationPage() {
  await requirePage("settings:manage");
  const [timeZone, today] = await Promise.all([organisationTimeZone(), organisationToday()]);
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
    </>
  );
}
