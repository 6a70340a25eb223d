import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { recordBuild, sourceFingerprint, staleBuildReason } from "./fingerprint";

function scratchProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "attest-fingerprint-"));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write("app/page.tsx", "export default function Home() { return 'hello'; }\n");
  write("lib/config.ts", "export const a = 1;\n");
  write("package-lock.json", '{"lockfileVersion": 3}\n');
  write("next.config.ts", "export default {};\n");
  write("lib/generated/prisma/client.ts", "// generated\n");
  write("node_modules/next/index.js", "// a dependency\n");
  return root;
}

test("the fingerprint changes with a page, the lockfile or a renamed file, and not with generated or test files", () => {
  const root = scratchProject();
  try {
    const first = sourceFingerprint(root);
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(sourceFingerprint(root), first, "same files, same fingerprint");

    fs.writeFileSync(path.join(root, "lib/generated/prisma/client.ts"), "// generated again\n");
    fs.writeFileSync(path.join(root, "node_modules/next/index.js"), "// another version\n");
    fs.writeFileSync(path.join(root, "lib/config.test.ts"), "// a unit test\n");
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "x");
    assert.equal(sourceFingerprint(root), first, "generated code, dependencies, tests and the build itself are not inputs");

    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default function Home() { return 'changed'; }\n");
    const afterPage = sourceFingerprint(root);
    assert.notEqual(afterPage, first, "a page's text");

    fs.writeFileSync(path.join(root, "package-lock.json"), '{"lockfileVersion": 3, "packages": {}}\n');
    const afterLock = sourceFingerprint(root);
    assert.notEqual(afterLock, afterPage, "the lockfile");

    fs.renameSync(path.join(root, "lib/config.ts"), path.join(root, "lib/settings.ts"));
    assert.notEqual(sourceFingerprint(root), afterLock, "a file moved, same content");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("a build is stale without BUILD_ID, without a record, or when the sources changed after it", () => {
  const root = scratchProject();
  const dist = path.join(root, ".next");
  try {
    assert.equal(staleBuildReason(dist, root), "no build yet");
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, "BUILD_ID"), "abc");
    assert.match(staleBuildReason(dist, root) ?? "", /does not say which sources/, "a build from before fingerprints");

    recordBuild(dist, root);
    assert.equal(staleBuildReason(dist, root), null);

    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default function Home() { return 'new text'; }\n");
    assert.match(staleBuildReason(dist, root) ?? "", /sources or the lockfile changed/);

    recordBuild(dist, root);
    assert.equal(staleBuildReason(dist, root), null, "rebuilt: current again");
    fs.writeFileSync(path.join(dist, "attest-build.json"), "not json");
    assert.match(staleBuildReason(dist, root) ?? "", /does not say which sources/, "an unreadable record means rebuild");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
