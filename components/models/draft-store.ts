"use client";
import { useSyncExternalStore } from "react";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { mergeChanges, normalizeChange } from "@/lib/openclaw-config/draft";
import { asModelChange } from "@/lib/openclaw-config/ref-rules";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";

// The pending (unsaved) change to openclaw.json, kept per tab in sessionStorage so the Config page
// can show the same diff before saving. It holds model refs and aliases only, never a secret.
const STORAGE_KEY = "hfpd:model-draft";
interface Draft {
  baseRevision: string;
  change: ModelChange;
}

function asDraft(value: unknown): Draft | null {
  if (!value || typeof value !== "object") return null;
  const { baseRevision, change } = value as Record<string, unknown>;
  const checked = asModelChange(change);
  return typeof baseRevision === "string" && baseRevision.length <= 100 && checked
    ? { baseRevision, change: checked }
    : null;
}

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: Draft | null } = { raw: null, value: null };

function read(): Draft | null {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return cache.value; // storage disabled: keep the in-memory copy
  }
  if (raw === cache.raw) return cache.value;
  let value: Draft | null = null;
  try {
    value = raw ? asDraft(JSON.parse(raw)) : null;
  } catch {
    value = null;
  }
  cache = { raw, value };
  return value;
}

function write(value: Draft | null): void {
  const raw = value ? JSON.stringify(value) : null;
  try {
    if (raw) window.sessionStorage.setItem(STORAGE_KEY, raw);
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the draft lives in memory only
  }
  cache = { raw, value };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDraft(): Draft | null {
  return useSyncExternalStore(subscribe, read, () => null);
}

/** Adds one step to the pending change; a change that ends up changing nothing clears it. */
export function addDraftStep(
  saved: Pick<ModelSettings, "primary" | "fallbacks" | "aliases" | "allow">,
  revision: string,
  step: ModelChange,
): void {
  const current = read();
  const merged = mergeChanges(current?.change ?? {}, step);
  const change = normalizeChange(saved, merged);
  write(Object.keys(change).length ? { baseRevision: current?.baseRevision ?? revision, change } : null);
}

/** After a 409: keep the change, aim it at the file as it is now. */
export function rebaseDraft(revision: string): void {
  const current = read();
  if (current) write({ ...current, baseRevision: revision });
}

export function clearDraft(): void {
  write(null);
}
