import type { Frequency } from "@/lib/coverage/types";
import type { Draw } from "@/lib/sampling/draw";
import type { SlotMember } from "@/lib/sampling/slots";

// The shapes of a population's members and of a drawn sample (lib/sampling/population.ts,
// lib/sampling/sample.ts), shared with the pure CSV writer and the page.

export type { SlotMember };

export interface EvidenceMember {
  id: string;
  control: string;
  title: string;
  effectiveDate: string;
  validFrom: string | null;
  validUntil: string | null;
  status: "SUBMITTED" | "ACCEPTED" | "REJECTED" | "WITHDRAWN";
  version: number;
  sha256: string | null;
  uploadedAt: string;
}

export interface ChangeMember {
  id: string;
  kind: "MODEL_UPGRADE" | "PROMPT_CHANGE" | "FINE_TUNE" | "CONFIG";
  title: string;
  feature: string | null;
  mergedAt: string;
  commitSha: string | null;
  pullRequest: string | null;
}

export interface PopulationHeader {
  period: { id: string; name: string; start: string; end: string };
  /** The control the population is of; null: every control in the period's categories. */
  control: { code: string; title: string; frequency: Frequency } | null;
  /** What the population is, in words, printed with the sample. */
  description: string;
  /** The day slots are due by (organisation's time zone). */
  today: string;
}

export type Members =
  { kind: "slots"; members: SlotMember[] } | { kind: "evidence"; members: EvidenceMember[] } | { kind: "changes"; members: ChangeMember[] };

export type Population = PopulationHeader & Members;

export type PeriodSample = PopulationHeader &
  (
    | { kind: "slots"; draw: Draw<SlotMember> }
    | { kind: "evidence"; draw: Draw<EvidenceMember> }
    | { kind: "changes"; draw: Draw<ChangeMember> }
  );
