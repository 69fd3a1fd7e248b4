"use client";
import Markdown from "markdown-to-jsx/react";

// Model output is untrusted: raw HTML is not parsed (shown as text) and links open apart.
const OPTIONS = {
  disableParsingRawHTML: true,
  optimizeForStreaming: true,
  overrides: { a: { props: { target: "_blank", rel: "noreferrer noopener", className: "link" } } },
};

const STYLES = [
  "break-words text-sm leading-relaxed",
  "[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_h1]:mt-3 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 dark:[&_blockquote]:border-zinc-700",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] dark:[&_code]:bg-zinc-800",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-zinc-900 [&_pre]:p-3 [&_pre]:text-zinc-100",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-zinc-100",
  "[&_table]:my-2 [&_td]:border [&_td]:border-zinc-300 [&_td]:px-2 [&_th]:border [&_th]:border-zinc-300 [&_th]:px-2 dark:[&_td]:border-zinc-700 dark:[&_th]:border-zinc-700",
].join(" ");

export function AnswerMarkdown({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className={STYLES} data-testid={testId}>
      <Markdown options={OPTIONS}>{text}</Markdown>
    </div>
  );
}
