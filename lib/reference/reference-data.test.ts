import { test } from "node:test";
import assert from "node:assert/strict";
import { categories, controls, criteria, mappingRevisions, REFERENCE_REVISION } from "@/prisma/reference-data";
import { pendingMappingAdditions } from "@/lib/reference/revisions";

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

// The 2017 Trust Services Criteria (points of focus revised 2022), as docs/product.md and docs/control-mapping.md list them.
const OFFICIAL = [
  ...range("CC1.", 1, 5),
  ...range("CC2.", 1, 3),
  ...range("CC3.", 1, 4),
  ...range("CC4.", 1, 2),
  ...range("CC5.", 1, 3),
  ...range("CC6.", 1, 8),
  ...range("CC7.", 1, 5),
  "CC8.1",
  ...range("CC9.", 1, 2),
  ...range("A1.", 1, 3),
  ...range("PI1.", 1, 5),
  ...range("C1.", 1, 2),
  "P1.1",
  "P2.1",
  ...range("P3.", 1, 2),
  ...range("P4.", 1, 3),
  ...range("P5.", 1, 2),
  ...range("P6.", 1, 7),
  "P7.1",
  "P8.1",
];

test("all 61 official criteria, in order, each once, in its own category", () => {
  assert.equal(OFFICIAL.length, 61);
  const sorted = [...criteria].sort((a, b) => a.sortOrder - b.sortOrder);
  assert.deepEqual(
    sorted.map((c) => c.id),
    OFFICIAL,
  );
  assert.equal(new Set(criteria.map((c) => c.sortOrder)).size, 61);
  const prefix = { SECURITY: "CC", AVAILABILITY: "A1.", PROCESSING_INTEGRITY: "PI1.", CONFIDENTIALITY: "C1.", PRIVACY: "P" } as const;
  for (const c of criteria) {
    assert.ok(c.id.startsWith(prefix[c.category]), `${c.id} in ${c.category}`);
    if (c.category === "PRIVACY") assert.match(c.id, /^P\d/);
    assert.ok(c.title.length > 10 && c.title.length <= 120, `${c.id} has a short title`);
  }
  assert.equal(criteria.filter((c) => c.category === "SECURITY").length, 33);
  assert.equal(criteria.filter((c) => c.category === "PRIVACY").length, 18);
  assert.deepEqual(
    categories.map((c) => c.code),
    ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"],
  );
});

test("every control maps to known criteria, and the controls auditors test are mapped where they test them", () => {
  const known = new Set(criteria.map((c) => c.id));
  for (const control of controls) {
    assert.ok(control.criteria.length > 0, control.code);
    for (const id of control.criteria) assert.ok(known.has(id), `${control.code} -> ${id}`);
    assert.equal(new Set(control.criteria).size, control.criteria.length, `${control.code} lists a criterion twice`);
  }
  const supporting = (id: string) => controls.filter((c) => c.criteria.includes(id)).map((c) => c.code);
  assert.deepEqual(supporting("CC8.1"), ["AI-PI-01", "AI-PI-02"]);
  assert.deepEqual(supporting("CC7.2"), ["AI-AVL-04", "AI-PI-04"]);
  for (const id of ["CC7.3", "CC7.4", "CC7.5"]) assert.deepEqual(supporting(id), ["AI-AVL-03"], id);
  assert.deepEqual(supporting("CC9.2"), ["AI-CONF-02", "AI-PRIV-04"]);
  assert.deepEqual(supporting("CC2.3"), ["AI-CONF-05", "AI-PRIV-01"]);
});

test("each revision's additions are part of the controls' full mapping, and the latest revision is recorded", () => {
  const byCode = new Map(controls.map((c) => [c.code, c]));
  for (const revision of mappingRevisions) {
    assert.ok(revision.revision >= 2 && revision.revision <= REFERENCE_REVISION);
    for (const [code, ids] of Object.entries(revision.added)) {
      const control = byCode.get(code);
      assert.ok(control, `${code} is a guide control`);
      for (const id of ids) assert.ok(control.criteria.includes(id), `${code} -> ${id} is in its full mapping`);
    }
  }
  assert.equal(Math.max(...mappingRevisions.map((r) => r.revision)), REFERENCE_REVISION);
});

test("an upgrade adds a later revision's mappings, only to the controls that already existed", () => {
  const revisions: { revision: number; added: Record<string, string[]> }[] = [
    { revision: 2, added: { "AI-PI-01": ["CC8.1"], "AI-PRIV-01": ["CC2.3"] } },
    { revision: 3, added: { "AI-PI-01": ["CC7.1"] } },
  ];
  assert.deepEqual(pendingMappingAdditions(1, ["AI-PI-01", "AI-SEC-01"], revisions), [
    { control: "AI-PI-01", criterion: "CC8.1" },
    { control: "AI-PI-01", criterion: "CC7.1" },
  ]);
  assert.deepEqual(pendingMappingAdditions(2, ["AI-PI-01", "AI-PRIV-01"], revisions), [{ control: "AI-PI-01", criterion: "CC7.1" }]);
  assert.deepEqual(pendingMappingAdditions(3, ["AI-PI-01", "AI-PRIV-01"], revisions), []);
  assert.deepEqual(pendingMappingAdditions(1, [], revisions), [], "a fresh database: the seed creates the controls whole");
  // The real data: an installation at revision 1 gains 12 mappings on its 23 guide controls.
  assert.equal(
    pendingMappingAdditions(
      1,
      controls.map((c) => c.code),
    ).length,
    12,
  );
});
