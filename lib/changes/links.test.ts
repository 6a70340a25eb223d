import assert from "node:assert/strict";
import test from "node:test";
import { commitRef, pullRequestRef, repositoryOf } from "@/lib/changes/links";

test("a pull request URL reads #number and links to itself", () => {
  assert.deepEqual(pullRequestRef("https://github.com/acme/app/pull/412"), {
    text: "#412",
    href: "https://github.com/acme/app/pull/412",
    full: "https://github.com/acme/app/pull/412",
  });
  assert.deepEqual(pullRequestRef(" #0412 "), { text: "#412", href: null, full: "#0412" });
  assert.deepEqual(pullRequestRef("412"), { text: "#412", href: null, full: "412" });
  assert.deepEqual(pullRequestRef("PR-7 in Gerrit"), { text: "PR-7 in Gerrit", href: null, full: "PR-7 in Gerrit" });
  assert.equal(pullRequestRef(""), null);
  assert.equal(pullRequestRef(null), null);
});

test("the repository comes from a pull request URL only", () => {
  assert.equal(repositoryOf("https://github.com/acme/app/pull/412"), "https://github.com/acme/app");
  assert.equal(repositoryOf("https://github.com/acme/app/pull/412/"), "https://github.com/acme/app");
  assert.equal(repositoryOf("https://gitlab.example.com/g/app/-/merge_requests/9"), "https://gitlab.example.com/g/app");
  assert.equal(repositoryOf("#412"), null);
  assert.equal(repositoryOf("javascript:alert(1)//pull/1"), null);
  assert.equal(repositoryOf(null), null);
});

test("a commit reads as 7 characters, a link when the repository is known", () => {
  const sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B";
  assert.deepEqual(commitRef(sha, "https://github.com/acme/app/pull/412"), {
    text: "9f86d08",
    href: "https://github.com/acme/app/commit/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
    full: sha,
  });
  assert.deepEqual(commitRef(sha, "#412"), { text: "9f86d08", href: null, full: sha });
  assert.deepEqual(commitRef(sha), { text: "9f86d08", href: null, full: sha });
  assert.equal(commitRef("  "), null);
});

test("a commit recorded as a URL links to itself", () => {
  const url = "https://github.com/acme/app/commit/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";
  assert.deepEqual(commitRef(url), { text: "9f86d08", href: url, full: url });
});

test("text that is not hex is not made into a link", () => {
  assert.deepEqual(commitRef("release-2026", "https://github.com/acme/app/pull/1"), { text: "release", href: null, full: "release-2026" });
});
