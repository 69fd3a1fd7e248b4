"use client";
import { useCallback, useEffect, useState } from "react";

// Where the guided setup is, kept in localStorage so a reload resumes it. Never holds the token.
const SETUP_STORAGE_KEY = "hfpd.setup.v1";
export const SETUP_STEPS = ["token", "model", "confirm", "done"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupProgress {
  step: SetupStep;
  /** Opened from the Overview although nothing is missing ("Run setup again"). */
  open: boolean;
  /** The user closed it while something was still missing. */
  dismissed: boolean;
  skipped: SetupStep[];
  choice?: string;
}

const INITIAL: SetupProgress = { step: "token", open: false, dismissed: false, skipped: [] };

function load(): SetupProgress {
  try {
    const raw = window.localStorage.getItem(SETUP_STORAGE_KEY);
    if (!raw) return INITIAL;
    const value = JSON.parse(raw) as Partial<SetupProgress>;
    return {
      step: SETUP_STEPS.includes(value.step as SetupStep) ? (value.step as SetupStep) : "token",
      open: value.open === true,
      dismissed: value.dismissed === true,
      skipped: Array.isArray(value.skipped)
        ? value.skipped.filter((s): s is SetupStep => SETUP_STEPS.includes(s as SetupStep))
        : [],
      choice: typeof value.choice === "string" && value.choice.length < 300 ? value.choice : undefined,
    };
  } catch {
    return INITIAL;
  }
}

export function useSetupProgress() {
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  // Read after mount: the server render has no localStorage.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setProgress(load()), []);
  const update = useCallback((patch: Partial<SetupProgress>) => {
    setProgress((current) => {
      const next = { ...(current ?? INITIAL), ...patch };
      try {
        window.localStorage.setItem(SETUP_STORAGE_KEY, JSON.stringify(next));
      } catch {
        // storage full or disabled: the setup still works, it just won't resume
      }
      return next;
    });
  }, []);
  return { progress, update };
}
