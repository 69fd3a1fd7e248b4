"use client";
import { cheapestProvider } from "@/lib/catalog/routing";
import type { CatalogModel } from "@/lib/catalog/types";
import { parseRef } from "@/lib/openclaw-config/model-ref";
import { formatPrice } from "./format";

/** The router's lowest live price for a model ($ per 1M tokens in / out), from the catalog. */
export function RouterPrice({ id, index }: { id: string; index: Map<string, CatalogModel> }) {
  const model = index.get(parseRef(id).modelId);
  const offer = model ? cheapestProvider(model) : undefined;
  if (!offer) return <span className="muted">{model ? "no live provider" : "not in the router's list"}</span>;
  return (
    <span>
      {formatPrice(offer.inputPrice)} / {formatPrice(offer.outputPrice)}
      <span className="muted"> ({offer.provider})</span>
    </span>
  );
}
