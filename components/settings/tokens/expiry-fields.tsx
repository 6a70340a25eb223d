"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { EXPIRY_CHOICES, EXPIRY_LABELS } from "@/lib/validations/token";
import { Options } from "@/components/ui/options";

/** The expiry choice, and a date field when "On a date…" is chosen. Remounts (and resets) with its form. */
export function ExpiryFields({ errors }: { errors?: Record<string, string[]> }) {
  const [choice, setChoice] = useState<string>("90d");
  return (
    <>
      <FormField id="token-expires" label="Expires" errors={errors?.expires}>
        <select id="token-expires" name="expires" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <Options values={EXPIRY_CHOICES} labels={EXPIRY_LABELS} />
        </select>
      </FormField>
      {choice === "custom" && (
        <FormField
          id="token-expires-on"
          label="Expiry date"
          hint="The token stops working at 00:00 UTC on this day."
          errors={errors?.expiresOn}
        >
          <input id="token-expires-on" name="expiresOn" type="date" required />
        </FormField>
      )}
    </>
  );
}
