// Code for the current request, to paste into a terminal or a program. The token is always
// read from the environment ($HF_TOKEN / process.env / os.environ): it is never in a snippet.
import { routerBody, type ChatRequest } from "./request";

const PUBLIC_ROUTER_URL = "https://router.huggingface.co/v1";
export const SNIPPET_LANGUAGES = [
  { id: "curl", label: "curl" },
  { id: "javascript", label: "JavaScript (openai)" },
  { id: "python", label: "Python (openai)" },
] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]["id"];

interface SnippetInput {
  request: ChatRequest;
  /** The router's model id with its policy suffix (alias and huggingface/ prefix resolved). */
  routerModel: string;
  baseUrl?: string;
}

/** One shell word, whatever it holds: everything from the config or the request goes through here. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The configured router address as the URL parser spells it (`new URL().href`), no trailing slash. */
function normaliseBase(baseUrl: string): string {
  let base = baseUrl.trim();
  try {
    base = new URL(base).href;
  } catch {
    // Not a URL: kept as written (and quoted), so the snippet shows what the config says.
  }
  while (base.endsWith("/")) base = base.slice(0, -1);
  return base;
}

function indentLines(text: string, pad: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? line : pad + line))
    .join("\n");
}

/** A JSON value as a Python literal (True/False/None), 4-space indented. */
export function toPython(value: unknown, depth = 0): string {
  const pad = "    ".repeat(depth + 1);
  const end = "    ".repeat(depth);
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${pad}${toPython(item, depth + 1)},`).join("\n")}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${toPython(v, depth + 1)},`).join("\n")}\n${end}}`;
}

function curlSnippet({ request, routerModel, baseUrl = PUBLIC_ROUTER_URL }: SnippetInput): string {
  const body = JSON.stringify(routerBody(request, routerModel), null, 2);
  return [
    `curl ${shellQuote(`${normaliseBase(baseUrl)}/chat/completions`)} \\`,
    `  -H "Authorization: Bearer $HF_TOKEN" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${indentLines(shellQuote(body), "  ")}`,
  ].join("\n");
}

function javascriptSnippet({ request, routerModel, baseUrl = PUBLIC_ROUTER_URL }: SnippetInput): string {
  const body = JSON.stringify(routerBody(request, routerModel), null, 2);
  return [
    `import { OpenAI } from "openai";`,
    ``,
    `const client = new OpenAI({`,
    `  baseURL: ${JSON.stringify(normaliseBase(baseUrl))},`,
    `  apiKey: process.env.HF_TOKEN,`,
    `});`,
    ``,
    `const stream = await client.chat.completions.create(${body});`,
    ``,
    `for await (const chunk of stream) {`,
    `  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");`,
    `}`,
  ].join("\n");
}

function pythonSnippet({ request, routerModel, baseUrl = PUBLIC_ROUTER_URL }: SnippetInput): string {
  const body = routerBody(request, routerModel);
  const args = Object.entries(body).map(([key, value]) => `    ${key}=${toPython(value, 1)},`);
  return [
    `import os`,
    `from openai import OpenAI`,
    ``,
    `client = OpenAI(`,
    `    base_url=${JSON.stringify(normaliseBase(baseUrl))},`,
    `    api_key=os.environ["HF_TOKEN"],`,
    `)`,
    ``,
    `stream = client.chat.completions.create(`,
    ...args,
    `)`,
    ``,
    `for chunk in stream:`,
    `    if chunk.choices:`,
    `        print(chunk.choices[0].delta.content or "", end="", flush=True)`,
  ].join("\n");
}

export function buildSnippet(language: SnippetLanguage, input: SnippetInput): string {
  if (language === "curl") return curlSnippet(input);
  if (language === "javascript") return javascriptSnippet(input);
  return pythonSnippet(input);
}
