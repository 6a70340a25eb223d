import Link from "next/link";
import type { EvidenceFilterChoices } from "@/lib/evidence/filter-choices";
import { EVIDENCE_SOURCE_LABELS, EVIDENCE_SOURCES, EVIDENCE_STATUS_LABELS, EVIDENCE_STATUSES } from "@/lib/validations/evidence";
import { defaultDir, type EvidenceFilterKey, type EvidenceTableQuery } from "@/lib/validations/evidence-table";
import { FormField } from "@/components/ui/form-field";
import { evidenceTableHref } from "@/components/evidence/evidence-table-href";

interface Props {
  query: EvidenceTableQuery;
  errors?: Partial<Record<EvidenceFilterKey, string[]>> | null;
  choices: EvidenceFilterChoices;
  filtered: boolean;
}

/** The filters as a GET form: they live in the URL, so a filtered view can be bookmarked or shared. */
export function EvidenceFilters({ query, errors, choices, filtered }: Props) {
  const select = (id: EvidenceFilterKey, label: string, all: string, options: [string, string][]) => (
    <FormField id={id} label={label} errors={errors?.[id]}>
      <select id={id} name={id} defaultValue={query[id] ?? ""}>
        <option value="">{all}</option>
        {/* A value typed into the URL that is not an option stays visible, so its error makes sense. */}
        {query[id] && !options.some(([v]) => v === query[id]) && <option value={query[id]}>{query[id]}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FormField>
  );
  return (
    // Keyed on the query: the fields are uncontrolled, so a navigation that changes the URL must remount them.
    <form key={JSON.stringify(query)} className="toolbar" method="get" role="search" aria-label="Filter evidence" noValidate>
      {select(
        "control",
        "Control",
        "All controls",
        choices.controls.map((c) => [c.code, c.code]),
      )}
      {select(
        "feature",
        "Feature",
        "All features",
        choices.features.map((f) => [f.slug, f.name === f.slug ? f.slug : `${f.name} (${f.slug})`]),
      )}
      {select(
        "status",
        "Status",
        "All statuses",
        EVIDENCE_STATUSES.map((s) => [s, EVIDENCE_STATUS_LABELS[s]]),
      )}
      {select(
        "source",
        "Source",
        "All sources",
        EVIDENCE_SOURCES.map((s) => [s, EVIDENCE_SOURCE_LABELS[s]]),
      )}
      <FormField id="from" label="Effective from" errors={errors?.from}>
        <input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
      </FormField>
      <FormField id="to" label="Effective to" errors={errors?.to}>
        <input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
      </FormField>
      <FormField id="uploader" label="Uploaded by" hint="E-mail or token name contains" errors={errors?.uploader}>
        <input id="uploader" name="uploader" type="search" defaultValue={query.uploader ?? ""} autoComplete="off" />
      </FormField>
      {query.sort !== "uploaded" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== defaultDir(query.sort) && <input type="hidden" name="dir" value={query.dir} />}
      <button type="submit">Apply</button>
      {filtered && (
        <Link className="button secondary" href={evidenceTableHref({ sort: query.sort, dir: query.dir })}>
          Clear
        </Link>
      )}
    </form>
  );
}
