import { test } from "node:test";
import assert from "node:assert/strict";
import Papa from "papaparse";
import { drawSample } from "./draw";
import { sampleCsv, sampleFileName } from "./csv";
import type { EvidenceMember, PeriodSample } from "./types";

const evidence = (id: string, title: string): EvidenceMember => ({
  id,
  control: "AI-SEC-05",
  title,
  effectiveDate: "2026-02-02",
  validFrom: null,
  validUntil: null,
  status: "ACCEPTED",
  version: 1,
  sha256: null,
  uploadedAt: "2026-02-02T10:00:00.000Z",
});

const sample = (members: EvidenceMember[], size: number): PeriodSample => ({
  period: { id: "p1", name: "FY26", start: "2026-01-01", end: "2026-12-31" },
  control: { code: "AI-SEC-05", title: "Access reviews", frequency: "QUARTERLY" },
  description: "Every piece of evidence of AI-SEC-05.",
  today: "2026-06-01",
  kind: "evidence",
  draw: drawSample(members, size, "k7"),
});

test("the CSV says what was drawn and how, then lists the sample in draw order, formulas defused", () => {
  const csv = sampleCsv(sample([evidence("m1", "=HYPERLINK(1)"), evidence("m2", "b"), evidence("m3", "c")], 2));
  const [about, rows] = csv.split("\r\n\r\n");
  const fields = Object.fromEntries(Papa.parse<string[]>(about.trim()).data.slice(1));
  assert.equal(fields.seed, "k7");
  assert.equal(fields.population_size, "3");
  assert.equal(fields.sample_size, "2");
  assert.equal(fields.whole_population, "no");
  assert.match(fields.method, /^sha256-rank-v1: .*SHA-256/);
  const table = Papa.parse<Record<string, string>>(rows.trim(), { header: true }).data;
  // k7: m3 then m1 (sha256sum of "k7:m3" < "k7:m1" < "k7:m2").
  assert.deepEqual(
    table.map((r) => [r.rank, r.id]),
    [
      ["1", "m3"],
      ["2", "m1"],
    ],
  );
  assert.equal(table[1].title, "'=HYPERLINK(1)");
  assert.equal(fields.cut_off_draw_key, table[1].draw_key);
  assert.ok(csv.endsWith("\r\n"));
});

test("an empty population still says its seed and method", () => {
  const csv = sampleCsv(sample([], 25));
  assert.match(csv, /seed,k7\r\n/);
  assert.match(csv, /population_size,0\r\n/);
  assert.match(csv, /\r\n\r\nrank,draw_key,id,control,title/);
  assert.equal(sampleFileName(sample([], 25)), "attest-sample-AI-SEC-05-evidence-k7.csv");
});
