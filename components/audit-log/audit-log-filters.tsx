import Link from "next/link";
import { FormField } from "@/components/ui/form-field";
import { Options } from "@/components/ui/options";

export interface AuditLogFilterValues {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface Props {
  values: AuditLogFilterValues;
  errors?: Record<string, string[] | undefined>;
  options: { actors: string[]; entityTypes: string[]; actions: string[] };
  filtered: boolean;
}

/** The filters as a GET form: they live in the URL, so a filtered view can be bookmarked or shared. */
export function AuditLogFilters({ values, errors, options, filtered }: Props) {
  return (
    // Keyed on the values: the fields are uncontrolled, so a navigation that changes the URL must remount them.
    <form key={JSON.stringify(values)} className="toolbar" method="get" role="search" aria-label="Filter the audit log" noValidate>
      <FormField id="actor" label="Actor" hint="E-mail contains" errors={errors?.actor}>
        <input id="actor" name="actor" type="search" list="audit-actors" defaultValue={values.actor ?? ""} autoComplete="off" />
      </FormField>
      <datalist id="audit-actors">
        {options.actors.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <FormField id="entityType" label="Entity type" errors={errors?.entityType}>
        <select id="entityType" name="entityType" defaultValue={values.entityType ?? ""}>
          <option value="">All types</option>
          <Options values={options.entityTypes} />
        </select>
      </FormField>
      <FormField id="entityId" label="Entity id" errors={errors?.entityId}>
        <input id="entityId" name="entityId" type="search" defaultValue={values.entityId ?? ""} placeholder="AI-PI-04, a user id…" />
      </FormField>
      <FormField id="action" label="Action" errors={errors?.action}>
        <select id="action" name="action" defaultValue={values.action ?? ""}>
          <option value="">All actions</option>
          <Options values={options.actions} />
        </select>
      </FormField>
      <FormField id="from" label="From (UTC)" errors={errors?.from}>
        <input id="from" name="from" type="date" defaultValue={values.from ?? ""} />
      </FormField>
      <FormField id="to" label="To (UTC)" errors={errors?.to}>
        <input id="to" name="to" type="date" defaultValue={values.to ?? ""} />
      </FormField>
      <button type="submit">Apply</button>
      {filtered && (
        <Link className="button secondary" href="/audit-log">
          Clear
        </Link>
      )}
    </form>
  );
}
