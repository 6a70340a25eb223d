/** The <option>s of a select of `values`, each shown by its label (an enum's labels), or as itself without labels. */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels?: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels ? labels[value] : value}
    </option>
  ));
}

/** The <option>s of a select of inventory features: the slug is sent, the name is shown. */
export function FeatureOptions({ features }: { features: readonly { slug: string; name: string }[] }) {
  return features.map((f) => (
    <option key={f.slug} value={f.slug}>
      {f.name}
    </option>
  ));
}
