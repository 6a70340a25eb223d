import { type DomainEndpoints } from "./shared";

// Evidence: upload, review, withdraw, download.

export const evidenceEndpoints: DomainEndpoints = {
  routes: {
    // Evidence ([id] is a fresh submitted evidence per call, uploaded by the caller)
    "GET /api/v1/evidence": { access: "evidence:read" },
    "POST /api/v1/evidence": {
      access: "evidence:write",
      body: (c) => ({
        multipart: {
          control: "AI-SEC-05",
          title: `Authz upload ${c.tag}`,
          effectiveDate: "2026-01-15",
          file: { name: "authz.txt", mimeType: "text/plain", buffer: Buffer.from(`authz ${c.tag}\n`) },
        },
      }),
    },
    "GET /api/v1/evidence/[id]": { access: "evidence:read" },
    "GET /api/v1/evidence/[id]/file": { access: "evidence:read" },
    // A review needs a named reviewer: tokens that act for no one are refused (segregation of duties); the evidence is another person's.
    "POST /api/v1/evidence/[id]/review": { access: "evidence:review", body: () => ({ decision: "accept" }), people: true },
    "POST /api/v1/evidence/[id]/withdraw": { access: "evidence:write", body: (c) => ({ reason: `authz ${c.tag}` }) },
  },
  actions: {
    // Evidence: the call's own fresh evidence, uploaded by the caller
    "app/(app)/evidence/actions.ts#reviewEvidenceAction": {
      access: "evidence:review",
      input: (c) => ({ id: c.reviewable.id, decision: "accept" }),
    },
    "app/(app)/evidence/actions.ts#withdrawEvidenceAction": {
      access: "evidence:write",
      input: (c) => ({ id: c.evidence.id, reason: `authz ${c.tag}` }),
    },
  },
  pages: {
    "/evidence": "evidence:read",
    "/evidence/upload": "evidence:write",
    "/evidence/review": "evidence:review",
    "/evidence/[id]": "evidence:read",
  },
  scopedAuditor: {
    "GET /api/v1/evidence": "sees",
    "GET /api/v1/evidence/[id]": 404, // dated 2026-01-15: outside their 2019 window
    "GET /api/v1/evidence/[id]/file": 404,
    "/evidence": "sees",
    "/evidence/[id]": 404,
  },
};
