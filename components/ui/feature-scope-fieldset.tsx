// The "AI features in scope" checkboxes of a scoped form (audit periods, access reviews):
// one checkbox per active feature, named "features", with the field's error under the group.

export function FeatureScopeFieldset({
  features,
  selected,
  errors,
}: {
  features: { slug: string; name: string }[];
  selected: readonly string[];
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={errors?.length ? "features-error" : undefined}>
      <legend>AI features in scope</legend>
      {features.length === 0 ? (
        <p className="muted">No active feature in the inventory yet.</p>
      ) : (
        <div className="checkbox-grid">
          {features.map((f) => (
            <label key={f.slug}>
              <input type="checkbox" name="features" value={f.slug} defaultChecked={selected.includes(f.slug)} /> {f.name}
            </label>
          ))}
        </div>
      )}
      {errors?.length ? (
        <span id="features-error" className="error">
          {errors[0]}
        </span>
      ) : null}
    </fieldset>
  );
}
