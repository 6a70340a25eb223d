// Matching a recorded change to the accepted evidence that names the same commit or pull request.
import { lowerBound } from "./dates";
import type { CoverageChange, CoverageEvidence } from "./types";

/** Shortest abbreviated commit SHA that may match a longer one by prefix (git's default abbreviation). */
export const MIN_SHA_PREFIX = 7;

/** A commit SHA compared case-insensitively and without surrounding spaces; empty means none. */
export function normaliseCommitSha(sha: string | null | undefined): string | null {
  const value = sha?.trim().toLowerCase();
  return value ? value : null;
}

/**
 * `#12`, `12` and a URL ending in `/pull/12` (or `/pulls/12`, a trailing slash, query or fragment)
 * all become `12`. Choice: only the number is kept, so the same number in two repositories
 * matches; anything else is compared as lower-cased text.
 */
export function normalisePullRequest(pullRequest: string | null | undefined): string | null {
  const value = pullRequest?.trim().toLowerCase();
  if (!value) return null;
  const number = /^#?(\d+)$/.exec(value)?.[1] ?? /\/pulls?\/(\d+)\/?(?:[?#].*)?$/.exec(value)?.[1];
  // Leading zeros dropped as text (not Number(), which turns 22 digits into 1e+21), as the SQL does.
  return number ? number.replace(/^0+(?=\d)/, "") : value;
}

/** Whether two normalised SHAs name the same commit: equal, or one a prefix (7+ characters) of the other. */
export function sameCommit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_SHA_PREFIX && long.startsWith(short);
}

function addTo(index: Map<string, string[]>, key: string | null, id: string) {
  if (key === null) return;
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
}

/**
 * Indexes a control's evidence once and returns a function giving, for a change, the sorted ids
 * of the evidence that names its commit or its pull request. Each lookup costs O(SHA length +
 * log evidence + matches), never a scan of all evidence.
 */
export function changeMatcher(evidence: readonly CoverageEvidence[]): (change: CoverageChange) => string[] {
  const bySha = new Map<string, string[]>();
  const byPullRequest = new Map<string, string[]>();
  for (const item of evidence) {
    addTo(bySha, normaliseCommitSha(item.commitSha), item.id);
    addTo(byPullRequest, normalisePullRequest(item.pullRequest), item.id);
  }
  const shas = [...bySha.keys()].sort();

  return (change) => {
    const found = new Set<string>();
    const add = (ids: string[] | undefined) => ids?.forEach((id) => found.add(id));
    const sha = normaliseCommitSha(change.commitSha);
    if (sha !== null) {
      add(bySha.get(sha));
      // Evidence that names an abbreviation of the change's SHA.
      for (let length = MIN_SHA_PREFIX; length < sha.length; length++) add(bySha.get(sha.slice(0, length)));
      // Evidence that names a longer SHA of which the change's is an abbreviation.
      if (sha.length >= MIN_SHA_PREFIX) {
        for (let i = lowerBound(shas, sha, (s) => s); i < shas.length && shas[i].startsWith(sha); i++) add(bySha.get(shas[i]));
      }
    }
    add(byPullRequest.get(normalisePullRequest(change.pullRequest) ?? ""));
    return [...found].sort();
  };
}
