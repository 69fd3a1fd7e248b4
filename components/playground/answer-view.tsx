"use client";
import type { CatalogModel } from "@/lib/catalog/types";
import { isRunning, type Answer } from "@/lib/chat/answer";
import { AnswerMarkdown } from "./markdown";
import { AnswerStats } from "./answer-stats";
import { ChatError } from "./chat-error";

// One answer: reasoning in its own collapsible block, the answer as Markdown, then the error
// (under whatever arrived before it) and the figures.
export function AnswerView({
  answer,
  models,
  label,
}: {
  answer: Answer;
  models: readonly CatalogModel[] | undefined;
  label?: string;
}) {
  const running = isRunning(answer);
  const finished = answer.status === "done" || answer.status === "error" || answer.status === "stopped";
  return (
    <article
      className="min-w-0"
      aria-label={label ?? "Answer"}
      aria-busy={running}
      data-testid="answer"
      data-status={answer.status}
    >
      {answer.meta ? (
        <p className="muted mb-1 text-xs">
          {answer.meta.alias ? `${answer.meta.alias} → ` : null}
          <span className="font-mono">{answer.meta.model}</span>
          {answer.meta.provider ? (
            <>
              {" "}
              · served by{" "}
              <span className="font-medium" data-testid="served-by">
                {answer.meta.provider}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {answer.reasoning ? (
        <details
          className="mb-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-950"
          data-testid="reasoning"
        >
          <summary className="cursor-pointer text-sm font-medium text-zinc-700 dark:text-zinc-300">
            Reasoning{running && !answer.content ? " (thinking…)" : ""}
          </summary>
          <p className="mt-2 whitespace-pre-wrap text-sm text-zinc-600 dark:text-zinc-400" data-testid="reasoning-text">
            {answer.reasoning}
          </p>
        </details>
      ) : null}
      {answer.content ? <AnswerMarkdown text={answer.content} testId="answer-content" /> : null}
      {answer.status === "waiting" ? (
        <p className="muted" data-testid="answer-waiting">
          Waiting for the first token…
        </p>
      ) : null}
      {answer.status === "stopped" ? (
        <p className="muted mt-2 text-xs" data-testid="answer-stopped">
          Stopped.
        </p>
      ) : null}
      {answer.error ? (
        <ChatError failure={answer.error} partial={answer.content !== "" || answer.reasoning !== ""} />
      ) : null}
      {finished && (answer.meta || answer.usage) ? <AnswerStats answer={answer} models={models} /> : null}
    </article>
  );
}
