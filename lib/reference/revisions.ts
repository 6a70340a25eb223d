import { mappingRevisions } from "@/prisma/reference-data";

export interface MappingAddition {
  control: string;
  criterion: string;
}

/**
 * The criteria mappings that revisions after `stored` add, for the guide controls among `codes`
 * (the controls that existed before this seed: a control the seed creates gets its full mapping).
 * Pure, so the upgrade rule is unit-tested without a database.
 */
export function pendingMappingAdditions(stored: number, codes: Iterable<string>, revisions = mappingRevisions): MappingAddition[] {
  const present = new Set(codes);
  return revisions
    .filter((r) => r.revision > stored)
    .sort((a, b) => a.revision - b.revision)
    .flatMap((r) =>
      Object.entries(r.added)
        .filter(([control]) => present.has(control))
        .flatMap(([control, criteria]) => criteria.map((criterion) => ({ control, criterion }))),
    );
}
