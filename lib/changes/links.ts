import { normalisePullRequest } from "@/lib/coverage/matching";

// How a change's pull request and commit read in the list: a pull request as `#412` (a link when
// it is a URL), a commit as its first 7 characters (a link when the repository is known: the sha
// itself is a commit URL, or the pull request's URL names the repository). Pure.

export interface ChangeRef {
  text: string;
  /** An http(s) URL, or null when only the text is known. */
  href: string | null;
  /** The full value, for a title attribute. */
  full: string;
}

const SHORT_SHA = 7;

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The repository's URL from a pull request URL (`https://github.com/o/r/pull/412` → `https://github.com/o/r`). */
export function repositoryOf(pullRequest: string | null | undefined): string | null {
  const url = pullRequest ? httpUrl(pullRequest.trim()) : null;
  if (!url) return null;
  // GitHub's /pull/N, GitLab's /-/merge_requests/N: what precedes it is the repository.
  const m = /^(\/.+?)(?:\/-)?\/(?:pull|pulls|merge_requests)\/\d+\/?$/.exec(url.pathname);
  return m ? `${url.origin}${m[1]}` : null;
}

/** `#412` (a link to the URL when the pull request is one); other text as it was recorded. */
export function pullRequestRef(pullRequest: string | null | undefined): ChangeRef | null {
  const value = pullRequest?.trim();
  if (!value) return null;
  const url = httpUrl(value);
  const key = normalisePullRequest(value);
  const number = key && /^\d+$/.test(key) ? key : null;
  return { text: number ? `#${number}` : value, href: url ? url.href : null, full: value };
}

/** The first 7 characters of the sha; a link when the sha is a commit URL or the repository is known from the pull request's URL. */
export function commitRef(commitSha: string | null | undefined, pullRequest?: string | null): ChangeRef | null {
  const value = commitSha?.trim();
  if (!value) return null;
  const url = httpUrl(value);
  if (url) {
    const sha = /\/commits?\/([0-9a-f]{7,64})\/?$/i.exec(url.pathname)?.[1];
    return { text: sha ? sha.slice(0, SHORT_SHA).toLowerCase() : value, href: url.href, full: value };
  }
  const repository = repositoryOf(pullRequest);
  const hex = /^[0-9a-f]{7,64}$/i.test(value);
  return {
    text: value.slice(0, SHORT_SHA).toLowerCase(),
    href: repository && hex ? `${repository}/commit/${value.toLowerCase()}` : null,
    full: value,
  };
}
