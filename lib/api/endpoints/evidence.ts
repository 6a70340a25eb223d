import { z } from "zod";
import { endpoint, multipartBody, fileHeaders, json, location, ref } from "@/lib/api/endpoint";
import { evidenceFieldsSchema, evidenceListSchema, reviewSchema, withdrawSchema } from "@/lib/validations/evidence";
import { vendorItemFieldsSchema } from "@/lib/validations/vendor";

// Evidence: upload, list, download, review and withdrawal (lib/api/endpoint.ts).

const evidenceParams = z.object({ id: z.uuid().meta({ description: "The evidence id (a UUID; anything else is a 404)." }) });

export const evidenceApi = {
  listEvidence: endpoint({
    method: "GET",
    path: "/api/v1/evidence",
    permission: "evidence:read",
    query: evidenceListSchema,
    parameterNotes: {
      uploader: "An e-mail, or `token:<name>`.",
      from: "Effective date on or after.",
      to: "Effective date on or before.",
      cursor: "The `nextCursor` of the previous page.",
    },
    operationId: "listEvidence",
    summary: "List evidence",
    description: "Newest upload first, cursor-paginated. `from`/`to` filter the effective date, both inclusive.",
    tags: ["Evidence"],
    ok: { "200": json(ref("EvidencePage"), "A page of evidence.") },
    errors: ["Validation"],
  }),
  uploadEvidence: endpoint({
    method: "POST",
    path: "/api/v1/evidence",
    permission: "evidence:write",
    requestBody: multipartBody({
      fields: [evidenceFieldsSchema, vendorItemFieldsSchema],
      description: "Exactly one of `file` and `url`. Put the text fields before the file part.",
      oneOf: [{ required: ["file"] }, { required: ["url"] }],
      formFields: {
        features: {
          type: "string",
          maxLength: 8100,
          description: "Comma-separated feature slugs (at most 100).",
          examples: ["support-reply-drafts,ticket-triage"],
        },
        file: {
          type: "string",
          contentMediaType: "application/octet-stream",
          description: "The bytes, with a file name whose extension matches them. At most EVIDENCE_MAX_BYTES (default 100 MB).",
        },
      },
      example: { control: "AI-PI-02", title: "Eval run for release 42", effectiveDate: "2026-01-15", url: "https://ci.example.com/run/42" },
    }),
    operationId: "uploadEvidence",
    summary: "Attach evidence (file or link)",
    description:
      "multipart/form-data. Exactly one of `file` and `url`. The server hashes the bytes (SHA-256), sniffs the media type and " +
      "records the upload time itself. 404 for an unknown control, feature or superseded id; 409 when `supersedes` names " +
      "evidence that already has a newer version; 413 above EVIDENCE_MAX_BYTES; 415 when the body is not multipart, the bytes " +
      "do not match the file name's extension, or the file is an executable.",
    tags: ["Evidence"],
    ok: { "201": json(ref("Evidence"), "Stored, with status SUBMITTED.", location) },
    errors: ["Validation", "NotFound", "Conflict", "PayloadTooLarge", "UnsupportedMediaType"],
  }),
  getEvidence: endpoint({
    method: "GET",
    path: "/api/v1/evidence/{id}",
    permission: "evidence:read",
    params: evidenceParams,
    operationId: "getEvidence",
    summary: "Get evidence",
    description: "One evidence record, with the versions of its lineage.",
    tags: ["Evidence"],
    ok: { "200": json(ref("EvidenceDetail"), "The evidence.") },
    errors: ["NotFound"],
  }),
  downloadEvidenceFile: endpoint({
    method: "GET",
    path: "/api/v1/evidence/{id}/file",
    permission: "evidence:read",
    params: evidenceParams,
    operationId: "downloadEvidenceFile",
    summary: "Download the evidence file",
    description:
      "The stored bytes, always as an attachment, with their SHA-256 in `X-Attest-SHA256` (hex) and `Repr-Digest` (base64). " +
      "`Content-Type` is the evidence's sniffed `mediaType`. 404 for link evidence.",
    tags: ["Evidence"],
    ok: {
      "200": {
        description: "The bytes.",
        headers: fileHeaders,
        content: { "*/*": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
      },
    },
    errors: ["NotFound"],
  }),
  reviewEvidence: endpoint({
    method: "POST",
    path: "/api/v1/evidence/{id}/review",
    permission: "evidence:review",
    params: evidenceParams,
    body: reviewSchema,
    bodyName: "EvidenceReview",
    example: { decision: "reject", reason: "The export is from the wrong quarter." },
    operationId: "reviewEvidence",
    summary: "Accept or reject evidence",
    description:
      "Only accepted evidence counts toward coverage. A rejection needs a reason. 409 unless the evidence is SUBMITTED. " +
      "Segregation of duties: 403 for a token that acts for no named person (make one with `token:create --user`), and for " +
      "the person who uploaded the evidence (directly or through a token acting for them, or the same token) unless the " +
      "organisation allows self-review, in which case the evidence is marked `selfReviewed`.",
    tags: ["Evidence"],
    ok: { "200": json(ref("Evidence"), "The reviewed evidence.") },
    errors: ["Validation", "NotFound", "Conflict"],
  }),
  withdrawEvidence: endpoint({
    method: "POST",
    path: "/api/v1/evidence/{id}/withdraw",
    permission: "evidence:write",
    params: evidenceParams,
    body: withdrawSchema,
    bodyName: "EvidenceWithdraw",
    example: { reason: "Uploaded to the wrong control." },
    operationId: "withdrawEvidence",
    summary: "Withdraw evidence",
    description:
      "A recorded state with a reason; nothing is deleted and the bytes stay. Only the uploader (the same person or token) or a " +
      "caller with evidence:review (a token's scopes count) may withdraw, as for a correction (`supersedes`); anyone else gets 403. " +
      "409 when it is already withdrawn.",
    tags: ["Evidence"],
    ok: { "200": json(ref("Evidence"), "The withdrawn evidence.") },
    errors: ["Validation", "NotFound", "Conflict"],
  }),
};
