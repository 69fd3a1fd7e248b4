"use client";
import { cheapestProvider } from "@/lib/catalog/routing";
import type { CatalogModel } from "@/lib/catalog/types";
import { parseRef } from "@/lib/openclaw-config/model-ref";
import { formatPrice } from "./format";

/** The dashboard's catalog, for prices: the router's live list, or not (built-in models only). */
export interface PriceSource {
  index: Map<string, CatalogModel>;
  live: boolean;
}

/** The router's lowest live price for a model ($ per 1M tokens in / out), from the catalog. */
export function RouterPrice({ id, prices }: { id: string; prices: PriceSource }) {
  if (!prices.live) return <span className="muted">router list unavailable</span>;
  const model = prices.index.get(parseRef(id).modelId);
  const offer = model ? cheapestProvider(model) : undefined;
  if (!offer) return <span className="muted">{model ? "no live provider" : "not in the router's list"}</span>;
  return (
    <span>
      {formatPrice(offer.inputPrice)} / {formatPrice(offer.outputPrice)}
      <span className="muted"> ({offer.provider})</span>
    </span>
  );
}
