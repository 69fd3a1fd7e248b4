// What the Playground chat says about its model compared with what the agent would do: a model
// outside the allowlist that applies is refused by the agent as an explicit choice (measured:
// `openclaw agent --model …` fails before any router call), and an explicit choice never falls back
// (measured: `--model <alias>` with a 400 reports the error, fallbacks untried).
import type { PlaygroundSettings } from "../chat/playground-settings";
import { isAllowed } from "./allowlist";

export interface AgentNote {
  kind: "not_allowed" | "no_fallback";
  message: string;
}

type NoteSettings = Pick<PlaygroundSettings, "primary" | "fallbacks" | "allowlist"> &
  Partial<Pick<PlaygroundSettings, "aliases">>;

const EXPLICIT = "/model, the model picker or --model";

/** Notes for the chat's model, given as a ref with its huggingface/ prefix (aliases resolved). */
export function chatAgentNotes(ref: string, settings: NoteSettings): AgentNote[] {
  const notes: AgentNote[] = [];
  const { allowlist } = settings;
  if (allowlist && !isAllowed(ref, allowlist, settings.aliases?.[ref])) {
    const role = ref === settings.primary ? "primary" : settings.fallbacks.includes(ref) ? "fallback" : undefined;
    notes.push({
      kind: "not_allowed",
      message: role
        ? `${ref} is not in ${allowlist.path}, the allowlist that applies to your openclaw.json: the agent uses it as your ${role}, but refuses it when it is chosen with ${EXPLICIT}.`
        : `The agent would not use ${ref}: it is not in ${allowlist.path}, the allowlist that applies to your openclaw.json. Chosen with ${EXPLICIT}, OpenClaw refuses it before calling the router.`,
    });
  }
  // With fallbacks configured, an explicit choice loses the rest of the chain (the primary too).
  const others = [settings.primary, ...settings.fallbacks].filter(
    (r, i, all): r is string => !!r && r !== ref && all.indexOf(r) === i,
  );
  if (settings.fallbacks.length > 0 && others.length > 0)
    notes.push({
      kind: "no_fallback",
      message: `No fallback here: this chat tries only this model, as OpenClaw does for a model chosen with ${EXPLICIT}: if it fails, the agent reports the error instead of trying ${others.join(", ")}. Only the configured default falls back; Run my configuration follows it.`,
    });
  return notes;
}
