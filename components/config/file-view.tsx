import { Fragment } from "react";

// A small JSON5 highlighter (keys, strings, numbers, literals, line comments): enough to read
// openclaw.json comfortably without shipping a syntax-highlighting library.
const TOKEN =
  /(\/\/.*$|\/\*.*?\*\/)|("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')(\s*:)?|([A-Za-z_$][\w$]*)(\s*:)|(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)|\b(true|false|null)\b/g;

function highlight(line: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) out.push(line.slice(last, index));
    const [whole, comment, string, stringColon, bareKey, bareColon, number, literal] = match;
    if (comment)
      out.push(
        <span key={index} className="text-zinc-600 italic dark:text-zinc-400">
          {comment}
        </span>,
      );
    else if (string && stringColon)
      out.push(
        <Fragment key={index}>
          <span className="text-sky-700 dark:text-sky-300">{string}</span>
          {stringColon}
        </Fragment>,
      );
    else if (string)
      out.push(
        <span key={index} className="text-emerald-700 dark:text-emerald-300">
          {string}
        </span>,
      );
    else if (bareKey)
      out.push(
        <Fragment key={index}>
          <span className="text-sky-700 dark:text-sky-300">{bareKey}</span>
          {bareColon}
        </Fragment>,
      );
    else if (number)
      out.push(
        <span key={index} className="text-amber-700 dark:text-amber-300">
          {number}
        </span>,
      );
    else if (literal)
      out.push(
        <span key={index} className="text-violet-700 dark:text-violet-300">
          {literal}
        </span>,
      );
    else out.push(whole);
    last = index + whole.length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

/** The file, read-only, with line numbers; the line of a parse problem is marked. */
export function FileView({ text, problemLine, label }: { text: string; problemLine?: number; label: string }) {
  const lines = text.replace(/\n$/, "").split("\n");
  return (
    <div
      className="max-h-[32rem] overflow-auto rounded-lg border border-zinc-200 bg-white font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950"
      data-testid="config-file"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className="w-full border-collapse">
        <tbody>
          {lines.map((line, i) => {
            const n = i + 1;
            const bad = n === problemLine;
            return (
              <tr
                key={n}
                className={bad ? "bg-red-100 dark:bg-red-950" : undefined}
                data-line={n}
                aria-current={bad ? "true" : undefined}
              >
                <td className="w-12 select-none px-2 text-right align-top text-zinc-600 dark:text-zinc-400">{n}</td>
                <td className="whitespace-pre-wrap break-all pr-3">{highlight(line)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
