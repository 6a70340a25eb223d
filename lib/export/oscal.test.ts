import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { fixturePackage } from "@/lib/export/fixture";
import { assessmentResults, stableUuid } from "@/lib/export/oscal/assessment-results";

// The OSCAL file of a package validates against NIST's OSCAL 1.1.2 complete schema (draft-07,
// kept in the repository: CI has no ../shared), and a broken one does not.

const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "oscal", "oscal_complete_schema-1.1.2.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const errors = () => JSON.stringify(validate.errors?.slice(0, 5), null, 2);

test("the fixture's assessment results validate against the OSCAL 1.1.2 schema", () => {
  const document = assessmentResults(fixturePackage());
  assert.ok(validate(document), errors());
  const result = document["assessment-results"].results[0];
  assert.equal(result.observations?.length, 3);
  assert.deepEqual(
    result.findings?.map((f) => [f.target["target-id"], f.target.status.state]),
    [
      ["AI-SEC-01", "satisfied"],
      ["AI-SEC-05", "not-satisfied"],
    ],
  );
  // Missing Feb+Mar are one run, the rejected evidence one, the failing readiness check one.
  assert.equal(result.risks?.length, 3);
  const resource = document["assessment-results"]["back-matter"].resources.find((r) => "rlinks" in r && r.rlinks);
  assert.deepEqual((resource as { rlinks: { hashes: unknown[] }[] }).rlinks[0].hashes, [{ algorithm: "SHA-256", value: "a".repeat(64) }]);
});

test("a management response becomes the risk's remediation, and the document still validates", () => {
  const pkg = fixturePackage();
  pkg.exceptions[0] = { ...pkg.exceptions[0], response: "The February review ran late; see the March sign-off." };
  const document = assessmentResults(pkg);
  assert.ok(validate(document), errors());
  const risk = document["assessment-results"].results[0].risks![0];
  assert.equal(risk.remediations?.[0].description, "The February review ran late; see the March sign-off.");
});

test("a deliberately invalid document fails the schema", () => {
  const document = assessmentResults(fixturePackage());
  const broken = structuredClone(document) as {
    "assessment-results": { results: { findings: { target: { status: { state: string } } }[] }[]; metadata: Record<string, unknown> };
  };
  broken["assessment-results"].results[0].findings[0].target.status.state = "mostly-fine";
  assert.equal(validate(broken), false);
  const noVersion = structuredClone(document) as { "assessment-results": { metadata: Record<string, unknown> } };
  delete noVersion["assessment-results"].metadata["oscal-version"];
  assert.equal(validate(noVersion), false);
  const badUuid = structuredClone(document);
  badUuid["assessment-results"].uuid = "not-a-uuid";
  assert.equal(validate(badUuid), false);
});

test("stable UUIDs are RFC 4122 version 5 shaped and depend only on their name", () => {
  assert.match(stableUuid("x"), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(stableUuid("x"), stableUuid("x"));
  assert.notEqual(stableUuid("x"), stableUuid("y"));
});
