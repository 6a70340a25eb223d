import Link from "next/link";
import type { FeatureLabel } from "@/lib/features/labels";

/** Features by name, each a link to its inventory page (the slug is the link's and the tooltip's). */
export function FeatureLinks({ features, none }: { features: readonly FeatureLabel[]; none: string }) {
  if (features.length === 0) return <>{none}</>;
  return (
    <>
      {features.map((f, i) => (
        <span key={f.slug}>
          {i > 0 && ", "}
          <Link href={`/inventory/${f.slug}`} title={f.slug}>
            {f.name}
          </Link>
        </span>
      ))}
    </>
  );
}
