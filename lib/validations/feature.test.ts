import assert from "node:assert/strict";
import { test } from "node:test";
import { slugify, slugSchema } from "@/lib/validations/feature";

// /inventory/new, /inventory/import and /api/v1/features/import are routes: a feature with such a
// slug could never be opened, so the slug is refused, and one made from a name steps aside.

test("a slug that names an inventory page is refused with what to use instead", () => {
  for (const reserved of ["new", "import", " Import "]) {
    const result = slugSchema.safeParse(reserved);
    assert.equal(result.success, false, reserved);
    assert.match(result.error!.issues[0].message, /names a page of the inventory: choose another slug, such as (new|import)-feature/);
  }
  assert.equal(slugSchema.parse("import-bot"), "import-bot");
  assert.equal(slugSchema.parse("new-reply-drafts"), "new-reply-drafts");
});

test("a slug made from a name never lands on a reserved one", () => {
  assert.equal(slugify("New"), "new-feature");
  assert.equal(slugify("Import!"), "import-feature");
  assert.equal(slugify("Import bot"), "import-bot");
  assert.equal(slugify("Support reply drafts"), "support-reply-drafts");
  assert.equal(slugSchema.safeParse(slugify("NEW")).success, true);
});
