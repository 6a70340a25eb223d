import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenState } from "@/lib/tokens/state";

const now = new Date("2026-03-01T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

test("tokenState: active without expiry or before it, expired from expiresAt on, revoked above all", () => {
  assert.equal(tokenState({ revokedAt: null, expiresAt: null }, now), "active");
  assert.equal(tokenState({ revokedAt: null, expiresAt: at("2026-03-01T12:00:00.001Z") }, now), "active");
  assert.equal(tokenState({ revokedAt: null, expiresAt: at("2026-03-01T12:00:00.000Z") }, now), "expired");
  assert.equal(tokenState({ revokedAt: null, expiresAt: at("2026-02-01T00:00:00.000Z") }, now), "expired");
  assert.equal(tokenState({ revokedAt: at("2026-02-01T00:00:00.000Z"), expiresAt: null }, now), "revoked");
  assert.equal(tokenState({ revokedAt: at("2026-02-01T00:00:00.000Z"), expiresAt: at("2026-01-01T00:00:00.000Z") }, now), "revoked");
});
