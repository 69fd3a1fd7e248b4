"use client";
import { SORT_KEYS, SORT_LABELS, type PickerQuery, type SortKey } from "@/lib/catalog/picker";

const FLAGS = [
  ["live", "Live only"],
  ["reasoning", "Reasoning"],
  ["tools", "Tools"],
  ["structured", "Structured output"],
  ["image", "Image input"],
] as const;

/** Search, provider, capability filters and sort for the picker (state lives in the URL). */
export function PickerFilters({
  query,
  search,
  providers,
  onSearch,
  onChange,
}: {
  query: PickerQuery;
  search: string;
  providers: string[];
  onSearch: (q: string) => void;
  onChange: (patch: Partial<PickerQuery>) => void;
}) {
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="model-search" className="label">
          Search models
        </label>
        <input
          id="model-search"
          type="search"
          className="input mt-1"
          placeholder="id, name, org or provider"
          value={search}
          maxLength={200}
          onChange={(e) => onSearch(e.target.value)}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="model-provider" className="label">
            Provider
          </label>
          <select
            id="model-provider"
            className="input mt-1"
            value={query.provider ?? ""}
            onChange={(e) => onChange({ provider: e.target.value || null })}
          >
            <option value="">Any provider</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="model-sort" className="label">
            Sort by
          </label>
          <select
            id="model-sort"
            className="input mt-1"
            value={query.sort}
            onChange={(e) => onChange({ sort: e.target.value as SortKey })}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend className="label">Only models with</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {FLAGS.map(([key, label]) => (
            <label key={key} className="inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-amber-500"
                checked={query[key]}
                onChange={(e) => onChange({ [key]: e.target.checked })}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
