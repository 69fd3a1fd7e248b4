"use client";
import { useSyncExternalStore } from "react";

// False on the server and during hydration, true after: lets browser-only state (localStorage)
// be read in useState initialisers without a hydration mismatch.
const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
