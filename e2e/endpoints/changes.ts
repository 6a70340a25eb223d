import { type DomainEndpoints } from "./shared";

// Model and prompt changes, one by one or imported.

export const changesEndpoints: DomainEndpoints = {
  routes: {
    // Model and prompt changes (a fresh commit and pull request per call: a duplicate would be refused)
    "GET /api/v1/changes": { access: "changes:read" },
    "POST /api/v1/changes": {
      access: "changes:write",
      body: (c) => ({
        kind: "PROMPT_CHANGE",
        title: `Authz change ${c.tag}`,
        commitSha: `a${c.tag}`,
        pullRequest: `https://github.com/acme/authz/pull/${parseInt(c.tag, 16)}`,
        mergedAt: "2026-01-15T10:00:00Z",
      }),
    },
    // The CSV import by API (a fresh commit per call)
    "POST /api/v1/changes/import": {
      access: "changes:write",
      body: (c) => ({
        contentType: "text/csv",
        text: `title,pullRequest,commitSha,mergedAt,kind\nAuthz CSV import ${c.tag},,d${c.tag},2026-01-17T09:00:00Z,CONFIG\n`,
      }),
    },
  },
  actions: {
    // Model and prompt changes (a fresh commit and pull request per call)
    "app/(app)/changes/actions.ts#createChangeAction": {
      access: "changes:write",
      input: (c) => ({ kind: "MODEL_UPGRADE", title: `Authz change ${c.tag}`, commitSha: `b${c.tag}`, mergedAt: "2026-01-15T10:00" }),
    },
    "app/(app)/changes/actions.ts#importChangesAction": {
      access: "changes:write",
      input: (c) => ({
        step: "commit",
        kind: "PROMPT_CHANGE",
        text: `title,pullRequest,commitSha,mergedAt\nAuthz import ${c.tag},,c${c.tag},2026-01-16T09:00:00Z\n`,
      }),
    },
  },
  pages: {
    "/changes": "changes:read",
    "/changes/new": "changes:write",
    "/changes/import": "changes:write",
  },
  scopedAuditor: {
    "GET /api/v1/changes": "sees",
    "/changes": "sees",
  },
};
