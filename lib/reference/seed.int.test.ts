import assert from "node:assert/strict";
import { test } from "node:test";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/reference/seed";
import { count, scratchDatabase, withClient } from "@/lib/testing/database";

// The reference-data seed on empty scratch databases (migrated here), each with its own client as
// a separately started instance would have.
async function seed(url: string) {
  const db = createPrismaClient(url);
  try {
    return await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
}

async function migratedScratch(label: string) {
  const db = await scratchDatabase(label);
  await applyMigrations(db.url);
  return db;
}

test("seeding reference data twice leaves 23 controls, 61 criteria, 5 categories and keeps edits", async () => {
  const db = await migratedScratch("seed");
  const counts = () =>
    withClient(db.url, async (c) => ({
      controls: await count(c, "Control"),
      criteria: await count(c, "Criterion"),
      categories: await count(c, "Category"),
      mappings: await count(c, "ControlCriterion"),
    }));
  assert.deepEqual(await seed(db.url), { controlsCreated: 23, criteriaCreated: 61, mappingsAdded: 0 });
  const first = await counts();
  assert.deepEqual([first.controls, first.criteria, first.categories], [23, 61, 5]);
  assert.ok(first.mappings >= 23);

  await withClient(db.url, (c) => c.query(`UPDATE "Control" SET title = 'Our own title for this control' WHERE code = 'AI-CONF-04'`));
  assert.deepEqual(await seed(db.url), { controlsCreated: 0, criteriaCreated: 0, mappingsAdded: 0 });
  assert.deepEqual(await counts(), first);
  const title = await withClient(
    db.url,
    async (c) => (await c.query(`SELECT title FROM "Control" WHERE code = 'AI-CONF-04'`)).rows[0].title,
  );
  assert.equal(title, "Our own title for this control");
});

test("an installation seeded with the old 36 criteria gains the other 25 and the new mappings once, keeping its edits", async () => {
  const db = await migratedScratch("upgrade");
  await seed(db.url);
  const NEW_CRITERIA = `'^CC[1-5]\\.|^CC[7-9]\\.'`;
  const mapped = (code: string) =>
    withClient(db.url, async (c) =>
      (
        await c.query<{ id: string }>(
          `SELECT cc."criterionId" AS id FROM "ControlCriterion" cc JOIN "Control" k ON k.id = cc."controlId"
           WHERE k.code = $1 ORDER BY cc."criterionId"`,
          [code],
        )
      ).rows.map((r) => r.id),
    );
  // Back to what revision 1 left: no CC1-CC5 or CC7-CC9, no revision marker, the old order.
  await withClient(db.url, async (c) => {
    await c.query(`DELETE FROM "ControlCriterion" WHERE "criterionId" ~ ${NEW_CRITERIA}`);
    await c.query(`DELETE FROM "Criterion" WHERE id ~ ${NEW_CRITERIA}`);
    await c.query(`DELETE FROM "Setting" WHERE key = 'referenceData.revision'`);
    await c.query(`UPDATE "Criterion" SET "sortOrder" = "sortOrder" + 1000`);
    assert.equal(await count(c, "Criterion"), 36);
    // The team's edits: a mapping removed, a title changed.
    await c.query(
      `DELETE FROM "ControlCriterion" WHERE "criterionId" = 'PI1.1' AND "controlId" = (SELECT id FROM "Control" WHERE code = 'AI-PI-01')`,
    );
    await c.query(`UPDATE "Control" SET title = 'Our change process' WHERE code = 'AI-PI-01'`);
  });
  const auditBefore = await withClient(db.url, (c) => count(c, "AuditLogEntry"));

  assert.deepEqual(await seed(db.url), { controlsCreated: 0, criteriaCreated: 25, mappingsAdded: 12 });
  await withClient(db.url, async (c) => {
    assert.equal(await count(c, "Criterion"), 61);
    const order = (await c.query<{ id: string }>(`SELECT id FROM "Criterion" ORDER BY "sortOrder"`)).rows.map((r) => r.id);
    assert.deepEqual(order.slice(0, 5), ["CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5"]);
    assert.ok(order.indexOf("CC8.1") < order.indexOf("A1.1"));
    const marker = await c.query(`SELECT value FROM "Setting" WHERE key = 'referenceData.revision'`);
    assert.equal(marker.rows[0].value, 2);
    const entries = await c.query<{ action: string; after: { mappingsAdded: unknown[] } }>(
      `SELECT action, after FROM "AuditLogEntry" ORDER BY seq DESC LIMIT 1`,
    );
    assert.equal(entries.rows[0].action, "reference-data.upgraded");
    assert.equal(entries.rows[0].after.mappingsAdded.length, 12);
    assert.equal(await count(c, "AuditLogEntry"), auditBefore + 1);
    assert.equal((await c.query(`SELECT title FROM "Control" WHERE code = 'AI-PI-01'`)).rows[0].title, "Our change process");
  });
  // The new mapping arrived; the mapping the team removed did not come back.
  assert.deepEqual(await mapped("AI-PI-01"), ["CC8.1", "PI1.3"]);
  assert.deepEqual(await mapped("AI-AVL-03"), ["A1.2", "A1.3", "CC7.3", "CC7.4", "CC7.5"]);

  // A mapping removed after the upgrade stays removed: the stored revision says it was added once.
  await withClient(db.url, (c) =>
    c.query(
      `DELETE FROM "ControlCriterion" WHERE "criterionId" = 'CC8.1' AND "controlId" = (SELECT id FROM "Control" WHERE code = 'AI-PI-01')`,
    ),
  );
  assert.deepEqual(await seed(db.url), { controlsCreated: 0, criteriaCreated: 0, mappingsAdded: 0 });
  assert.deepEqual(await mapped("AI-PI-01"), ["PI1.3"]);
  assert.equal(await withClient(db.url, (c) => count(c, "AuditLogEntry")), auditBefore + 1);
});

test("two instances seeding an empty database at the same time create each control once", async () => {
  const db = await migratedScratch("seedrace");
  const results = await Promise.all([seed(db.url), seed(db.url)]);
  assert.deepEqual(
    results.map((r) => r.controlsCreated).sort((x, y) => x - y),
    [0, 23],
  );
  await withClient(db.url, async (c) => {
    assert.equal(await count(c, "Control"), 23);
    assert.equal(await count(c, "Criterion"), 61);
    assert.equal(await count(c, "Category"), 5);
  });
});
