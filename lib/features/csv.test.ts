import { describe, test } from "node:test";
import assert from "node:assert/strict";
import Papa from "papaparse";
import { CSV_HEADER, featuresToCsv, parseFeaturesCsv, type FeatureCsvRecord } from "@/lib/features/csv";

const base: FeatureCsvRecord = {
  slug: "support-reply-drafts",
  name: "Support reply drafts",
  owner: "Support tooling",
  status: "ACTIVE",
  purpose: 'Drafts replies to support tickets, with quotes "like this", commas, and\na second line.',
  inputData: ["CUSTOMER_CONFIDENTIAL", "PERSONAL_DATA"],
  inputNotes: null,
  outputs: "A draft shown to the agent.",
  invokers: ["STAFF"],
  vendors: [
    { vendor: "Anthropic", model: "claude-sonnet-4" },
    { vendor: "OpenAI", model: null },
  ],
  failureImpact: "MEDIUM",
  failureNotes: "An agent reviews every draft.",
  automatedDecisions: false,
  irreversibleActions: false,
  usesTrainingData: false,
  exposesToolServers: false,
  logsPrompts: true,
  userFacing: false,
  promptLogRetention: "30 days",
};

const header = CSV_HEADER.join(",");

describe("featuresToCsv", () => {
  test("writes the fixed header and one line per feature, lists joined with ';'", () => {
    const csv = featuresToCsv([base]);
    const [head, ...rest] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    assert.equal(head.join(","), header);
    assert.equal(rest.length, 1);
    const row = Object.fromEntries(head.map((h, i) => [h, rest[0][i]]));
    assert.equal(row.inputData, "CUSTOMER_CONFIDENTIAL;PERSONAL_DATA");
    assert.equal(row.vendors, "Anthropic:claude-sonnet-4;OpenAI");
    assert.equal(row.purpose, base.purpose);
    assert.equal(row.inputNotes, "");
    assert.equal(row.logsPrompts, "true");
    assert.equal(row.userFacing, "false");
  });

  test("an empty inventory is the header alone", () => {
    assert.equal(featuresToCsv([]), `${header}\r\n`);
  });

  test("defuses cells a spreadsheet would run as formulas, and import restores them", () => {
    const csv = featuresToCsv([{ ...base, owner: '=HYPERLINK("http://x")' }]);
    assert.match(csv, /"'=HYPERLINK/);
    const parsed = parseFeaturesCsv(csv);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.rows[0].owner, '=HYPERLINK("http://x")');
  });
});

describe("parseFeaturesCsv", () => {
  test("round trip: parse(export) gives the same answers, and exporting them again is identical", () => {
    const second = { ...base, slug: "contract-risk", name: "Contract risk", status: "RETIRED", vendors: [], invokers: ["AGENTS", "STAFF"] };
    const csv = featuresToCsv([base, second]);
    const parsed = parseFeaturesCsv(csv);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.rowNumbers, [2, 3]);
    assert.equal(parsed.rows[0].slug, "support-reply-drafts");
    assert.deepEqual(parsed.rows[0].vendors, [
      { vendor: "Anthropic", model: "claude-sonnet-4" },
      { vendor: "OpenAI", model: null },
    ]);
    assert.equal(parsed.rows[1].status, "RETIRED");
    const again = featuresToCsv(
      parsed.rows.map((r) => ({
        ...r,
        inputNotes: r.inputNotes ?? null,
        failureNotes: r.failureNotes ?? null,
        promptLogRetention: r.promptLogRetention ?? null,
        vendors: r.vendors.map((v) => ({ vendor: v.vendor, model: v.model ?? null })),
      })),
    );
    assert.equal(again, csv);
  });

  test("names the spreadsheet row and the field of each bad row (header = row 1, blank lines counted)", () => {
    const good = featuresToCsv([base]).trimEnd();
    const lines = good.split("\r\n");
    const bad = lines[1].replace(",MEDIUM,", ",SEVERE,").replace("support-reply-drafts", "bad-one");
    const csv = [lines[0], lines[1], "", bad].join("\r\n");
    const parsed = parseFeaturesCsv(csv);
    assert.equal(parsed.rows.length, 1);
    assert.equal(parsed.errors.length, 1);
    // Row 2 spans two physical lines (a quoted newline) but is one spreadsheet row.
    assert.equal(parsed.errors[0].row, 4);
    assert.match(parsed.errors[0].messages.join(" "), /^failureImpact: /);
  });

  test("required answers, enum values, booleans and duplicate slugs are checked per row", () => {
    const csv = [
      header,
      ",,Team,,Does things,,,,,,LOW,,false,false,false,false,false,false,",
      "x,X,Team,,Does things,NOT_A_CATEGORY,,Out,STAFF,,LOW,,maybe,false,false,false,false,false,",
      "dup,Dup,Team,,Does,,,Out,STAFF,,HIGH,,,,,,,,",
      "dup,Dup again,Team,,Does,,,Out,STAFF,,HIGH,,,,,,,,",
    ].join("\n");
    const parsed = parseFeaturesCsv(csv);
    assert.deepEqual(
      parsed.rows.map((r) => r.slug),
      ["dup"],
    );
    const byRow = Object.fromEntries(parsed.errors.map((e) => [e.row, e.messages.join(" | ")]));
    assert.match(byRow[2], /name: Name is required\./);
    assert.match(byRow[2], /outputs: /);
    assert.match(byRow[2], /invokers: Say who or what can invoke it\./);
    assert.match(byRow[3], /inputData: Unknown data category/);
    assert.match(byRow[3], /automatedDecisions: Use true or false, not "maybe"\./);
    assert.match(byRow[5], /slug: dup is already used by row 4/);
  });

  test("a missing or unknown column is reported on row 1", () => {
    const parsed = parseFeaturesCsv("slug,name,colour\na,b,c\n");
    assert.equal(parsed.rows.length, 0);
    assert.equal(parsed.errors[0].row, 1);
    assert.match(parsed.errors[0].messages.join(" "), /Missing columns: owner, purpose, outputs, invokers, failureImpact\./);
    assert.match(parsed.errors[0].messages.join(" "), /Unknown column: colour\./);
  });

  test("a row with the wrong number of cells is an error, and a byte-order mark is ignored", () => {
    const parsed = parseFeaturesCsv(`\uFEFF${header}\nonly,three,cells\n`);
    assert.deepEqual(parsed.errors, [{ row: 2, messages: ["Has 3 cells but the header has 19 columns."] }]);
  });

  test("a missing slug is derived from the name", () => {
    const parsed = parseFeaturesCsv(`${header}\n,Résumé Screener,HR,,Screens,,,Scores,STAFF,,HIGH,,true,,,,,,\n`);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.rows[0].slug, "resume-screener");
    assert.equal(parsed.rows[0].automatedDecisions, true);
    assert.equal(parsed.rows[0].status, "ACTIVE");
  });
});
