import type { Db } from "@/lib/db";
import { hashStored } from "@/lib/evidence/storage";

export interface FileProblem {
  sha256: string;
  problem: string;
  evidence: string[];
}

/** Re-hashes every stored file that evidence refers to; names each that is missing or altered. */
export async function verifyStoredFiles(db: Db): Promise<{ checked: number; problems: FileProblem[] }> {
  const files = await db.storedFile.findMany({
    select: { sha256: true, size: true, evidence: { select: { id: true } } },
    orderBy: { storedAt: "asc" },
  });
  const problems: FileProblem[] = [];
  for (const file of files) {
    const actual = await hashStored(file.sha256);
    const evidence = file.evidence.map((e) => e.id);
    if (!actual) problems.push({ sha256: file.sha256, problem: "the file is missing from storage", evidence });
    else if (actual.sha256 !== file.sha256) {
      problems.push({ sha256: file.sha256, problem: `its bytes now hash to ${actual.sha256} (${actual.size} bytes)`, evidence });
    }
  }
  return { checked: files.length, problems };
}
