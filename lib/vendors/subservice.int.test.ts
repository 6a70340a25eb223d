import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl } from "@/e2e/support/database";
import { AppError } from "@/lib/errors";
import { createVendor, updateVendor } from "@/lib/vendors/service";
import { addCuec } from "@/lib/vendors/subservice-service";
import { cuecCreateSchema, vendorCreateSchema, vendorPatchSchema } from "@/lib/validations/vendor";
import { appError, parseBody, tag, userCaller } from "@/lib/testing/scratch";

// Sub-service organisations (carve-out or inclusive) and their CUECs, through the services that
// POST /api/v1/vendors, PATCH /api/v1/vendors/{id} and POST .../cuecs call (the body parsed by the
// route's schema first): a CUEC needs a carve-out vendor, a sub-service vendor needs its method and
// a method needs a sub-service vendor, and a CUEC's control must exist. Refusals write nothing. The
// pages (scope form, CUEC list, readiness finding) stay in e2e/subservice.spec.ts.

const fingerprint = () => fingerprintOf(ownerUrl());

test("a CUEC needs a carve-out vendor; a sub-service vendor needs its method and a method a sub-service vendor", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const vendor = await createVendor(parseBody(vendorCreateSchema, { name: `Plain vendor ${tag()}` }), lead);
  const patch = async (body: Record<string, unknown>) => updateVendor(vendor.id, parseBody(vendorPatchSchema, body), lead);
  const cuec = async (body: Record<string, unknown>) => addCuec(vendor.id, parseBody(cuecCreateSchema, body), lead);

  const before = await fingerprint();
  await assert.rejects(cuec({ text: "A CUEC." }), appError("UNPROCESSABLE", /is not a carve-out sub-service organisation/));
  await assert.rejects(patch({ subserviceMethod: "CARVE_OUT" }), appError("VALIDATION", /./));
  await assert.rejects(patch({ relationship: "SUBSERVICE" }), (error: unknown) => {
    appError("VALIDATION", /./)(error);
    assert.deepEqual((error as AppError).fieldErrors?.subserviceMethod, ["Choose carve-out or inclusive."]);
    return true;
  });
  assert.equal(await fingerprint(), before, "refusals write nothing");

  const scoped = await patch({ relationship: "SUBSERVICE", subserviceMethod: "CARVE_OUT" });
  assert.deepEqual([scoped.relationship, scoped.subserviceMethod], ["SUBSERVICE", "CARVE_OUT"]);
  const added = await cuec({ text: "A CUEC.", control: "AI-SEC-05" });
  assert.deepEqual(
    added.cuecs.map((c) => ({ text: c.text, control: c.control })),
    [{ text: "A CUEC.", control: "AI-SEC-05" }],
  );
  const afterAdd = await fingerprint();
  await assert.rejects(cuec({ text: "Another.", control: "AI-NOPE-99" }), appError("NOT_FOUND", /AI-NOPE-99/));
  assert.equal(await fingerprint(), afterAdd, "a CUEC with an unknown control writes nothing");
});
