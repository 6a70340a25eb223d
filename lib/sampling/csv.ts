import { csvTable } from "@/lib/csv";
import { SAMPLING_METHOD, SAMPLING_METHOD_TEXT } from "@/lib/sampling/draw";
import type { PeriodSample } from "@/lib/sampling/types";

// A sample as CSV (GET /api/v1/periods/{id}/sample). First a two-column block, field and value,
// that says what was drawn and how (so the file alone lets the draw be checked and redone, even
// when the sample is empty), then one empty line, then the sample as a table, one row per member
// in draw order. Cells go through csvTable's formula defusing (lib/csv.ts).

export function sampleCsv(sample: PeriodSample): string {
  const { draw } = sample;
  const last = draw.sample.at(-1);
  const about = csvTable(
    ["field", "value"],
    [
      ["period", `${sample.period.name} (${sample.period.start} to ${sample.period.end})`],
      ["period_id", sample.period.id],
      ["control", sample.control?.code ?? "all controls in the period's categories"],
      ["kind", sample.kind],
      ["population", sample.description],
      ["population_size", draw.populationSize],
      ["sample_size_requested", draw.requested],
      ["sample_size", draw.size],
      ["whole_population", draw.whole ? "yes: the size asked for is at or above the population's" : "no"],
      ["seed", draw.seed],
      ["method", `${SAMPLING_METHOD}: ${SAMPLING_METHOD_TEXT}`],
      ["cut_off_draw_key", last?.key ?? ""],
      ["as_of", sample.today],
    ],
  );
  return `${about}\r\n${rowsCsv(sample)}`;
}

function rowsCsv(sample: PeriodSample): string {
  const lead = ["rank", "draw_key", "id"];
  switch (sample.kind) {
    case "slots":
      return csvTable(
        [...lead, "control", "start", "end", "state", "evidence", "change"],
        sample.draw.sample.map(({ rank, key, member: m }) => [
          rank,
          key,
          m.id,
          m.control,
          m.start,
          m.end,
          m.state,
          m.evidence.join(" "),
          m.change,
        ]),
      );
    case "evidence":
      return csvTable(
        [...lead, "control", "title", "effective_date", "valid_from", "valid_until", "status", "version", "sha256", "uploaded_at"],
        sample.draw.sample.map(({ rank, key, member: m }) => [
          rank,
          key,
          m.id,
          m.control,
          m.title,
          m.effectiveDate,
          m.validFrom,
          m.validUntil,
          m.status,
          m.version,
          m.sha256,
          m.uploadedAt,
        ]),
      );
    case "changes":
      return csvTable(
        [...lead, "kind", "title", "feature", "merged_at", "commit_sha", "pull_request"],
        sample.draw.sample.map(({ rank, key, member: m }) => [
          rank,
          key,
          m.id,
          m.kind,
          m.title,
          m.feature,
          m.mergedAt,
          m.commitSha,
          m.pullRequest,
        ]),
      );
  }
}

/** attest-sample-<control or all>-<kind>-<seed>.csv: what was drawn, readable in a folder of downloads. */
export function sampleFileName(sample: PeriodSample): string {
  return `attest-sample-${sample.control?.code ?? "all"}-${sample.kind}-${sample.draw.seed}.csv`;
}
