"use client";
import { useState } from "react";
import type { ChatRequest } from "@/lib/chat/request";
import { buildSnippet, SNIPPET_LANGUAGES, type SnippetLanguage } from "@/lib/chat/snippets";

// The current request as code. The token is read from HF_TOKEN in every snippet: the
// dashboard never has it on the browser side, so it cannot leak into one.
export function CodePanel({
  request,
  routerModel,
  baseUrl,
}: {
  request: ChatRequest;
  routerModel: string;
  baseUrl?: string;
}) {
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [copied, setCopied] = useState("");
  const code = buildSnippet(language, { request, routerModel, baseUrl });
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="label">Language</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {SNIPPET_LANGUAGES.map((l) => (
            <label key={l.id} className="flex items-center gap-1.5 text-sm">
              <input
                type="radio"
                name="snippet-language"
                value={l.id}
                checked={language === l.id}
                onChange={() => setLanguage(l.id)}
              />
              {l.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="muted">
        For the current model, system prompt, conversation and parameters. Set{" "}
        <code className="font-mono">HF_TOKEN</code> in your environment first; the snippet never contains the token.
      </p>
      <div className="relative">
        <pre
          className="overflow-x-auto rounded-lg bg-zinc-900 p-4 text-xs text-zinc-100"
          tabIndex={0}
          aria-label={`${language} snippet`}
        >
          <code data-testid="snippet">{code}</code>
        </pre>
        <button
          type="button"
          className="btn absolute right-2 top-2"
          onClick={() => {
            navigator.clipboard.writeText(code).then(
              () => setCopied("Copied."),
              () => setCopied("Copy failed: select the text instead."),
            );
          }}
        >
          Copy
        </button>
      </div>
      <p role="status" aria-live="polite" className="text-xs">
        {copied}
      </p>
    </div>
  );
}
