"use client";
import { useMemo } from "react";
import { computeWarnings } from "@/lib/catalog/warnings";
import { useCatalog, useCatalogIndex } from "@/lib/client/catalog";
import { useConfigState } from "@/lib/client/config";
import { applyChangeToSettings } from "@/lib/openclaw-config/draft";
import { useDraft } from "./draft-store";

/** The settings after the pending change, and the warnings for them against the current catalog. */
export function useEffectiveSettings() {
  const config = useConfigState();
  const catalog = useCatalog();
  const draft = useDraft();
  const index = useCatalogIndex(catalog.data?.models);
  const saved = config.data?.settings;
  const settings = useMemo(
    () => (saved ? (draft ? applyChangeToSettings(saved, draft.change) : saved) : undefined),
    [saved, draft],
  );
  const warnings = useMemo(() => {
    if (!settings) return [];
    // Until the catalog arrives, the server's warnings for the saved file stand in.
    if (!catalog.data) return draft ? [] : (config.data?.warnings ?? []);
    return computeWarnings(settings, catalog.data, index);
  }, [settings, catalog.data, index, draft, config.data?.warnings]);
  return { config, catalog, draft, index, settings, warnings };
}
