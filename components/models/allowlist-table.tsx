"use client";
import { useId, useState } from "react";
import { parseRef } from "@/lib/openclaw-config/model-ref";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { isWildcardEntry } from "@/lib/openclaw-agent/allowlist";
import { allowEntryProblem } from "@/lib/openclaw-config/ref-rules";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import { AliasEditor } from "./alias-editor";
import { RefLabel } from "./ref-label";

/**
 * The allowlist that applies to this file, where it keeps it (lib/openclaw-agent/allowlist.ts):
 * agents.defaults.modelPolicy.allow once migrated, the keys of agents.defaults.models before. With
 * entries, OpenClaw lets the agent choose only those. Aliases live in agents.defaults.models either way.
 */
export function AllowlistTable({
  settings,
  onStep,
}: {
  settings: ModelSettings;
  onStep: (change: ModelChange) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const policy = settings.allowlistPath === "agents.defaults.modelPolicy.allow";
  const inUse = new Set([...(settings.primary ? [settings.primary] : []), ...settings.fallbacks]);
  const others = policy ? settings.modelEntries : Object.keys(settings.aliases);
  const refs = [...settings.allow, ...others.filter((r) => !settings.allow.includes(r))];
  const listed = new Set(settings.allow);

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    const ref = draft.trim();
    const problem = allowEntryProblem(ref);
    if (problem) return setError(problem);
    if (!parseRef(ref).hasPrefix)
      return setError("Start the ref with huggingface/ so OpenClaw sends it to Hugging Face.");
    if (settings.allow.includes(ref)) return setError("This ref is already allowed.");
    onStep({ allow: [...settings.allow, ref] });
    setDraft("");
    setError(null);
  };

  return (
    <section className="card space-y-4" aria-labelledby="allowlist-title" data-testid="allowlist">
      <div>
        <h2 id="allowlist-title" className="text-lg font-semibold">
          Allowed models and aliases
        </h2>
        <p className="muted mt-1" data-testid="allowlist-source" data-path={settings.allowlistPath}>
          {policy ? (
            <>
              This file keeps its allowlist in <code>agents.defaults.modelPolicy.allow</code> (it was migrated:{" "}
              <code>meta.migrations.modelPolicyAllowlist</code>); aliases stay in <code>agents.defaults.models</code>.
            </>
          ) : (
            <>
              This file is not migrated yet: OpenClaw reads the keys of <code>agents.defaults.models</code> as the
              allowlist (and moves them to <code>agents.defaults.modelPolicy.allow</code> at its next write).
            </>
          )}{" "}
          {settings.allow.length === 0
            ? "It is empty: the agent may use any model."
            : "The agent may choose only the allowed entries. An alias names a ref in chats and commands."}
        </p>
      </div>
      {refs.length > 0 ? (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {refs.map((ref) => (
            <li
              key={ref}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
              data-testid="allow-row"
              data-ref={ref}
              data-allowed={listed.has(ref) ? "true" : "false"}
            >
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <RefLabel refText={ref} alias={settings.aliases[ref]} />
                {inUse.has(ref) ? (
                  <span className="muted text-xs">{ref === settings.primary ? "primary" : "fallback"}</span>
                ) : null}
                {policy && !listed.has(ref) && settings.allow.length > 0 ? (
                  <span className="muted text-xs">not in the allowlist</span>
                ) : null}
              </span>
              <span className="flex flex-wrap items-center gap-2">
                {isWildcardEntry(ref) ? null : (
                  <AliasEditor
                    refText={ref}
                    alias={settings.aliases[ref]}
                    otherAliases={settings.aliases}
                    onSave={(alias) => onStep({ aliases: { [ref]: alias } })}
                  />
                )}
                {listed.has(ref) ? (
                  <button
                    type="button"
                    className="btn px-2 py-1 text-xs"
                    // A legacy file's entry also holds the ref's options, and OpenClaw keeps refs in use there.
                    disabled={!policy && inUse.has(ref)}
                    title={!policy && inUse.has(ref) ? "In use as primary or fallback" : undefined}
                    aria-label={`Remove ${ref} from the allowlist`}
                    onClick={() => onStep({ allow: settings.allow.filter((r) => r !== ref) })}
                  >
                    Remove
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn px-2 py-1 text-xs"
                    aria-label={`Allow ${ref}`}
                    onClick={() => onStep({ allow: [...settings.allow, ref] })}
                  >
                    Allow
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={add} className="flex flex-wrap items-start gap-2">
        <div className="min-w-60 flex-1">
          <label htmlFor={`${id}-ref`} className="label">
            Allow another ref
          </label>
          <input
            id={`${id}-ref`}
            className="input mt-1 font-mono"
            placeholder="huggingface/org/model:policy"
            value={draft}
            maxLength={300}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-error`}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
          />
          <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300" aria-live="polite">
            {error}
          </p>
        </div>
        <button type="submit" className="btn mt-6">
          Allow
        </button>
      </form>
    </section>
  );
}
