import { z } from "zod";

/** `format=csv` on a list: every matching row (not one page) as a CSV attachment. */
export const formatParam = z.enum(["json", "csv"], { error: "use json (the default) or csv." }).optional();
