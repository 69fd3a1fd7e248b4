// openclaw.json's text parsed as OpenClaw reads it (JSON5), or why it does not parse: one parser for
// the server (the file, a candidate text) and the browser (the editor's live errors, an import), so
// both say the same thing about the same text. Pure: no file is opened here.
import JSON5 from "json5";
import { assertSafeValue, UnsafeJsonError } from "@/lib/safe-json";

export interface ParseProblem {
  message: string;
  line?: number;
  column?: number;
}

export interface ParsedConfig {
  data: Record<string, unknown> | null;
  problem: ParseProblem | null;
  /** The text is plain JSON (as OpenClaw writes it), whatever its spacing. */
  json: boolean;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `text` parsed; an empty text is an empty config. Nesting past 32 levels and `__proto__` keys are problems. */
export function parseConfigText(text: string): ParsedConfig {
  if (text.trim() === "") return { data: {}, problem: null, json: false };
  // OpenClaw writes plain JSON, which JSON5 reads the same way: JSON.parse is ~10x faster on it.
  let value = parseJsonOrUndefined(text);
  const json = value !== undefined;
  try {
    if (!json) value = JSON5.parse(text);
  } catch (error) {
    const e = error as { message?: string; lineNumber?: number; columnNumber?: number };
    // The position is given apart: "JSON5: invalid character 'x' at 3:7" says "invalid character 'x'".
    const message = (e.message ?? "Syntax error").replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, "");
    return { data: null, problem: { message, line: e.lineNumber, column: e.columnNumber }, json };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { data: null, problem: { message: "The top level must be an object ({ … })." }, json };
  }
  try {
    assertSafeValue(value);
  } catch (error) {
    if (error instanceof UnsafeJsonError) return { data: null, problem: { message: error.message }, json };
    throw error;
  }
  return { data: value as Record<string, unknown>, problem: null, json };
}

/** " (line 3, column 7)", or "" when the problem has no position. */
export function problemPosition(problem: ParseProblem): string {
  return problem.line ? ` (line ${problem.line}, column ${problem.column ?? 1})` : "";
}
