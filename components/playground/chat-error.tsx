import Link from "next/link";
import { explainChatError } from "@/lib/chat/errors";
import type { ChatFailure } from "@/lib/chat/wire";

// An upstream failure in our words, with what to do next.
export function ChatError({ failure, partial = false }: { failure: ChatFailure; partial?: boolean }) {
  const explanation = explainChatError(failure.kind);
  const action = explanation.action;
  return (
    <div className="alert-error mt-3" role="alert" data-testid="chat-error" data-kind={failure.kind}>
      <p className="font-semibold">{explanation.title}</p>
      <p className="mt-1">{failure.message}</p>
      {partial ? <p className="mt-1">The part of the answer that arrived before the error is kept above.</p> : null}
      {action ? (
        <p className="mt-1">
          {action.href ? (
            action.href.startsWith("/") ? (
              <Link className="link" href={action.href}>
                {action.label}
              </Link>
            ) : (
              <a className="link" href={action.href} target="_blank" rel="noreferrer noopener">
                {action.label}
              </a>
            )
          ) : (
            <span>{action.label}.</span>
          )}
        </p>
      ) : null}
      {failure.upstreamStatus || failure.requestId ? (
        <p className="mt-1 text-xs opacity-80">
          {failure.upstreamStatus ? `Router status ${failure.upstreamStatus}` : null}
          {failure.upstreamStatus && failure.requestId ? " · " : null}
          {failure.requestId ? `request id ${failure.requestId}` : null}
        </p>
      ) : null}
    </div>
  );
}
