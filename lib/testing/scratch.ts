import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { after } from "node:test";
import type { z } from "zod";
import { userPrincipal, tokenPrincipal, type Principal, type PrincipalToken, type PrincipalUser } from "@/lib/auth/principal";
import { generateToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { createEvidence, parseEvidenceFields } from "@/lib/evidence/service";
import { evidenceRoot, stageStream } from "@/lib/evidence/storage";
import type { RoleName } from "@/lib/permissions";
import { evidenceFieldsSchema } from "@/lib/validations/evidence";

// Scratch data for the services tier (lib/**/*.int.test.ts): rows with unique names in the tier's
// database (a copy of the migrated, seeded test database; scripts/test-database.ts), and the
// callers that domain functions take: Principals (lib/auth/principal.ts), as the wrappers build them.

// The tier's test files end when their event loop empties: close the pool once they are done.
after(() => db.$disconnect());

/** A short unique suffix for names and e-mails. */
export const tag = () => randomBytes(4).toString("hex");

/** A user of that role (with an unusable password hash: the tier never signs in). */
export async function scratchUser(role: RoleName, label = role.toLowerCase()): Promise<PrincipalUser & { name: string }> {
  const id = tag();
  return db.user.create({
    data: { email: `${label}.${id}@scratch.test`, name: `Scratch ${label} ${id}`, role, passwordHash: "scratch:not-a-hash" },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** An API token row of that role (scopes as given, acting for `user` or for nobody), as tokenPrincipal takes it. */
export async function scratchToken(
  role: RoleName,
  options: { scopes?: string[]; user?: { id: string; email: string; name: string } } = {},
): Promise<PrincipalToken> {
  const { hash, prefix } = generateToken();
  const row = await db.apiToken.create({
    data: {
      name: `scratch ${role.toLowerCase()} ${tag()}`,
      tokenHash: hash,
      prefix,
      role,
      scopes: options.scopes ?? [],
      userId: options.user?.id ?? null,
    },
  });
  return {
    id: row.id,
    name: row.name,
    role,
    scopes: row.scopes,
    user: options.user ? { id: options.user.id, email: options.user.email, name: options.user.name } : null,
  };
}

/** A signed-in person of that role, as the browser's actions see them. */
export async function userCaller(role: RoleName): Promise<Principal> {
  return userPrincipal(await scratchUser(role));
}

/** An API token's caller: for nobody, or for `user` when given. */
export async function tokenCaller(
  role: RoleName,
  options: { scopes?: string[]; user?: { id: string; email: string; name: string } } = {},
): Promise<Principal> {
  return tokenPrincipal(await scratchToken(role, options));
}

/** A feature with the fields the schema requires. */
export async function scratchFeature(label = "feature") {
  const id = tag();
  return db.feature.create({
    data: {
      slug: `scratch-${label}-${id}`,
      name: `Scratch ${label} ${id}`,
      owner: "scratch@scratch.test",
      purpose: "A feature made by the services tier.",
      outputs: "Text",
      failureImpact: "LOW",
    },
  });
}

/** A seeded control by code (the reference seed loads 23), such as "AI-SEC-01". */
export async function seededControl(code: string) {
  return db.control.findUniqueOrThrow({ where: { code } });
}

/** An audit period over [start, end] covering every category, with `features` in scope. */
export async function scratchPeriod(start: string, end: string, features: { id: string }[] = []) {
  return db.auditPeriod.create({
    data: {
      name: `Scratch period ${tag()}`,
      type: "TYPE_II",
      start: new Date(`${start}T00:00:00Z`),
      end: new Date(`${end}T00:00:00Z`),
      categories: ["SECURITY", "AVAILABILITY", "CONFIDENTIALITY", "PROCESSING_INTEGRITY", "PRIVACY"],
      features: { create: features.map((f) => ({ featureId: f.id })) },
    },
  });
}

/** Link evidence (a URL, no file) uploaded by `caller`, through createEvidence as the API does. */
export async function scratchEvidence(
  caller: Principal,
  fields: { control?: string; title?: string; effectiveDate?: string; url?: string } = {},
) {
  const parsed = evidenceFieldsSchema.parse({
    control: fields.control ?? "AI-SEC-01",
    title: fields.title ?? `Scratch evidence ${tag()}`,
    effectiveDate: fields.effectiveDate ?? "2026-02-02",
    url: fields.url ?? `https://scratch.test/${tag()}`,
  });
  return createEvidence(parsed, undefined, caller);
}

/**
 * Evidence as POST /api/v1/evidence makes it: raw fields validated by parseEvidenceFields, a file's
 * bytes staged as the multipart parser stages them, then createEvidence. Refusals throw its AppError.
 */
export async function scratchUpload(caller: Principal, raw: Record<string, unknown>, file?: { name: string; bytes: Buffer }) {
  const fields = await parseEvidenceFields(raw);
  const staged = file ? { name: file.name, staged: await stageStream(Readable.from([file.bytes]), 64 * 1024 * 1024) } : undefined;
  return createEvidence(fields, staged, caller);
}

/** Staged uploads left behind in the evidence store's temp folder (a refusal must leave none). */
export function stagedFiles(): string[] {
  const dir = path.join(evidenceRoot(), "tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".part")) : [];
}

/** A request body as the API's wrapper parses it (lib/api/route.ts): the schema's first message as a VALIDATION AppError. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, "Invalid body.");
  return parsed.data;
}

/** For assert.rejects: an AppError with that code whose message matches (a string must equal it). */
export const appError = (code: AppError["code"], message: RegExp | string) => (error: unknown) => {
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  if (typeof message === "string") assert.equal(error.message, message);
  else assert.match(error.message, message);
  return true;
};
