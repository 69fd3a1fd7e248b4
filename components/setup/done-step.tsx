"use client";
import Link from "next/link";
import { useState } from "react";
import type { Answer } from "@/lib/chat/answer";
import { runChat } from "@/lib/chat/run";
import { useChatRun } from "@/lib/client/use-chat-run";
import type { ConfigStateBody } from "@/lib/openclaw-config/api-types";

const TRY_PROMPT = "Hello! Please introduce yourself in one sentence.";

/** The end of setup: one click sends a message to the new default, and the command to see OpenClaw pick it up. */
export function DoneStep({ config, onClose }: { config: ConfigStateBody; onClose: () => void }) {
  const primary = config.settings.primary;
  const alias = primary ? config.settings.aliases[primary] : undefined;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const chat = useChatRun();

  async function tryIt() {
    if (!primary) return;
    const request = { model: primary, messages: [{ role: "user" as const, content: TRY_PROMPT }] };
    await chat
      .run(({ signal, isCurrent }) => runChat(request, { signal, onUpdate: (a) => isCurrent() && setAnswer(a) }))
      .catch(() => undefined); // a failure is shown in the answer itself
  }

  return (
    <div className="space-y-4">
      <h3 className="font-semibold">Done</h3>
      {primary ? (
        <p className="alert-ok" data-testid="setup-done">
          Your agent&apos;s default model is <code>{primary}</code>
          {alias ? ` (“${alias}”)` : ""}.
        </p>
      ) : (
        <p className="alert-warn">No default model is set yet: run the setup again, or pick one on the Models page.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary"
          onClick={() => void tryIt()}
          disabled={!primary || answer?.status === "waiting" || answer?.status === "streaming"}
        >
          Try it: send “Hello”
        </button>
        <Link className="btn" href={primary ? `/playground?model=${encodeURIComponent(primary)}` : "/playground"}>
          Open the playground
        </Link>
        <button type="button" className="btn" onClick={onClose}>
          Finish
        </button>
      </div>
      <div aria-live="polite" data-testid="setup-try-answer">
        {answer ? <TryAnswer answer={answer} /> : null}
      </div>
      <div className="space-y-1">
        <p className="muted">See OpenClaw pick it up:</p>
        <pre className="rounded-lg bg-zinc-900 p-3 text-sm text-zinc-100">
          <code>openclaw models status</code>
        </pre>
      </div>
    </div>
  );
}

function TryAnswer({ answer }: { answer: Answer }) {
  if (answer.status === "error" && answer.error) {
    return (
      <div className="alert-error space-y-1">
        {answer.content ? <p className="whitespace-pre-wrap">{answer.content}</p> : null}
        <p>{answer.error.message}</p>
      </div>
    );
  }
  if (!answer.content)
    return <p className="muted">{answer.reasoning ? "The model is thinking…" : "Waiting for the first token…"}</p>;
  return (
    <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="whitespace-pre-wrap">{answer.content}</p>
      {answer.status === "done" && answer.meta?.provider ? (
        <p className="muted mt-2">Answered by {answer.meta.provider}.</p>
      ) : null}
    </div>
  );
}
