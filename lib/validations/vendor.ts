import { z } from "zod";
import { calendarDate, controlCodeSchema } from "@/lib/validations/control";
import { PACKAGE_KINDS } from "@/lib/vendors/package";
import { SOC2_REPORT_TYPES, SUBSERVICE_METHODS, VENDOR_RELATIONSHIPS } from "@/lib/vendors/subservice";
import { blankToNull, required } from "@/lib/validations/form-input";

// A vendor's fields as the form and the API send them. Blank form fields clear a value (null); in
// a PATCH an absent field is left as it is. The DPA's yes/no terms also accept "yes"/"no"/"" from
// radio buttons, "" meaning "not known yet".

const text = (max: number, label: string) =>
  z
    .preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(max, { error: `${label} can be at most ${max} characters.` })
        .nullable(),
    )
    .optional();
const yesNo = z
  .preprocess(
    (v) => (v === "yes" || v === "true" ? true : v === "no" || v === "false" ? false : v === "" || v === "unknown" ? null : v),
    z.boolean({ error: "Answer yes, no, or leave it unknown." }).nullable(),
  )
  .optional();

const httpUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(500)
    .refine((s) => /^https?:\/\/\S+$/i.test(s) && URL.canParse(s), {
      error: "Give the website as a full URL, such as https://vendor.example.",
    })
    .nullable(),
);

const vendorFields = {
  website: httpUrl.optional(),
  securityContact: text(500, "The security contact"),
  zeroRetention: yesNo,
  trainingOptOut: yesNo,
  dataRegion: text(200, "The data region"),
  transferSafeguards: text(2000, "The transfer safeguards"),
  incidentNotification: text(2000, "The incident notification commitment"),
  notes: text(4000, "Notes"),
  // How the vendor is scoped; the service checks the pair (a sub-service organisation needs a method).
  relationship: z.enum(VENDOR_RELATIONSHIPS, { error: `relationship is ${VENDOR_RELATIONSHIPS.join(" or ")}.` }).optional(),
  subserviceMethod: z
    .preprocess(
      blankToNull,
      z.enum(SUBSERVICE_METHODS, { error: `subserviceMethod is ${SUBSERVICE_METHODS.join(" or ")}, or null.` }).nullable(),
    )
    .optional(),
};

const vendorName = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "Give the vendor's name." })
    .min(1, { error: "Give the vendor's name." })
    .max(200, { error: "A vendor name can be at most 200 characters." }),
);

export const vendorCreateSchema = z.object({ name: vendorName, ...vendorFields }).strict();
export const vendorPatchSchema = z.object({ name: vendorName.optional(), ...vendorFields }).strict();
export type VendorCreate = z.output<typeof vendorCreateSchema>;
export type VendorPatch = z.output<typeof vendorPatchSchema>;

export const vendorIdSchema = z.uuid({ error: "Unknown vendor." });
export const packageKindSchema = z.enum(PACKAGE_KINDS, {
  error: `kind is one of ${PACKAGE_KINDS.join(", ")}.`,
});

export const reviewInputSchema = z.object({
  date: required(calendarDate, "Give the date of the review (YYYY-MM-DD)."),
});

export const fallbackInputSchema = z.object({
  feature: z.string().trim().min(1).max(80),
  fallbackStrategy: z.preprocess(blankToNull, z.string().trim().max(2000, { error: "At most 2,000 characters." }).nullable()),
});

export const packageLinkSchema = z
  .object({
    kind: packageKindSchema,
    evidence: z.uuid({ error: "evidence must be the id of an existing evidence." }),
    notes: text(2000, "Notes"),
  })
  .strict();

/** The optional fields of an evidence upload that file it as a vendor's package item. */
export const vendorItemFieldsSchema = z
  .object({
    vendor: z.preprocess(blankToNull, z.uuid({ error: "vendor must be a vendor's id." }).nullable()).optional(),
    vendorItem: z.preprocess(blankToNull, packageKindSchema.nullable()).optional(),
  })
  .refine((f) => Boolean(f.vendor) === Boolean(f.vendorItem), {
    path: ["vendorItem"],
    error: "Give both vendor and vendorItem (the package item's kind), or neither.",
  });

export const VENDOR_FILTERS = ["incomplete", "overdue"] as const;
export const vendorListSchema = z.object({
  filter: z.enum(VENDOR_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
});
export type VendorListQuery = z.output<typeof vendorListSchema>;
/** GET /api/v1/vendors: the same query, but a bad value is refused (a page keeps the lenient one above). */
export const vendorApiListSchema = z.object({
  filter: z.enum(VENDOR_FILTERS, { error: `filter is ${VENDOR_FILTERS.join(" or ")}.` }).optional(),
  page: z.coerce.number({ error: "page is a number from 1." }).int().min(1).max(100000).default(1),
});
export const VENDOR_PAGE_SIZE = 50;

/** The vendor page's scope choice: one field for the relationship and its method. */
export const VENDOR_SCOPES = ["VENDOR", ...SUBSERVICE_METHODS] as const;
export const vendorScopeSchema = z.object({
  scope: z.enum(VENDOR_SCOPES, { error: "Choose vendor, carve-out or inclusive." }),
});

const cuecText = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "Give the CUEC as its report words it." })
    .min(1, { error: "Give the CUEC as its report words it." })
    .max(2000, { error: "A CUEC can be at most 2,000 characters." }),
);
/** A control code, or blank / null for "no control yet". */
const cuecControl = z.preprocess(blankToNull, controlCodeSchema.nullable());

export const cuecCreateSchema = z.object({ text: cuecText, control: cuecControl.optional() }).strict();
/** The PATCH body's fields, unrefined so that a server action can extend them with its ids. */
export const cuecPatchFields = z.object({ text: cuecText.optional(), control: cuecControl.optional() }).strict();
export const cuecPatchGiven = (p: { text?: unknown; control?: unknown }) => p.text !== undefined || p.control !== undefined;
export const cuecPatchSchema = cuecPatchFields.refine(cuecPatchGiven, { error: "Give text, control, or both." });
export type CuecCreate = z.output<typeof cuecCreateSchema>;
export type CuecPatch = z.output<typeof cuecPatchSchema>;
export const cuecIdSchema = z.uuid({ error: "Unknown CUEC." });

/** A SOC 2 report item's facts: its type and the bridge letter (evidence id) that carries it forward; null clears. */
export const soc2ReportFields = z
  .object({
    reportType: z
      .preprocess(blankToNull, z.enum(SOC2_REPORT_TYPES, { error: `reportType is ${SOC2_REPORT_TYPES.join(" or ")}, or null.` }).nullable())
      .optional(),
    bridgeLetter: z.preprocess(blankToNull, z.uuid({ error: "bridgeLetter is an evidence id, or null." }).nullable()).optional(),
  })
  .strict();
export const soc2ReportGiven = (p: { reportType?: unknown; bridgeLetter?: unknown }) =>
  p.reportType !== undefined || p.bridgeLetter !== undefined;
export const soc2ReportPatchSchema = soc2ReportFields.refine(soc2ReportGiven, { error: "Give reportType, bridgeLetter, or both." });
export type Soc2ReportPatch = z.output<typeof soc2ReportPatchSchema>;
export const packageItemIdSchema = z.uuid({ error: "Unknown package item." });
