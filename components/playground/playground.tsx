"use client";
import { useMemo, useState } from "react";
import type { Answer } from "@/lib/chat/answer";
import { capabilitiesFor, structuredOutputProviders } from "@/lib/chat/capabilities";
import { messagesOf } from "@/lib/chat/conversation";
import { resolveModelInput } from "@/lib/chat/model-input";
import { EMPTY_PARAMS, genericParams, toChatParams, type ParamsForm } from "@/lib/chat/params";
import type { PlaygroundSettings } from "@/lib/chat/playground-settings";
import type { ChatRequest } from "@/lib/chat/request";
import { runChat } from "@/lib/chat/run";
import { findModel, useCatalog } from "@/lib/client/catalog";
import { useChatRun } from "@/lib/client/use-chat-run";
import { chatAgentNotes } from "@/lib/openclaw-agent/chat-notes";
import { DEFAULT_MODEL_REF } from "@/lib/openclaw-config/model-ref";
import { ChatPanel } from "./chat-panel";
import { CodePanel } from "./code-panel";
import { ComparePanel } from "./compare-panel";
import { ModelPicker } from "./model-picker";
import { ParamsPanel } from "./params-panel";
import { RunConfigPanel } from "./run-config-panel";
import { TabPanel, Tabs } from "./tabs";
import { useConversation } from "./use-conversation";
import { useHydrated } from "./use-hydrated";

const TABS = [
  { id: "chat", label: "Chat" },
  { id: "run-config", label: "Run my configuration" },
  { id: "compare", label: "Compare" },
  { id: "code", label: "Code" },
] as const;
type TabId = (typeof TABS)[number]["id"];

interface Props {
  settings: PlaygroundSettings;
  /** ?model= in the URL: wins over the stored conversation's model. */
  initialModel?: string;
}

export function Playground(props: Props) {
  const hydrated = useHydrated();
  if (!hydrated)
    return (
      <p className="muted" aria-busy="true">
        Loading the playground…
      </p>
    );
  return <PlaygroundBody {...props} />;
}

function PlaygroundBody({ settings, initialModel }: Props) {
  const { data: catalogData, error: catalogError } = useCatalog();
  const catalog = { models: catalogData?.models, failed: !!catalogError };
  const conversation = useConversation(initialModel, settings.primary ?? DEFAULT_MODEL_REF);
  const { model, setModel, system, setSystem, turns, setTurns } = conversation;
  const [form, setForm] = useState<ParamsForm>(EMPTY_PARAMS);
  const [draft, setDraft] = useState("");
  const [tab, setTab] = useState<TabId>("chat");
  const chat = useChatRun();

  const resolved = resolveModelInput(model, settings.aliases);
  const agentNotes = resolved.valid ? chatAgentNotes(resolved.ref, settings) : [];
  const catalogModel = findModel(catalog.models, resolved.modelId);
  const caps = capabilitiesFor(catalogModel, resolved.policy);
  const { params, errors } = toChatParams(form, caps);
  const structuredProviders = useMemo(() => structuredOutputProviders(catalogModel), [catalogModel]);
  const { running } = chat;
  const paramsInvalid = Object.keys(errors).length > 0;
  const blocked = !settings.hasToken
    ? "Add a Hugging Face token first (Token page)."
    : !resolved.valid
      ? "Choose a valid model."
      : paramsInvalid
        ? "Fix the parameters first."
        : undefined;

  const baseRequest = (messages: ChatRequest["messages"]): ChatRequest => ({
    model: model.trim(),
    messages,
    ...params,
    ...(system.trim() ? { system } : {}),
  });

  async function send() {
    const content = draft.trim();
    if (!content || running || blocked) return;
    const history = [...turns, { role: "user" as const, content }];
    const request = baseRequest(messagesOf(history));
    setDraft("");
    setTurns([
      ...history,
      { role: "assistant", answer: { status: "waiting", content: "", reasoning: "", startedAt: performance.now() } },
    ]);
    await chat.run(({ signal, isCurrent }) => {
      // Updates of a run that was cleared away (or replaced) must not land in the new conversation.
      const setLast = (answer: Answer) => {
        if (isCurrent()) setTurns((list) => [...list.slice(0, -1), { role: "assistant", answer }]);
      };
      return runChat(request, { signal, onUpdate: setLast });
    });
  }

  const snippetMessages = messagesOf(turns);
  if (draft.trim()) snippetMessages.push({ role: "user", content: draft.trim() });
  if (snippetMessages.length === 0) snippetMessages.push({ role: "user", content: "Hello!" });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
      {settings.configProblem ? <p className="alert-warn lg:col-span-2">{settings.configProblem}</p> : null}
      <section className="card space-y-4 self-start" aria-label="Request settings">
        <ModelPicker label="Model" value={model} onChange={setModel} settings={settings} models={catalog.models} />
        {catalog.failed ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            The model catalog is unavailable: type any model id; only generic parameters are offered.
          </p>
        ) : null}
        <div>
          <label className="label" htmlFor="playground-system">
            System prompt
          </label>
          <textarea
            id="playground-system"
            className="input mt-1 min-h-20"
            value={system}
            onChange={(e) => setSystem(e.target.value)}
            placeholder="Optional"
          />
        </div>
        <ParamsPanel
          form={form}
          onChange={setForm}
          caps={caps}
          errors={errors}
          structuredProviders={structuredProviders}
        />
      </section>
      <section className="min-w-0" aria-label="Playground">
        <Tabs items={TABS} selected={tab} onSelect={setTab} idPrefix="playground" label="Playground modes" />
        <TabPanel id="chat" idPrefix="playground" selected={tab === "chat"}>
          <ChatPanel
            turns={turns}
            draft={draft}
            onDraft={setDraft}
            onSend={send}
            onStop={chat.stop}
            onClear={() => {
              chat.discard();
              conversation.clear();
            }}
            running={running}
            blocked={blocked}
            models={catalog.models}
            agentNotes={agentNotes}
          />
        </TabPanel>
        <TabPanel id="run-config" idPrefix="playground" selected={tab === "run-config"}>
          <RunConfigPanel
            settings={settings}
            system={system}
            models={catalog.models}
            blocked={settings.hasToken ? undefined : blocked}
          />
        </TabPanel>
        <TabPanel id="compare" idPrefix="playground" selected={tab === "compare"}>
          <ComparePanel
            settings={settings}
            modelA={model.trim()}
            system={system}
            params={genericParams(params)}
            models={catalog.models}
            blocked={blocked}
          />
        </TabPanel>
        <TabPanel id="code" idPrefix="playground" selected={tab === "code"}>
          <CodePanel
            request={baseRequest(snippetMessages)}
            routerModel={resolved.routerModel}
            baseUrl={settings.baseUrl}
          />
        </TabPanel>
      </section>
    </div>
  );
}
