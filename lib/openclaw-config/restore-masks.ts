// A whole file edited in the browser comes back with the masks it was shown (••••••••). As in
// OpenClaw's own editor, a masked value left as it is keeps the saved secret: each value (and key)
// that still reads exactly as the saved one at the same place was shown is given back the saved
// one. A mask anywhere else ("stray": moved, pasted, partly edited, or where nothing secret is
// saved) is reported by its path, so the file never receives a mask.
import { scanJson5, type Json5Token } from "./json5-scan";
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

// ---- A file that does not parse: its values, as far as they can be read, by place ----

/** A place in the file, linked to its parent (no path copied per value: deep nesting stays linear). */
interface Place {
  up: Place | null;
  key: string | number;
  depth: number;
  /** The next item's index, for an array at this place. */
  items: { next: number };
}

/** Deeper than any config OpenClaw reads (the parser refuses 32); deeper values are not read back. */
const MAX_DEPTH = 64;

function pathOf(place: Place): (string | number)[] {
  const path: (string | number)[] = [];
  for (let p: Place | null = place; p && p.up; p = p.up) path.push(p.key);
  return path.reverse();
}

const HOSTILE = new Set(["__proto__", "constructor", "prototype"]);

function decoded(token: Json5Token): unknown {
  if (token.kind === "number") return Number(token.value);
  if (token.kind === "literal") return token.value === "true" ? true : token.value === "false" ? false : null;
  return token.value;
}

function setAt(root: Json, path: (string | number)[], value: unknown): void {
  let node: Json | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    const existing = (node as Record<string | number, unknown>)[key];
    const next = last
      ? value
      : existing && typeof existing === "object"
        ? existing
        : typeof path[i + 1] === "number"
          ? []
          : {};
    if (Array.isArray(node)) node[key as number] = next;
    else define(node, String(key), next);
    if (last) return;
    node = next as Json | unknown[];
  }
}

/**
 * The values of a file that does not parse (as openclaw.json may be while the user repairs it in the
 * editor), read by the same tolerant scanner that masks it, so its masks can be given back by place.
 */
export function valuesOfUnparsable(text: string): Json {
  const root: Json = {};
  const at = (up: Place, key: string | number): Place => ({ up, key, depth: up.depth + 1, items: { next: 0 } });
  scanJson5<Place>(text, {
    root: { up: null, key: "", depth: 0, items: { next: 0 } },
    child: (parent, key) => at(parent, key),
    item: (parent) => at(parent, parent.items.next++),
    value(token, place) {
      if (!token.closed || place.depth === 0 || place.depth > MAX_DEPTH) return;
      const path = pathOf(place);
      if (!path.some((k) => HOSTILE.has(String(k)))) setAt(root, path, decoded(token));
    },
  });
  return root;
}
