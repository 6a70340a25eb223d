import { FormField } from "@/components/ui/form-field";
import { DEFAULT_SAMPLE_SIZE, SAMPLE_KIND_LABELS, SAMPLE_KINDS } from "@/lib/validations/sampling";
import { MAX_SAMPLE_SIZE } from "@/lib/sampling/draw";

export type SampleFormErrors = Partial<Record<"control" | "kind" | "size" | "seed", string[]>>;

interface Props {
  /** The form's fields as sent (strings from the URL), so a refused value stays visible beside its error. */
  values: { control?: string; kind?: string; size?: string; seed?: string };
  controls: { code: string; title: string }[];
  errors?: SampleFormErrors;
}

/** A GET form: a draw lives in its URL (with its seed), so it can be reloaded, shared and bookmarked. */
export function SampleForm({ values, controls, errors }: Props) {
  const control = values.control ?? "";
  return (
    // Keyed on the values: the fields are uncontrolled, so a navigation that changes the URL must remount them.
    <form key={JSON.stringify(values)} className="toolbar" method="get" aria-label="Draw a sample" noValidate>
      <FormField id="control" label="Control" errors={errors?.control}>
        <select id="control" name="control" defaultValue={control}>
          <option value="">All controls in the period&apos;s categories</option>
          {control && !controls.some((c) => c.code === control) && <option value={control}>{control}</option>}
          {controls.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code}: {c.title}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="kind" label="Population" errors={errors?.kind}>
        <select id="kind" name="kind" defaultValue={values.kind ?? "slots"}>
          {values.kind && !(SAMPLE_KINDS as readonly string[]).includes(values.kind) && <option value={values.kind}>{values.kind}</option>}
          {SAMPLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SAMPLE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="size" label="Sample size" hint={`1 to ${MAX_SAMPLE_SIZE}`} errors={errors?.size}>
        <input id="size" name="size" inputMode="numeric" defaultValue={values.size ?? String(DEFAULT_SAMPLE_SIZE)} autoComplete="off" />
      </FormField>
      <FormField id="seed" label="Seed" hint="Blank: a new random seed" errors={errors?.seed}>
        <input id="seed" name="seed" defaultValue={values.seed ?? ""} autoComplete="off" spellCheck={false} />
      </FormField>
      <button type="submit">Draw sample</button>
    </form>
  );
}
