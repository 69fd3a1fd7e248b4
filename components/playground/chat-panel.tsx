"use client";
import type { CatalogModel } from "@/lib/catalog/types";
import type { Answer } from "@/lib/chat/answer";
import type { Turn } from "@/lib/chat/conversation";
import { explainChatError } from "@/lib/chat/errors";
import type { AgentNote } from "@/lib/openclaw-agent/chat-notes";
import { AnswerView } from "./answer-view";

// The conversation and the composer. Ctrl/Cmd+Enter sends.
interface Props {
  turns: Turn[];
  draft: string;
  onDraft: (text: string) => void;
  onSend: () => void;
  onStop: () => void;
  onClear: () => void;
  running: boolean;
  blocked?: string;
  models: readonly CatalogModel[] | undefined;
  /** Where this chat's model differs from what the agent would do with it. */
  agentNotes?: AgentNote[];
}

export function statusText(answer: Answer | undefined): string {
  if (!answer) return "";
  switch (answer.status) {
    case "waiting":
      return "Waiting for the answer…";
    case "streaming":
      return "Answering…";
    case "done":
      return "Answer complete.";
    case "stopped":
      return "Stopped.";
    case "error":
      return `Failed: ${answer.error ? explainChatError(answer.error.kind).title : "error"}.`;
  }
}

export function ChatPanel({
  turns,
  draft,
  onDraft,
  onSend,
  onStop,
  onClear,
  running,
  blocked,
  models,
  agentNotes = [],
}: Props) {
  const last = turns[turns.length - 1];
  const lastAnswer = last?.role === "assistant" ? last.answer : undefined;
  return (
    <div className="space-y-4">
      <ol className="space-y-4" aria-label="Conversation">
        {turns.length === 0 ? <li className="muted">No messages yet. Write one below.</li> : null}
        {turns.map((turn, i) => (
          <li
            key={i}
            className={
              turn.role === "user"
                ? "ml-auto max-w-[85%] rounded-xl bg-amber-50 px-4 py-2 dark:bg-amber-950/40"
                : "card"
            }
            data-testid={turn.role === "user" ? "user-message" : "assistant-message"}
          >
            {turn.role === "user" ? (
              <p className="whitespace-pre-wrap text-sm">{turn.content}</p>
            ) : (
              <AnswerView answer={turn.answer} models={models} />
            )}
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="sr-only" data-testid="chat-status">
        {statusText(lastAnswer)}
      </p>
      {agentNotes.length > 0 ? (
        <ul className="space-y-2" aria-label="How the agent would differ">
          {agentNotes.map((note) => (
            <li
              key={note.kind}
              className={note.kind === "not_allowed" ? "alert-warn text-sm" : "muted text-sm"}
              data-testid="agent-note"
              data-kind={note.kind}
            >
              {note.message}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          onSend();
        }}
      >
        <label className="label" htmlFor="playground-message">
          Message
        </label>
        <textarea
          id="playground-message"
          className="input min-h-24"
          value={draft}
          onChange={(e) => onDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onSend();
            }
          }}
          placeholder="Ask something… (Ctrl+Enter to send)"
        />
        {blocked ? <p className="text-xs text-amber-700 dark:text-amber-400">{blocked}</p> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={running || !!blocked || draft.trim() === ""}>
            Send
          </button>
          {running ? (
            <button type="button" className="btn" onClick={onStop}>
              Stop
            </button>
          ) : null}
          <button type="button" className="btn ml-auto" onClick={onClear} disabled={turns.length === 0 && !running}>
            Clear conversation
          </button>
        </div>
      </form>
    </div>
  );
}
