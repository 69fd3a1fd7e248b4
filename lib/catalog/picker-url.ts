// The picker's state lives in the URL (search, filters, sort, selected model) so a view can be
// shared, bookmarked and restored with Back.
import { EMPTY_QUERY, SORT_KEYS, type PickerQuery, type SortKey } from "./picker";

const FLAGS = ["reasoning", "tools", "structured", "image", "live"] as const;
const MAX_PARAM = 200;

export interface PickerUrlState extends PickerQuery {
  model: string | null;
}

type Params = { get(name: string): string | null };

function clean(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > MAX_PARAM || /[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return trimmed;
}

export function readPickerState(params: Params): PickerUrlState {
  const sort = params.get("sort");
  const state: PickerUrlState = {
    ...EMPTY_QUERY,
    q: clean(params.get("q")) ?? "",
    provider: clean(params.get("provider")),
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : "name",
    model: clean(params.get("model")),
  };
  for (const flag of FLAGS) state[flag] = params.get(flag) === "1";
  return state;
}

export function writePickerState(state: PickerUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.provider) params.set("provider", state.provider);
  for (const flag of FLAGS) if (state[flag]) params.set(flag, "1");
  if (state.sort !== "name") params.set("sort", state.sort);
  if (state.model) params.set("model", state.model);
  return params;
}
