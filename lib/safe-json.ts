// Hostile-input JSON: refuses prototype-polluting keys and absurd nesting before anything
// else sees the value. Shared by route bodies and config files.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_JSON_DEPTH = 32;

export class UnsafeJsonError extends Error {}

export function assertSafeValue(value: unknown, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) throw new UnsafeJsonError(`Nesting deeper than ${MAX_JSON_DEPTH} levels is refused.`);
  if (Array.isArray(value)) {
    for (const item of value) assertSafeValue(item, depth + 1);
  } else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError(`The key "${key}" is not allowed.`);
      assertSafeValue((value as Record<string, unknown>)[key], depth + 1);
    }
  }
}

/** JSON.parse that refuses forbidden keys and deep nesting (throws UnsafeJsonError / SyntaxError). */
export function parseSafeJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new UnsafeJsonError("The JSON is nested too deeply.");
    throw error;
  }
  assertSafeValue(value);
  return value;
}

// Control characters (C0, DEL, C1) and line/paragraph separators break refs, aliases and files.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export function hasControlChars(text: string): boolean {
  return CONTROL_CHARS.test(text);
}
