"use client";

import { useActionState } from "react";
import { setIncidentRecordAction } from "@/app/(app)/readiness/actions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { AI_INCIDENT_SCENARIOS, AI_INCIDENT_SCENARIO_LABELS, type AiIncidentScenario } from "@/lib/validations/readiness";

/** Marks one AI-AVL-03 evidence as the incident plan, a tabletop exercise, or neither, with the AI scenarios it covers. */
export function IncidentRecordForm(props: {
  evidence: { id: string; title: string };
  kind: "PLAN" | "TABLETOP" | null;
  scenarios: AiIncidentScenario[];
}) {
  const [state, formAction, pending] = useActionState(setIncidentRecordAction, null);
  const id = `incident-${props.evidence.id}`;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label={`Mark ${props.evidence.title}`}>
      <input type="hidden" name="evidence" value={props.evidence.id} />
      <FormMessages state={state} />
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-kind`}>What it is</label>
          <select id={`${id}-kind`} name="kind" defaultValue={props.kind ?? "NONE"}>
            <option value="NONE">Neither</option>
            <option value="PLAN">Incident response plan</option>
            <option value="TABLETOP">Tabletop exercise</option>
          </select>
        </div>
        <fieldset>
          <legend>AI scenarios it covers</legend>
          {AI_INCIDENT_SCENARIOS.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" name="scenarios" value={s} defaultChecked={props.scenarios.includes(s)} />{" "}
              {AI_INCIDENT_SCENARIO_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
