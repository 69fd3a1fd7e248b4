// Number formatting shared by the model views.
export function formatPrice(usdPerMillion: number | undefined): string {
  if (usdPerMillion === undefined || !Number.isFinite(usdPerMillion)) return "—";
  return `$${usdPerMillion < 1 ? usdPerMillion.toFixed(2) : usdPerMillion.toFixed(2).replace(/\.00$/, "")}`;
}

export function formatTokens(n: number | undefined): string {
  if (!n) return "—";
  return n.toLocaleString("en");
}

export function formatNumber(n: number | undefined, unit: string): string {
  return n === undefined ? "—" : `${Math.round(n).toLocaleString("en")} ${unit}`;
}
