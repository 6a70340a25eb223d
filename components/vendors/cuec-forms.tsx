"use client";

import { useActionState, useEffect, useRef } from "react";
import { addCuecAction, linkCuecControlAction, removeCuecAction } from "@/app/(app)/vendors/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

export interface ControlChoice {
  code: string;
  title: string;
}

function ControlOptions({ controls }: { controls: ControlChoice[] }) {
  return (
    <>
      <option value="">No control yet</option>
      {controls.map((c) => (
        <option key={c.code} value={c.code}>
          {c.code} — {c.title}
        </option>
      ))}
    </>
  );
}

/** Records a CUEC as the carve-out's report words it, and the control that addresses it if known. */
export function AddCuecForm(props: { vendorId: string; controls: ControlChoice[] }) {
  const [state, formAction, pending] = useActionState(addCuecAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Add a CUEC">
      <input type="hidden" name="id" value={props.vendorId} />
      <FormMessages state={state} />
      <FormField id="cuec-text" label="CUEC" hint="As the vendor's SOC 2 report words it." errors={errors?.text}>
        <textarea id="cuec-text" name="text" maxLength={2000} />
      </FormField>
      <FormField id="cuec-control" label="Addressed by control" errors={errors?.control}>
        <select id="cuec-control" name="control" defaultValue="">
          <ControlOptions controls={props.controls} />
        </select>
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add CUEC"}
      </button>
    </form>
  );
}

/** Links one CUEC to the control that addresses it (or back to none). */
export function CuecControlForm(props: {
  vendorId: string;
  cuecId: string;
  index: number;
  control: string | null;
  controls: ControlChoice[];
}) {
  const [state, formAction, pending] = useActionState(linkCuecControlAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `cuec-${props.cuecId}-control`;
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label={`Control for CUEC ${props.index}`}
      className="toolbar"
    >
      <input type="hidden" name="id" value={props.vendorId} />
      <input type="hidden" name="cuec" value={props.cuecId} />
      <FormMessages state={state} />
      <FormField id={id} label={`Control for CUEC ${props.index}`} errors={errors?.control}>
        <select id={id} name="control" defaultValue={props.control ?? ""}>
          <ControlOptions controls={props.controls} />
        </select>
      </FormField>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save control"}
      </button>
    </form>
  );
}

/** Removes a CUEC recorded by mistake (the audit log keeps it). */
export function RemoveCuecForm(props: { vendorId: string; cuecId: string; index: number }) {
  const [state, formAction, pending] = useActionState(removeCuecAction, null);
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} aria-label={`Remove CUEC ${props.index}`}>
      <input type="hidden" name="id" value={props.vendorId} />
      <input type="hidden" name="cuec" value={props.cuecId} />
      <FormMessages state={state && !state.ok ? state : null} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Removing…" : `Remove CUEC ${props.index}`}
      </button>
    </form>
  );
}
