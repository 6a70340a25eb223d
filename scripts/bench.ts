// npm run bench: query timings on a scratch embedded PostgreSQL filled with 5,000 AI features.
// Nothing touches ./data: the database lives in a temporary folder and is removed at the end.
// Each benchmark is one function (benchInventoryList, ...) called from main(); add yours the same way.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = 30;
const FEATURES = 5_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Runs fn RUNS times after two warm-up calls and prints p50 / p95 in milliseconds. */
async function time(label: string, fn: () => Promise<unknown>) {
  await fn();
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(48)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`,
  );
}

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
  await time("first page, by name", () => listFeatures(base));
  await time("deep page (150), by name", () => listFeatures({ ...base, page: 150 }));
  await time("sorted by owner", () => listFeatures({ ...base, sort: "owner" }));
  await time("filtered: vendor + data category", () => listFeatures({ ...base, vendor: "Anthropic", data: "PERSONAL_DATA" }));
  await time("search 'invoices'", () => listFeatures({ ...base, q: "invoices" }));
}

async function main() {
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
    const { db } = await import("@/lib/db");
    const { seedReferenceData } = await import("@/lib/reference/seed");
    await seedReferenceData(db);
    console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), ${RUNS} runs each`);
    await seedFeatures(db);
    const { listFeatures } = await import("@/lib/features/queries");
    await benchInventoryList(listFeatures);
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
