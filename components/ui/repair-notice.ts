"use client";
import { useSyncExternalStore } from "react";

// What the last one-click repair did, kept outside the button that made it: the repaired problem
// (and its button) disappear from the page as soon as the new file arrives.
let notice: string | null = null;
const listeners = new Set<() => void>();

export function setRepairNotice(text: string | null): void {
  notice = text;
  for (const listener of listeners) listener();
}

export function useRepairNotice(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notice,
    () => null,
  );
}
