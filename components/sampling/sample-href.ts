import type { SampleKind } from "@/lib/validations/sampling";

export interface SampleParams {
  control?: string;
  kind: SampleKind;
  size: number;
  seed: string;
}

const search = ({ control, kind, size, seed }: SampleParams) =>
  new URLSearchParams({ ...(control ? { control } : {}), kind, size: String(size), seed }).toString();

/** The page that shows this draw: the seed in the URL, so a reload or a shared link draws the same sample. */
export const samplePageHref = (periodId: string, params: SampleParams) => `/periods/${periodId}/sample?${search(params)}`;

/** The same choice with a new seed: the page draws one and redirects to it. */
export const newSeedHref = (periodId: string, { seed: _seed, ...params }: SampleParams) =>
  `/periods/${periodId}/sample?${new URLSearchParams({ ...(params.control ? { control: params.control } : {}), kind: params.kind, size: String(params.size) })}`;

/** The same draw as CSV (GET /api/v1/periods/{id}/sample). */
export const sampleCsvHref = (periodId: string, params: SampleParams) => `/api/v1/periods/${periodId}/sample?${search(params)}`;
