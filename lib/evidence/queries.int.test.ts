import { EVERYTHING } from "@/lib/auth/scope";
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SchemaObject } from "openapi3-ts/oas31";
import { openApiDocument } from "@/lib/api/openapi";
import { userPrincipal } from "@/lib/auth/principal";
import { evidenceWithVersions } from "@/lib/evidence/queries";
import { scratchEvidence, scratchUser } from "@/lib/testing/scratch";

// GET /api/v1/evidence/{id} returns `evidence` as it is: every key it carries must be one the API
// document names (EvidenceDetail), and who uploaded it (a user's id) stays off the wire.

test("one piece of evidence: the wire shape holds only documented keys; the uploader comes beside it", async () => {
  const engineer = await scratchUser("ENGINEER");
  const created = await scratchEvidence(userPrincipal(engineer));
  const found = await evidenceWithVersions(created.id, EVERYTHING);
  assert.ok(found);
  const evidence = openApiDocument.components!.schemas!.Evidence as SchemaObject;
  const documented = new Set([...Object.keys(evidence.properties!), "versions"]);
  const undocumented = Object.keys(found.evidence).filter((key) => !documented.has(key));
  assert.deepEqual(undocumented, [], "keys the API would send without documenting them");
  assert.equal("uploadedById" in found.evidence, false);
  assert.deepEqual(found.uploader, { uploadedById: engineer.id, uploadedByTokenId: null });
  assert.deepEqual(
    found.evidence.versions.map((v) => v.version),
    [1],
  );
  assert.equal(await evidenceWithVersions("00000000-0000-4000-8000-000000000000", EVERYTHING), null);
});
