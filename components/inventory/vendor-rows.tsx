"use client";

import { useId, useState } from "react";

export interface VendorLink {
  vendor: string;
  model: string | null;
  fallbackStrategy: string | null;
}

type Row = { key: number; vendor: string; model: string; fallbackStrategy: string };

const toRow = (v: VendorLink, key: number): Row => ({
  key,
  vendor: v.vendor,
  model: v.model ?? "",
  fallbackStrategy: v.fallbackStrategy ?? "",
});

/**
 * The vendors and models a feature depends on: pick a known vendor (datalist) or type a new name;
 * rows are added and removed here and sent as one JSON field, `vendors`.
 */
export function VendorRows({ initial, vendorNames, errors }: { initial: VendorLink[]; vendorNames: string[]; errors?: string[] }) {
  const listId = useId();
  const [rows, setRows] = useState<Row[]>(() =>
    initial.length ? initial.map(toRow) : [toRow({ vendor: "", model: null, fallbackStrategy: null }, 0)],
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const update = (key: number, field: keyof Omit<Row, "key">, value: string) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const filled = rows
    .filter((r) => r.vendor.trim() || r.model.trim() || r.fallbackStrategy.trim())
    .map((r) => ({ vendor: r.vendor, model: r.model.trim() || null, fallbackStrategy: r.fallbackStrategy.trim() || null }));
  return (
    <fieldset aria-describedby={errors?.length ? "vendors-error" : undefined}>
      <legend>Which vendors and models does it depend on?</legend>
      <p className="hint">Pick a vendor you already track or type a new name; it is added to the vendor list.</p>
      <datalist id={listId}>
        {vendorNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <input type="hidden" name="vendors" value={JSON.stringify(filled)} />
      {rows.map((row, i) => (
        <div key={row.key} className="toolbar" role="group" aria-label={`Vendor row ${i + 1}`}>
          <div className="field">
            <label htmlFor={`vendor-${row.key}`}>Vendor {i + 1}</label>
            <input id={`vendor-${row.key}`} list={listId} value={row.vendor} onChange={(e) => update(row.key, "vendor", e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`model-${row.key}`}>Model {i + 1}</label>
            <input id={`model-${row.key}`} value={row.model} onChange={(e) => update(row.key, "model", e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`fallback-${row.key}`}>Fallback strategy {i + 1}</label>
            <input
              id={`fallback-${row.key}`}
              value={row.fallbackStrategy}
              onChange={(e) => update(row.key, "fallbackStrategy", e.target.value)}
            />
          </div>
          <button type="button" className="secondary" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
            Remove vendor {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setRows((current) => [...current, toRow({ vendor: "", model: null, fallbackStrategy: null }, nextKey)]);
          setNextKey((k) => k + 1);
        }}
      >
        Add a vendor
      </button>
      {errors?.length ? (
        <span id="vendors-error" className="error">
          {errors[0]}
        </span>
      ) : null}
    </fieldset>
  );
}
