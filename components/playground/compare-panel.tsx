"use client";
import { useState } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import type { Answer } from "@/lib/chat/answer";
import { resolveModelInput } from "@/lib/chat/model-input";
import type { PlaygroundSettings } from "@/lib/chat/playground-settings";
import type { ChatParams, ChatRequest } from "@/lib/chat/request";
import { runChat } from "@/lib/chat/run";
import { useChatRun } from "@/lib/client/use-chat-run";
import { AnswerView } from "./answer-view";
import { statusText } from "./chat-panel";
import { ModelPicker } from "./model-picker";

// The same prompt to two models at once, answers side by side. Only parameters every model
// takes are sent, so the comparison is fair.
interface Props {
  settings: PlaygroundSettings;
  modelA: string;
  system: string;
  params: ChatParams;
  models: readonly CatalogModel[] | undefined;
  blocked?: string;
}

export function ComparePanel({ settings, modelA, system, params, models, blocked }: Props) {
  const [modelB, setModelB] = useState(() => settings.fallbacks[0] ?? "huggingface/openai/gpt-oss-120b");
  const [prompt, setPrompt] = useState("Explain what a context window is, in two sentences.");
  const [answers, setAnswers] = useState<[Answer | undefined, Answer | undefined]>([undefined, undefined]);
  const [shown, setShown] = useState<[string, string]>(["", ""]);
  const { running, run, stop } = useChatRun();
  const valid = resolveModelInput(modelA, settings.aliases).valid && resolveModelInput(modelB, settings.aliases).valid;

  async function compare() {
    if (running || !valid || prompt.trim() === "") return;
    setShown([modelA, modelB]);
    const base: Omit<ChatRequest, "model"> = {
      messages: [{ role: "user", content: prompt }],
      ...params,
      ...(system.trim() ? { system } : {}),
    };
    await run(({ signal, isCurrent }) =>
      Promise.all(
        [modelA, modelB].map((model, side) =>
          runChat(
            { ...base, model },
            {
              signal,
              onUpdate: (a) => {
                if (isCurrent()) setAnswers((pair) => (side === 0 ? [a, pair[1]] : [pair[0], a]));
              },
            },
          ),
        ),
      ),
    );
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <p className="label">Model A</p>
          <p className="mt-1 font-mono text-sm" data-testid="compare-model-a">
            {modelA}
          </p>
          <p className="muted text-xs">The model chosen on the left.</p>
        </div>
        <ModelPicker label="Model B" value={modelB} onChange={setModelB} settings={settings} models={models} />
      </div>
      <div>
        <label className="label" htmlFor="compare-prompt">
          Prompt for both
        </label>
        <textarea
          id="compare-prompt"
          className="input mt-1 min-h-20"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        />
      </div>
      {blocked ? <p className="text-xs text-amber-700 dark:text-amber-400">{blocked}</p> : null}
      <div className="flex gap-2">
        <button
          type="button"
          className="btn-primary"
          onClick={compare}
          disabled={running || !!blocked || !valid || prompt.trim() === ""}
        >
          Compare
        </button>
        {running ? (
          <button type="button" className="btn" onClick={stop}>
            Stop
          </button>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {answers.map((answer, side) =>
          answer ? (
            <section
              key={side}
              className="card min-w-0"
              aria-label={`Model ${side === 0 ? "A" : "B"}`}
              data-testid={`compare-${side === 0 ? "a" : "b"}`}
            >
              <h3 className="mb-2 text-sm font-semibold">
                {side === 0 ? "A" : "B"}: <span className="font-mono font-normal">{shown[side]}</span>
              </h3>
              <AnswerView answer={answer} models={models} label={`Answer of model ${side === 0 ? "A" : "B"}`} />
              <p
                role="status"
                aria-live="polite"
                className="sr-only"
              >{`Model ${side === 0 ? "A" : "B"}: ${statusText(answer)}`}</p>
            </section>
          ) : null,
        )}
      </div>
    </div>
  );
}
