// A whole file edited in the browser comes back with the masks it was shown (••••••••). As in
// OpenClaw's own editor, a masked value left as it is keeps the saved secret: each value (and key)
// that still reads exactly as the saved one at the same place was shown is given back the saved
// one. A mask anywhere else ("stray": moved, pasted, partly edited, or where nothing secret is
// saved) is reported by its path, so the file never receives a mask.
import { MASK, maskSecrets, redactValue } from "./redact";
import { childContext, ROOT_CONTEXT, type SecretContext } from "./secret-paths";

export interface RestoredMasks {
  /** The edited data with the saved secrets back in place of their masks. */
  data: Record<string, unknown>;
  /** How many values and keys got their saved secret back. */
  kept: number;
  /** Dot-joined paths (OpenClaw's form) of masks that match nothing saved at their place. */
  stray: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (at: string, key: string | number) => (at ? `${at}.${key}` : String(key));

function define(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `edited` (parsed from the browser's text) with the masks of `saved` (the file on disk) restored. */
export function restoreMasks(edited: Json, saved: Json | null, extraSecrets: readonly string[]): RestoredMasks {
  let kept = 0;
  const stray: string[] = [];

  const walk = (value: unknown, before: unknown, context: SecretContext, at: string): unknown => {
    if (typeof value === "string") {
      if (!value.includes(MASK)) return value;
      const shown =
        before === undefined || isObject(before) || Array.isArray(before)
          ? undefined
          : redactValue(before, context, extraSecrets);
      if (shown === value) {
        kept++;
        return before;
      }
      stray.push(at);
      return value;
    }
    if (Array.isArray(value)) {
      const old = Array.isArray(before) ? before : [];
      return value.map((item, i) => walk(item, old[i], context, join(at, i)));
    }
    if (!isObject(value)) return value;
    const old = isObject(before) ? before : {};
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      let savedKey = key;
      if (key.includes(MASK)) {
        const matches = Object.keys(old).filter((k) => maskSecrets(k, extraSecrets) === key);
        if (matches.length === 1) {
          savedKey = matches[0];
          kept++;
        } else {
          stray.push(join(at, key));
        }
      }
      define(
        out,
        savedKey,
        walk(
          item,
          Object.hasOwn(old, savedKey) ? old[savedKey] : undefined,
          childContext(context, savedKey),
          join(at, savedKey),
        ),
      );
    }
    return out;
  };

  return { data: walk(edited, saved ?? {}, ROOT_CONTEXT, "") as Json, kept, stray };
}
