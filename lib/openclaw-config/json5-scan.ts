// One pass over JSON5 text that reports every key and every primitive value with its position and
// its place in the tree, so a caller can rewrite values in place and keep the rest of the file
// (comments, order, quotes, spacing) byte for byte. The `json5` package parses, but says nothing
// about positions. Hand-written on purpose: no regex runs over the text (a backtracking one made a
// 20 kB string cost half a second; the few here test one character), each character is read a
// bounded number of times, each key is judged once, and open containers are an array, not a
// recursion, so deep nesting costs nothing. It never throws: a file that does not parse is walked
// as far as it makes sense, skipping what it cannot read.

export interface Json5Token {
  /** [start, end) in the text, quotes included. */
  start: number;
  end: number;
  /** Keys are strings or identifiers; values are strings, numbers (Infinity, NaN too) or true/false/null. */
  kind: "string" | "identifier" | "number" | "literal";
  /** Strings and identifiers decoded (escapes resolved); numbers and literals as written. */
  value: string;
  /** The string's quote; absent for everything else. */
  quote?: '"' | "'";
  /** The raw text holds backslash escapes, so `value` differs from what is written. */
  escaped: boolean;
  /**
   * False for what a broken file holds where a value should be: a string cut short by a line break,
   * a bare word, a value run together with more text. `value` is then the raw text.
   */
  closed: boolean;
}

export interface Json5Visitor<C> {
  /** The context of the top-level value. */
  root: C;
  /** The context of the value under `key` in an object whose context is `parent`. */
  child(parent: C, key: string): C;
  /** The context of an item in an array whose context is `parent`. */
  item(parent: C): C;
  key?(token: Json5Token, parent: C): void;
  value(token: Json5Token, context: C): void;
}

const enum Expect {
  Key,
  Colon,
  Value,
  Comma,
}

interface Frame<C> {
  container: "root" | "object" | "array";
  context: C;
  expect: Expect;
  key: string;
}

const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const LF = 10;
const CR = 13;

const SPACE_SEPARATOR = /\p{Zs}/u;
const ID_START = /[\p{ID_Start}$_]/u;
const ID_CONTINUE = /[\p{ID_Continue}$_\u200c\u200d]/u;

const isLineTerminator = (c: number) => c === LF || c === CR || c === 0x2028 || c === 0x2029;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isAsciiIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95;

function isWhitespace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true; // space, tab, LF, VT, FF, CR
  if (c < 128) return false;
  return c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || SPACE_SEPARATOR.test(String.fromCharCode(c));
}

/** Skips whitespace and comments; an unterminated block comment runs to the end. */
function skipTrivia(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      i += 2;
      while (i < n && !isLineTerminator(text.charCodeAt(i))) i++;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? n : close + 2;
    } else {
      break;
    }
  }
  return i;
}

function hexValue(text: string, from: number, digits: number): number {
  for (let k = 0; k < digits; k++) if (!isHex(text.charCodeAt(from + k))) return -1;
  return parseInt(text.slice(from, from + digits), 16);
}

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", 0: "\0" };

/** A quoted string starting at `from` (its quote). Stops before an unescaped line break. */
function readString(text: string, from: number): Json5Token {
  const quoteCode = text.charCodeAt(from);
  const n = text.length;
  const parts: string[] = [];
  let i = from + 1;
  let segment = i;
  let escaped = false;
  let closed = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === quoteCode) {
      closed = true;
      break;
    }
    if (c === LF || c === CR) break;
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    escaped = true;
    parts.push(text.slice(segment, i));
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next)) {
      i++;
    } else if (next === CR) {
      i += text.charCodeAt(i + 2) === LF ? 3 : 2; // line continuation
    } else if (isLineTerminator(next)) {
      i += 2;
    } else if (next === 120 /* x */ && hexValue(text, i + 2, 2) >= 0) {
      parts.push(String.fromCharCode(hexValue(text, i + 2, 2)));
      i += 4;
    } else if (next === 117 /* u */ && hexValue(text, i + 2, 4) >= 0) {
      parts.push(String.fromCharCode(hexValue(text, i + 2, 4)));
      i += 6;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i + 1)!);
      parts.push(SIMPLE_ESCAPES[char] ?? char);
      i += 1 + char.length;
    }
    segment = i;
  }
  const tail = text.slice(segment, i);
  return {
    start: from,
    end: closed ? i + 1 : i,
    kind: "string",
    value: escaped ? parts.join("") + tail : tail,
    quote: quoteCode === QUOTE ? '"' : "'",
    escaped,
    closed,
  };
}

/** An identifier (letters, `$`, `_`, `\uXXXX` escapes) starting at `from`, or null. */
function readIdentifier(text: string, from: number): Json5Token | null {
  const n = text.length;
  let decoded: string[] | null = null; // only once an escape is seen
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const first = i === from;
    if (c === BACKSLASH) {
      const code = text.charCodeAt(i + 1) === 117 ? hexValue(text, i + 2, 4) : -1;
      if (code < 0 || !(first ? ID_START : ID_CONTINUE).test(String.fromCharCode(code))) break;
      decoded ??= [text.slice(from, i)];
      decoded.push(String.fromCharCode(code));
      i += 6;
      continue;
    }
    let length = 1;
    if (!(isAsciiIdStart(c) || (!first && isDigit(c)))) {
      if (c < 128) break;
      const char = String.fromCodePoint(text.codePointAt(i)!);
      if (!(first ? ID_START : ID_CONTINUE).test(char)) break;
      length = char.length;
    }
    decoded?.push(text.slice(i, i + length));
    i += length;
  }
  if (i === from) return null;
  const value = decoded ? decoded.join("") : text.slice(from, i);
  return { start: from, end: i, kind: "identifier", value, escaped: decoded !== null, closed: true };
}

/** A JSON5 number (signs, hex, Infinity, NaN, leading or trailing dots) starting at `from`, or null. */
function readNumber(text: string, from: number): Json5Token | null {
  let i = from;
  const sign = text.charCodeAt(i);
  if (sign === 43 || sign === 45) i++;
  const token = (end: number): Json5Token => ({
    start: from,
    end,
    kind: "number",
    value: text.slice(from, end),
    escaped: false,
    closed: true,
  });
  if (text.startsWith("Infinity", i)) return token(i + 8);
  if (text.startsWith("NaN", i)) return token(i + 3);
  if (text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120 && isHex(text.charCodeAt(i + 2))) {
    i += 2;
    while (isHex(text.charCodeAt(i))) i++;
    return token(i);
  }
  const integer = i;
  while (isDigit(text.charCodeAt(i))) i++;
  let digits = i - integer;
  if (text.charCodeAt(i) === 46) {
    const fraction = ++i;
    while (isDigit(text.charCodeAt(i))) i++;
    digits += i - fraction;
  }
  if (digits === 0) return null;
  if ((text.charCodeAt(i) | 32) === 101) {
    let k = i + 1;
    if (text.charCodeAt(k) === 43 || text.charCodeAt(k) === 45) k++;
    if (isDigit(text.charCodeAt(k))) {
      while (isDigit(text.charCodeAt(k))) k++;
      i = k;
    }
  }
  return token(i);
}

function readKey(text: string, from: number): Json5Token | null {
  const c = text.charCodeAt(from);
  return c === QUOTE || c === APOSTROPHE ? readString(text, from) : readIdentifier(text, from);
}

const LITERALS = new Set(["true", "false", "null"]);

/** Where a value that is not valid JSON5 ends: at the next `,`, `}`, `]` or line break. */
function junkEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 125 || c === 93 || isLineTerminator(c)) break;
    i++;
  }
  return i;
}

/** Whether a valid value may end here: whitespace, a comment, `,`, `}`, `]`, `:` or the end. */
function endsCleanly(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (c === 44 || c === 125 || c === 93 || c === 58 || isWhitespace(c)) return true;
  return c === SLASH && (text.charCodeAt(at + 1) === SLASH || text.charCodeAt(at + 1) === STAR);
}

/**
 * A value starting at `from`, or null. In a broken file, a bare word or a value run together with
 * more text (`sk-abc123`, `"abc"def`) is reported as one malformed string up to the next `,`, `}`,
 * `]` or line break, so a secret written that way is still masked whole.
 */
function readValue(text: string, from: number): Json5Token | null {
  const c = text.charCodeAt(from);
  let token: Json5Token | null;
  if (c === QUOTE || c === APOSTROPHE) token = readString(text, from);
  else if (isDigit(c) || c === 43 || c === 45 || c === 46) token = readNumber(text, from);
  else {
    token = readIdentifier(text, from);
    if (token && !token.escaped && LITERALS.has(token.value)) token.kind = "literal";
    else if (token && !token.escaped && (token.value === "Infinity" || token.value === "NaN")) token.kind = "number";
  }
  if (token && token.kind !== "identifier" && token.closed && endsCleanly(text, token.end)) return token;
  const end = junkEnd(text, from);
  if (end === from) return null;
  return { start: from, end, kind: "string", value: text.slice(from, end).trimEnd(), escaped: false, closed: false };
}

/** Walks `text`, calling `visitor.key` for each key and `visitor.value` for each primitive value. */
export function scanJson5<C>(text: string, visitor: Json5Visitor<C>): void {
  const stack: Frame<C>[] = [{ container: "root", context: visitor.root, expect: Expect.Value, key: "" }];
  const n = text.length;
  let i = 0;
  for (;;) {
    i = skipTrivia(text, i);
    if (i >= n) return;
    const top = stack[stack.length - 1];
    const c = text[i];
    const closes = (c === "}" && top.container === "object") || (c === "]" && top.container === "array");
    if (top.expect === Expect.Key) {
      const key = c === "}" || c === "," ? null : readKey(text, i);
      if (closes) stack.pop();
      else if (key) {
        visitor.key?.(key, top.context);
        top.key = key.value;
        top.expect = Expect.Colon;
        i = key.end;
        continue;
      }
      i++; // "}", a stray comma, or something that is not a key
    } else if (top.expect === Expect.Colon) {
      top.expect = Expect.Value;
      if (c === ":") i++;
    } else if (top.expect === Expect.Value) {
      if (closes) {
        stack.pop(); // "[]", a trailing comma, or "{a:}" in a broken file
        i++;
        continue;
      }
      if (c === ",") {
        top.expect = top.container === "object" ? Expect.Key : Expect.Value; // "{a: , b: 1}": a has no value
        i++;
        continue;
      }
      const opens = c === "{" || c === "[";
      const token = opens ? null : readValue(text, i);
      if (!opens && !token) {
        i++; // a stray "]" or "}"
        continue;
      }
      // Worked out once per value, so each key is judged once however broken the file is.
      const context =
        top.container === "object"
          ? visitor.child(top.context, top.key)
          : top.container === "array"
            ? visitor.item(top.context)
            : top.context;
      top.expect = Expect.Comma;
      if (token) {
        visitor.value(token, context);
        i = token.end;
      } else {
        stack.push({
          container: c === "{" ? "object" : "array",
          context,
          expect: c === "{" ? Expect.Key : Expect.Value,
          key: "",
        });
        i++;
      }
    } else {
      if (closes) {
        stack.pop();
        i++;
      } else {
        top.expect = top.container === "object" ? Expect.Key : Expect.Value;
        if (c === ",") i++;
      }
    }
  }
}
