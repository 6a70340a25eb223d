import { PARAM_VALUES, type DomainEndpoints } from "./shared";

// Access reviews: preparation, items, decisions, revocations, sign-off, the record.

export const accessReviewsEndpoints: DomainEndpoints = {
  routes: {
    // Access-review decisions, sign-off, revocations, record (the call's own review and item, see CallContext)
    "POST /api/v1/access-reviews/[reviewId]/items/[itemId]/decision": {
      access: "access-reviews:decide",
      people: true,
      body: (c) => ({ decision: "keep", comment: `authz ${c.tag}` }),
    },
    "POST /api/v1/access-reviews/[reviewId]/items/[itemId]/revocation": {
      access: "access-reviews:decide",
      people: true,
      body: (c) => ({ doneOn: new Date().toISOString().slice(0, 10), note: `authz ${c.tag}` }),
    },
    "POST /api/v1/access-reviews/[reviewId]/sign-off": {
      access: "access-reviews:write",
      people: true,
      body: (c) => ({ statement: `authz ${c.tag}` }),
    },
    "GET /api/v1/access-reviews/[reviewId]/record": { access: "access-reviews:read" },
    // Access reviews ([reviewId] is the DRAFT fixture; start gets the call's own fresh draft)
    "GET /api/v1/access-reviews": { access: "access-reviews:read" },
    "POST /api/v1/access-reviews": {
      access: "access-reviews:write",
      body: (c) => ({
        name: `Authz access review ${c.tag}`,
        quarter: "2026-Q4",
        sameQuarterReason: `Authz: the fixture already covers 2026-Q4 (${c.tag})`,
      }),
    },
    "GET /api/v1/access-reviews/[reviewId]": { access: "access-reviews:read" },
    "POST /api/v1/access-reviews/[reviewId]/items": {
      access: "access-reviews:write",
      body: (c) => [{ principal: `authz-api-${c.tag}`, principalKind: "SERVICE", resource: "Authz resource", accessLevel: "read" }],
    },
    "POST /api/v1/access-reviews/[reviewId]/start": { access: "access-reviews:write" },
    // The CSV import by API, into the DRAFT fixture (a fresh principal per call)
    "POST /api/v1/access-reviews/[reviewId]/items/import": {
      access: "access-reviews:write",
      body: (c) => ({
        contentType: "text/csv",
        text: `principal,kind,resource,access_level\nauthz-csv-${c.tag},service,Authz resource,read\n`,
      }),
    },
  },
  actions: {
    // Access reviews: the DRAFT fixture, or the call's own fresh draft (start, remove, assign)
    "app/(app)/access-reviews/actions.ts#createReviewAction": {
      access: "access-reviews:write",
      input: (c) => ({
        name: `Authz access review ${c.tag}`,
        quarter: "2026-Q4",
        resources: ["MODEL_API_KEY", "PROMPT_LOGS"],
        sameQuarterReason: `Authz: the fixture already covers 2026-Q4 (${c.tag})`,
      }),
    },
    "app/(app)/access-reviews/actions.ts#updateReviewAction": {
      access: "access-reviews:write",
      input: (c) => ({
        reviewId: PARAM_VALUES.reviewId,
        name: `Fixture access review ${c.tag}`,
        quarter: "2026-Q4",
        sameQuarterReason: `Authz: the fixture already covers 2026-Q4 (${c.tag})`,
      }),
    },
    "app/(app)/access-reviews/actions.ts#addItemAction": {
      access: "access-reviews:write",
      input: (c) => ({
        reviewId: PARAM_VALUES.reviewId,
        principal: `authz-${c.tag}`,
        principalKind: "SERVICE",
        resource: "Authz resource",
        resourceKind: "OTHER",
        accessLevel: "read",
      }),
    },
    "app/(app)/access-reviews/actions.ts#removeItemAction": {
      access: "access-reviews:write",
      input: (c) => ({ reviewId: c.review.id, itemId: c.review.itemId }),
    },
    "app/(app)/access-reviews/actions.ts#assignReviewerAction": {
      access: "access-reviews:write",
      input: (c) => ({ reviewId: c.review.id, reviewer: "engineer@example.test", scope: "selected", itemIds: c.review.itemId }),
    },
    "app/(app)/access-reviews/actions.ts#importItemsAction": {
      access: "access-reviews:write",
      input: (c) => ({
        reviewId: PARAM_VALUES.reviewId,
        fileName: "authz.csv",
        csv: `principal,resource,access\nauthz-import-${c.tag},Authz resource,read\n`,
        principal: "principal",
        principalKindDefault: "SERVICE",
        resource: "resource",
        accessLevel: "access",
      }),
    },
    "app/(app)/access-reviews/actions.ts#startReviewAction": { access: "access-reviews:write", input: (c) => ({ reviewId: c.review.id }) },
    // Access-review decisions, sign-off, revocations (the call's own review and item)
    "app/(app)/access-reviews/inbox/actions.ts#decideItemAction": {
      access: "access-reviews:decide",
      input: (c) => ({ reviewId: c.accessReview.reviewId, itemId: c.accessReview.itemId, decision: "keep", comment: `authz ${c.tag}` }),
    },
    "app/(app)/access-reviews/sign-off/actions.ts#signOffAction": {
      access: "access-reviews:write",
      input: (c) => ({ reviewId: c.accessReview.reviewId, statement: `authz ${c.tag}` }),
    },
    "app/(app)/access-reviews/sign-off/actions.ts#markRevocationDoneAction": {
      access: "access-reviews:decide",
      input: (c) => ({
        reviewId: c.accessReview.reviewId,
        itemId: c.accessReview.itemId,
        doneOn: new Date().toISOString().slice(0, 10),
        note: `authz ${c.tag}`,
      }),
    },
  },
  pages: {
    "/access-reviews/inbox": "access-reviews:decide",
    "/access-reviews/revocations": "access-reviews:read",
    "/access-reviews/[reviewId]/record": "access-reviews:read",
    "/access-reviews": "access-reviews:read",
    "/access-reviews/new": "access-reviews:write",
    "/access-reviews/[reviewId]": "access-reviews:read",
    "/access-reviews/[reviewId]/edit": "access-reviews:write",
    "/access-reviews/[reviewId]/import": "access-reviews:write",
  },
  scopedAuditor: {
    "GET /api/v1/access-reviews": "sees",
    "GET /api/v1/access-reviews/[reviewId]": 404, // the signed-off fixture review: its record is 2026 evidence
    "GET /api/v1/access-reviews/[reviewId]/record": 404,
    "/access-reviews": "sees",
    "/access-reviews/revocations": "sees",
    "/access-reviews/[reviewId]": 404,
    "/access-reviews/[reviewId]/record": 404,
  },
};
