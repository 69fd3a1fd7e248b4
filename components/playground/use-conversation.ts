"use client";
import { useEffect, useState } from "react";
import { isRunning } from "@/lib/chat/answer";
import { clearConversation, loadConversation, saveConversation, type Turn } from "@/lib/chat/conversation";

// The conversation survives a reload through localStorage (model, system prompt, turns: never
// the token). Call only after hydration (see useHydrated): the first state is read from storage.
// It is saved when no answer is streaming, so a long answer is not re-serialised on every token.
export function useConversation(initialModel: string) {
  const [stored] = useState(() => loadConversation(window.localStorage));
  const [model, setModel] = useState(stored?.model || initialModel);
  const [system, setSystem] = useState(stored?.system ?? "");
  const [turns, setTurns] = useState<Turn[]>(stored?.turns ?? []);

  const streaming = turns.some((t) => t.role === "assistant" && isRunning(t.answer));
  useEffect(() => {
    if (!streaming) saveConversation(window.localStorage, { model, system, turns });
  }, [streaming, model, system, turns]);

  const clear = () => {
    setTurns([]);
    clearConversation(window.localStorage);
  };

  return { model, setModel, system, setSystem, turns, setTurns, clear };
}
