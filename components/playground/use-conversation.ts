"use client";
import { useEffect, useState } from "react";
import { isRunning } from "@/lib/chat/answer";
import { clearConversation, loadConversation, saveConversation, type Turn } from "@/lib/chat/conversation";

// The conversation survives a reload through localStorage (model, system prompt, turns: never
// the token). The model also goes into the URL. Call only after hydration (see useHydrated): the first state is read from storage.
// It is saved when no answer is streaming, so a long answer is not re-serialised on every token.
export function useConversation(urlModel: string | undefined, defaultModel: string) {
  const [stored] = useState(() => loadConversation(window.localStorage));
  const [model, setModel] = useState(urlModel || stored?.model || defaultModel);
  const [system, setSystem] = useState(stored?.system ?? "");
  const [turns, setTurns] = useState<Turn[]>(stored?.turns ?? []);

  const streaming = turns.some((t) => t.role === "assistant" && isRunning(t.answer));
  useEffect(() => {
    if (!streaming) saveConversation(window.localStorage, { model, system, turns });
  }, [streaming, model, system, turns]);

  // The chosen model lives in the URL too (?model=), so a link or a reload opens the same one.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("model") === model) return;
    url.searchParams.set("model", model);
    window.history.replaceState(window.history.state, "", url);
  }, [model]);

  const clear = () => {
    setTurns([]);
    clearConversation(window.localStorage);
  };

  return { model, setModel, system, setSystem, turns, setTurns, clear };
}
