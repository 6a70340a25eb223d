// npm run bench: query timings on a scratch embedded PostgreSQL filled with 5,000 AI features
// and 100,000 evidence rows, and a 1 GiB upload through the production server.
// Nothing touches ./data: the database lives in a temporary folder and is removed at the end.
// Each benchmark is one function (benchInventoryList, ...) called from main(); add yours the same way.
// `npm run bench -- evidence upload` runs only the named ones (inventory, coverage, exceptions, evidence, changes, upload, access-import, export);
// "exceptions" runs on the coverage data (seeded for it when "coverage" is not run).
// BENCH_UPLOAD_RUNS=3 repeats the upload and reports the median run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchCoverage, seedCoverage } from "./bench/coverage";
import { benchEvidenceTable, seedEvidence } from "./bench/evidence-table";
import { explainEnabled, installQueryCapture } from "./bench/explain";
import { buildIfStale, startServer } from "./bench/server";
import { benchEvidenceUpload } from "./bench/upload";
import { env } from "@/lib/env";
import { freePort, loadAverage, RUNS, time } from "./bench/util";

const FEATURES = 5_000;
const BENCHMARKS = ["inventory", "coverage", "exceptions", "evidence", "changes", "upload", "access-import", "export"] as const;

// ---- Data ----

type Db = (typeof import("@/lib/db"))["db"];

const VENDORS = [
  ["Anthropic", ["claude-sonnet-4", "claude-haiku-4"]],
  ["OpenAI", ["gpt-4o", "gpt-4o-mini", "text-embedding-3-small"]],
  ["Google", ["gemini-2.5-pro", "gemini-2.5-flash"]],
  ["Mistral", ["mistral-large", "codestral"]],
  ["Cohere", ["command-r-plus", "embed-v3"]],
  ["AWS Bedrock", ["titan-embed"]],
  ["Azure OpenAI", ["gpt-4o"]],
  ["Together AI", ["llama-3.1-70b"]],
] as const;
const TEAMS = [
  "Support platform",
  "Billing",
  "Search",
  "Growth",
  "Trust & Safety",
  "Data platform",
  "Sales tooling",
  "HR systems",
  "Legal ops",
  "Developer experience",
  "Finance",
  "Security engineering",
];
const VERBS = ["Summarises", "Drafts", "Classifies", "Translates", "Extracts", "Ranks", "Answers", "Routes", "Scores", "Redacts"];
const OBJECTS = [
  "support tickets",
  "invoices",
  "contracts",
  "sales calls",
  "code reviews",
  "incident reports",
  "job applications",
  "product reviews",
  "chat transcripts",
  "knowledge-base articles",
];
const CATEGORIES = ["CUSTOMER_CONFIDENTIAL", "PERSONAL_DATA", "SECRETS", "INTERNAL", "PUBLIC"] as const;
const INVOKERS = ["END_USERS", "STAFF", "AUTOMATED_JOBS", "AGENTS"] as const;
const IMPACTS = ["LOW", "MEDIUM", "HIGH"] as const;

/** A deterministic generator, so that every run measures the same data. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function seedFeatures(db: Db) {
  const random = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const subset = <T>(list: readonly T[], min: number) => {
    const chosen = list.filter(() => random() < 0.35);
    return chosen.length >= min ? chosen : [pick(list)];
  };
  const vendors: { id: string; models: { id: string }[] }[] = [];
  for (const [name, models] of VENDORS) {
    vendors.push(
      await db.vendor.create({ data: { name, models: { create: models.map((m) => ({ name: m })) } }, include: { models: true } }),
    );
  }
  const features = Array.from({ length: FEATURES }, (_, i) => {
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    return {
      slug: `bench-${String(i).padStart(5, "0")}`,
      name: `${verb} ${object} ${i}`,
      owner: pick(TEAMS),
      status: random() < 0.12 ? ("RETIRED" as const) : ("ACTIVE" as const),
      purpose: `${verb} ${object} for the ${pick(TEAMS)} team.`,
      inputData: subset(CATEGORIES, 0),
      outputs: `Text shown to ${pick(["agents", "customers", "analysts", "reviewers"])}.`,
      invokers: subset(INVOKERS, 1),
      failureImpact: pick(IMPACTS),
      logsPrompts: random() < 0.5,
      userFacing: random() < 0.4,
      automatedDecisions: random() < 0.2,
    };
  });
  await db.feature.createMany({ data: features });
  const ids = await db.feature.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
  const links = ids.flatMap(({ id }) => {
    const chosen = new Set([pick(vendors), ...(random() < 0.4 ? [pick(vendors)] : [])]);
    return [...chosen].map((v) => ({
      featureId: id,
      vendorId: v.id,
      modelId: pick(v.models).id,
      fallbackStrategy: random() < 0.3 ? "Degrade to no summary" : null,
    }));
  });
  await db.featureVendor.createMany({ data: links });
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`seeded ${features.length} features, ${links.length} vendor links, ${vendors.length} vendors`);
}

// ---- Benchmarks: one function each ----

type ListFeatures = (typeof import("@/lib/features/queries"))["listFeatures"];
type Query = Parameters<ListFeatures>[0];
const base: Query = { sort: "name", dir: "asc", page: 1 };

async function benchInventoryList(listFeatures: ListFeatures) {
  console.log("\nInventory list (listFeatures: count + one page of 25)");
  const { EVERYTHING } = await import("@/lib/auth/scope");
  await time("first page, by name", () => listFeatures(base, EVERYTHING));
  await time("deep page (150), by name", () => listFeatures({ ...base, page: 150 }, EVERYTHING));
  await time("sorted by owner", () => listFeatures({ ...base, sort: "owner" }, EVERYTHING));
  await time("filtered: vendor + data category", () => listFeatures({ ...base, vendor: "Anthropic", data: "PERSONAL_DATA" }, EVERYTHING));
  await time("search 'invoices'", () => listFeatures({ ...base, q: "invoices" }, EVERYTHING));
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")}: choose from ${BENCHMARKS.join(", ")}`);
  const runs = (name: (typeof BENCHMARKS)[number]) => only.length === 0 || only.includes(name);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-bench-"));
  fs.chmodSync(dataDir, 0o711); // as root, PostgreSQL runs as another user that must reach its folder
  process.env.ATTEST_DATA_DIR = dataDir;
  process.env.ATTEST_EMBEDDED_DB_PORT = String(await freePort());
  delete process.env.DATABASE_URL;
  const { startEmbedded } = await import("@/lib/db/embedded");
  const handle = await startEmbedded();
  try {
    process.env.DATABASE_URL = handle.url;
    const { applyMigrations } = await import("@/lib/db/migrate");
    await applyMigrations(handle.url);
    if (explainEnabled()) installQueryCapture(handle.url);
    const { db } = await import("@/lib/db");
    const { seedReferenceData } = await import("@/lib/reference/seed");
    await seedReferenceData(db);
    console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), ${RUNS} runs each`);
    console.log(`load average ${loadAverage()} at ${new Date().toISOString()}`);
    await seedFeatures(db);
    if (runs("inventory")) {
      const { listFeatures } = await import("@/lib/features/queries");
      await benchInventoryList(listFeatures);
    }
    // A fixed "today", so that every run measures the same slots.
    const today = "2026-11-27";
    let coveragePeriod: string | undefined;
    if (runs("coverage")) {
      coveragePeriod = await seedCoverage(db, today);
      await benchCoverage(db, coveragePeriod, today);
    }
    if (runs("exceptions")) {
      const { benchExceptions } = await import("./bench/exceptions");
      await benchExceptions(db, coveragePeriod ?? (await seedCoverage(db, today)));
    }
    if (runs("evidence")) {
      await seedEvidence(db);
      await benchEvidenceTable(db, await import("@/lib/evidence/queries"));
    }
    if (runs("changes")) {
      if (!runs("evidence")) await seedEvidence(db);
      await (await import("./bench/changes")).benchChanges(db);
    }
    if (runs("access-import")) await (await import("./bench/access-import")).benchAccessImport(db);
    if (runs("export")) await (await import("./bench/export")).benchExport(db, dataDir);
    if (runs("upload")) {
      buildIfStale();
      const server = await startServer({ databaseUrl: handle.url, dataDir });
      try {
        await benchEvidenceUpload(db, server, dataDir, env().BENCH_UPLOAD_RUNS);
      } finally {
        await server.stop();
      }
    }
    console.log(`\nload average ${loadAverage()} at the end`);
    await db.$disconnect();
  } finally {
    await handle.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
